import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ManifestFile, PackageManifest } from '../../../../shared/contract/package';
import { PACKAGE_FORMAT_VERSION } from '../../../../shared/contract/package';
import { blobPath } from '../attachments/blobStore';
import { CoreError } from '../../errors';
import { applicationForm, implementationPlan } from './content';
import type { PackageData } from './data';
import { renderDocx } from './docx';
import { renderPdf } from './pdf';
import { facilitiesWorkbook, teacherWorkbook } from './xlsx';
import { writeZip, type ZipEntry } from '../../io/zip';

export const MANIFEST_NAME = 'manifest.json';

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Characters no file system takes in a name, and control characters. */
export function safeName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .trim()
    .replace(/^\.+/, '_');
  return cleaned === '' ? '_' : cleaned.slice(0, 120);
}

const yyyymmdd = (d: Date) =>
  `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;

/** {学校名称}_{证书名称}_1+X证书试点申报材料_{YYYYMMDD}[_草稿].zip */
export function packageFileName(data: PackageData, now: Date, draft: boolean): string {
  const certificates = [...new Set(data.projects.map((p) => p.project.certificateName))].join('、');
  const base = `${data.school.name}_${certificates}_1+X证书试点申报材料_${yyyymmdd(now)}`;
  return `${safeName(base.length > 180 ? base.slice(0, 180) : base)}${draft ? '_草稿' : ''}.zip`;
}

/** Byte order, the same on every machine (not locale-dependent). */
const byPath = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export interface BuildOptions {
  data: PackageData;
  draft: boolean;
  now: Date;
  appVersion: string;
  blobRoot: string;
  progress: (done: number) => void;
}

export const BUILD_STEPS = 7;

/** The package's bytes and its manifest: same data (and clock) → same bytes. */
export async function buildPackage(
  options: BuildOptions,
): Promise<{ bytes: Buffer; manifest: PackageManifest }> {
  const { data, draft, progress } = options;
  const suffix = draft ? '（草稿）' : '';
  const form = applicationForm(data, draft);
  const entries: ZipEntry[] = [];
  entries.push({
    name: `申报表${suffix}.docx`,
    data: await renderDocx('1+X证书制度试点申报表', form),
  });
  progress(1);
  entries.push({
    name: `申报表${suffix}.pdf`,
    data: await renderPdf('1+X证书制度试点申报表', form),
  });
  progress(2);
  entries.push({
    name: `实施方案${suffix}.docx`,
    data: await renderDocx('1+X证书制度试点实施方案', implementationPlan(data, draft)),
  });
  progress(3);
  entries.push({ name: `教师信息表${suffix}.xlsx`, data: await teacherWorkbook(data, draft) });
  progress(4);
  entries.push({ name: `实训条件表${suffix}.xlsx`, data: await facilitiesWorkbook(data, draft) });
  progress(5);
  const used = new Set<string>();
  for (const a of data.attachments) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(blobPath(options.blobRoot, a.sha256));
    } catch {
      throw new CoreError(
        'CONFLICT',
        `附件“${a.displayName}”（${a.owner}）的文件已丢失，请重新上传后再导出。`,
      );
    }
    const stem = safeName(`${a.owner}_${a.kind}_${a.displayName.replace(/\.[^.]*$/, '')}`);
    let name = `附件/${stem}.${a.ext}`;
    for (let n = 2; used.has(name); n += 1) name = `附件/${stem}_${n}.${a.ext}`;
    used.add(name);
    entries.push({ name, data: bytes });
  }
  progress(6);
  entries.sort(byPath);
  const files: ManifestFile[] = entries.map((e) => ({
    path: e.name,
    size: e.data.length,
    sha256: sha256(e.data),
  }));
  const manifest: PackageManifest = {
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: options.now.toISOString(),
    draft,
    school: { name: data.school.name, code: data.school.code },
    projects: data.projects.map(({ project }) => ({
      id: project.id,
      certificateName: project.certificateName,
      organization: project.organization,
      year: project.year,
      levels: project.levels,
      selfCheck: project.selfCheck,
      verdicts: project.verdicts,
    })),
    files,
  };
  entries.push({
    name: MANIFEST_NAME,
    data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
  });
  entries.sort(byPath);
  const bytes = await writeZip(entries);
  progress(BUILD_STEPS);
  return { bytes, manifest };
}

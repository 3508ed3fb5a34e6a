import { chinaDate } from '../../../../shared/domain/dates';
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { Transform } from 'node:stream';
import type { PackageManifest } from '../../../../shared/contract/package';
import { PACKAGE_FORMAT_VERSION } from '../../../../shared/contract/package';
import { safeFileName } from '../../../../shared/domain/fileNames';
import { blobPath } from '../attachments/blobStore';
import { CoreError } from '../../errors';
import { applicationForm } from './applicationForm';
import { MAX_NAME_PART, labelAttachments } from './attachmentLabels';
import { implementationPlan } from './content';
import type { PackageData } from './data';
import { renderDocx } from './lazyDocx';
import { renderPdf } from './pdf';
import { facilitiesWorkbook, teacherWorkbook } from './xlsx';
import type { CancellableTask } from '../../io/tasks';
import type { PackageAttachment } from './data';
import { compressFor, packageContents } from './manifestZip';
import { collectGarbage } from '../../io/collectGarbage';

/** The export day in China (not the machine's zone, not UTC) as YYYYMMDD. */
export const yyyymmdd = (d: Date) => chinaDate(d).replaceAll('-', '');

/** {学校名称}_{证书名称}_1+X证书试点申报材料_{YYYYMMDD}[_草稿].zip */
export function packageFileName(data: PackageData, now: Date, draft: boolean): string {
  const certificates = [...new Set(data.projects.map((p) => p.project.certificateName))].join('、');
  const base = `${data.school.name}_${certificates}_1+X证书试点申报材料_${yyyymmdd(now)}`;
  return `${safeFileName(base, '_', MAX_NAME_PART)}${draft ? '_草稿' : ''}.zip`;
}

export interface BuildOptions {
  data: PackageData;
  draft: boolean;
  now: Date;
  appVersion: string;
  blobRoot: string;
  /** Where the zip is written (must not exist yet); the caller removes it if the build fails. */
  target: string;
  /** Entry names in GBK, for the unzip of older Windows (兼容旧版 Windows 解压). */
  gbkNames: boolean;
  /** Checked between steps and while attachments stream in; aborting stops the build at once. */
  task: Pick<CancellableTask, 'signal' | 'checkpoint'>;
  progress: (done: number) => void;
  /** Documents the person chose to add (the 试点经费使用情况表), after the required ones. */
  extraDocuments?: readonly { name: string; make: () => Promise<Buffer> }[];
}

/**
 * The documents every application package holds, named once: the builder writes them under
 * these names and 校验材料包 requires them. A draft's carry （草稿） in the name.
 */
export function applicationDocuments(draft: boolean) {
  const suffix = draft ? '（草稿）' : '';
  return {
    formDocx: `申报表${suffix}.docx`,
    formPdf: `申报表${suffix}.pdf`,
    plan: `实施方案${suffix}.docx`,
    teachers: `教师信息表${suffix}.xlsx`,
    facilities: `实训条件表${suffix}.xlsx`,
  };
}

/** Each generated document counts as this many units of work (an attachment: one per byte). */
const DOCUMENT_WORK = 1024 * 1024;
const DOCUMENTS = Object.keys(applicationDocuments(false)).length;

/** The units of work `buildPackage` reports progress in: documents plus attachment bytes. */
export function packageWork(data: PackageData, extraDocuments = 0): number {
  return (
    (DOCUMENTS + extraDocuments) * DOCUMENT_WORK +
    data.attachments.reduce((sum, a) => sum + a.size, 0)
  );
}

const missingAttachment = (a: PackageAttachment) =>
  new CoreError(
    'CONFLICT',
    `附件“${a.displayName}”（${a.owner}）的文件已丢失，请重新上传后再导出。`,
  );
const damagedAttachment = (a: PackageAttachment) =>
  new CoreError(
    'CONFLICT',
    `附件“${a.displayName}”（${a.owner}）的文件已损坏（内容与上传时的校验值不符），请重新上传后再导出。`,
  );

/**
 * Passes an attachment's bytes through, reporting them as progress, and fails at the end if they
 * are not the bytes whose SHA-256 the manifest already lists (the blob store's content address).
 */
function checkedBytes(a: PackageAttachment, onBytes: (n: number) => void): () => Transform {
  return () => {
    const hash = createHash('sha256');
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        onBytes(chunk.length);
        done(null, chunk);
      },
      flush(done) {
        done(hash.digest('hex') === a.sha256 ? null : damagedAttachment(a));
      },
    });
  };
}

/**
 * Writes the package to `options.target`: same data (and clock) → same bytes. Documents are made
 * in memory one at a time, each step's garbage collected before the next; attachments stream from the blob store straight into the zip, and their manifest
 * entries come from the store's content address (SHA-256 and size), checked while they stream.
 */
export async function buildPackage(
  options: BuildOptions,
): Promise<{ size: number; manifest: PackageManifest }> {
  const { data, draft, progress, task } = options;
  const names = applicationDocuments(draft);
  const attachments = labelAttachments(data.attachments);
  // GBK tables (iconv-lite) and JSZip load with the first package, not with the core.
  const { gbkSpells } = await import('../../io/gbkZip');
  const unspellable = options.gbkNames && attachments.find((a) => !gbkSpells(a.path));
  if (unspellable) {
    throw new CoreError(
      'CONFLICT',
      `附件“${unspellable.attachment.displayName}”（${unspellable.attachment.owner}）在材料包中的文件名“${unspellable.path}”含有 GBK 编码无法表示的字符，不能以 GBK 文件名（兼容旧版 Windows 解压）导出。请修改附件名称，或以 UTF-8 文件名导出。`,
    );
  }
  const today = chinaDate(options.now);
  const form = applicationForm(data, draft, today);
  const documents: { name: string; make: () => Promise<Buffer> }[] = [
    { name: names.formDocx, make: () => renderDocx('1+X证书制度试点申报表', form) },
    { name: names.formPdf, make: () => renderPdf('1+X证书制度试点申报表', form) },
    {
      name: names.plan,
      make: () => renderDocx('1+X证书制度试点实施方案', implementationPlan(data, draft)),
    },
    {
      name: names.teachers,
      make: () => teacherWorkbook(data, draft, today),
    },
    {
      name: names.facilities,
      make: () => facilitiesWorkbook(data, draft, today),
    },
    ...(options.extraDocuments ?? []),
  ];
  const contents = packageContents();
  for (const [i, doc] of documents.entries()) {
    await task.checkpoint();
    contents.addBytes(doc.name, await doc.make());
    progress((i + 1) * DOCUMENT_WORK);
    // What made the document is garbage now: return it before the next one (and the
    // attachments' stream) allocates on top — a 300-teacher export peaked ~60 MB higher without.
    collectGarbage();
  }
  await task.checkpoint();

  let streamed = documents.length * DOCUMENT_WORK;
  const onBytes = (n: number) => progress((streamed += n));
  for (const { attachment: a, path: name } of attachments) {
    const file = blobPath(options.blobRoot, a.sha256);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw missingAttachment(a);
    }
    if (size !== a.size) throw damagedAttachment(a);
    contents.addStreamed(
      { name, file, size, compress: compressFor(name), through: checkedBytes(a, onBytes) },
      { path: name, size: a.size, sha256: a.sha256 },
    );
  }
  const header = {
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: options.appVersion,
    createdAt: options.now.toISOString(),
    kind: 'application' as const,
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
  };
  const manifest = await contents.write(header, options.target, task.signal, options.gbkNames);
  const size = statSync(options.target).size;
  progress(packageWork(data));
  return { size, manifest };
}

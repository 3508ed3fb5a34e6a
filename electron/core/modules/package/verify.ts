import { statSync } from 'node:fs';
import {
  MAX_VERIFY_BYTES,
  verifyTooLargeMessage,
  type ManifestBatch,
  type PackageManifest,
  type PackageVerifyReport,
} from '../../../../shared/contract/package';
import { certificateLevels } from '../../../../shared/domain/certificate';
import { CoreError } from '../../errors';
import { readZipEntries, type ZipLimits } from '../../io/safeZip';
import { MANIFEST_NAME } from './manifestZip';

/** Limits against zip bombs: far above any real package, far below a machine's memory. */
export const verifyLimits: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: MAX_VERIFY_BYTES,
  maxEntryBytes: 200 * 1024 * 1024,
  maxRatio: 200,
};

export { unsafeNameReason } from '../../io/safeZip';

const refuse = (message: string) => new CoreError('BAD_FILE', message);

/** The manifest's file list checked field by field (it is untrusted input); null if invalid. */
export function parseManifest(text: string): PackageManifest | null {
  try {
    const m = JSON.parse(text) as PackageManifest;
    if (typeof m !== 'object' || m === null || !Array.isArray(m.files)) return null;
    const validFiles = m.files.every(
      (f) =>
        typeof f?.path === 'string' && typeof f.size === 'number' && typeof f.sha256 === 'string',
    );
    return validFiles ? m : null;
  } catch {
    return null;
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A batch package's batch, field by field: the manifest is untrusted input. */
function batchOf(raw: unknown): ManifestBatch {
  const b = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const level = certificateLevels.find((l) => l === b.level) ?? 'junior';
  return {
    id: typeof b.id === 'number' ? b.id : 0,
    certificateName: text(b.certificateName),
    level,
    levelLabel: text(b.levelLabel),
    name: text(b.name),
    examDate: text(b.examDate),
    organization: text(b.organization),
    signups: typeof b.signups === 'number' ? b.signups : 0,
  };
}

/**
 * Checks the archive at `file` (shown as `fileName`) against its manifest: missing, extra and
 * changed files. The archive is read from disk entry by entry, never loaded whole.
 */
export async function verifyPackage(fileName: string, file: string): Promise<PackageVerifyReport> {
  if (statSync(file).size > MAX_VERIFY_BYTES) throw refuse(verifyTooLargeMessage());
  const entries = await readZipEntries(file, {
    what: '材料包',
    limits: verifyLimits,
    keepText: (name) => name === MANIFEST_NAME,
  });
  const report: PackageVerifyReport = {
    ok: false,
    fileName,
    manifest: null,
    missing: [],
    extra: [],
    changed: [],
    problems: [],
    checkedFiles: 0,
  };
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) report.problems.push(`条目“${e.name}”在材料包中出现了多次。`);
    names.add(e.name);
  }
  const manifestEntry = entries.find((e) => e.name === MANIFEST_NAME);
  if (!manifestEntry?.text) {
    report.problems.push('材料包中没有 manifest.json，无法核对文件清单和校验值。');
    return report;
  }
  const manifest = parseManifest(manifestEntry.text);
  if (!manifest) {
    report.problems.push('manifest.json 内容无效（不是本软件生成的清单格式）。');
    return report;
  }
  report.manifest = {
    formatVersion: manifest.formatVersion,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    kind: manifest.kind === 'batch' ? 'batch' : 'application',
    draft: manifest.draft,
    school: manifest.school,
    projects: (manifest.projects ?? []).map((p) => ({
      certificateName: p.certificateName,
      year: p.year,
    })),
    ...(manifest.kind === 'batch' ? { batch: batchOf(manifest.batch) } : {}),
  };
  const byName = new Map(entries.map((e) => [e.name, e]));
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const e = byName.get(f.path);
    if (!e) report.missing.push(f.path);
    else {
      report.checkedFiles += 1;
      if (e.size !== f.size || e.sha256 !== f.sha256) report.changed.push(f.path);
    }
  }
  for (const e of entries) {
    if (e.name !== MANIFEST_NAME && !listed.has(e.name)) report.extra.push(e.name);
  }
  if (manifest.draft)
    report.problems.push('这是草稿材料包（自检未通过），不能作为正式申报材料提交。');
  report.ok =
    report.missing.length === 0 &&
    report.extra.length === 0 &&
    report.changed.length === 0 &&
    report.problems.filter((p) => !p.startsWith('这是草稿')).length === 0;
  return report;
}

import { statSync } from 'node:fs';
import {
  MAX_VERIFY_BYTES,
  verifyTooLargeMessage,
  type PackageVerifyReport,
} from '../../../../shared/contract/package';
import { CoreError } from '../../errors';
import { readZipEntries, type ReadEntry, type ZipLimits } from '../../io/safeZip';
import { readManifest, type ReadManifest } from './manifestCheck';
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

const DRAFT_NOTE = '这是草稿材料包（自检未通过），不能作为正式申报材料提交。';

/** Names that occur more than once, each with its count, in first-seen order. */
function repeated(names: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1);
}

/** What the page shows of a manifest of our format. */
function summary(manifest: ReadManifest): NonNullable<PackageVerifyReport['manifest']> {
  return {
    formatVersion: manifest.formatVersion,
    appVersion: manifest.appVersion,
    createdAt: manifest.createdAt,
    kind: manifest.kind,
    draft: manifest.draft,
    school: manifest.school,
    projects: manifest.projects.map((p) => ({ certificateName: p.certificateName, year: p.year })),
    ...(manifest.batch ? { batch: manifest.batch } : {}),
  };
}

/**
 * Checks the archive at `file` (shown as `fileName`) against its manifest: the manifest must be
 * of our format with the documents its kind requires, and no file may be missing, extra,
 * changed or present twice. The archive is read from disk entry by entry, never loaded whole.
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
  for (const [name, n] of repeated(entries.map((e) => e.name))) {
    report.problems.push(`条目“${name}”在材料包中出现了 ${n} 次。`);
  }
  const manifestEntry = entries.find((e) => e.name === MANIFEST_NAME);
  if (!manifestEntry?.text) {
    report.problems.push('材料包中没有 manifest.json，无法核对文件清单和校验值。');
    return report;
  }
  const reading = readManifest(manifestEntry.text);
  report.problems.push(...reading.problems);
  report.manifest = reading.manifest && summary(reading.manifest);
  if (reading.files) compareFiles(entries, reading.files, report);
  const blocking = report.problems.length > 0;
  if (reading.manifest?.draft) report.problems.push(DRAFT_NOTE);
  report.ok =
    !blocking &&
    report.manifest !== null &&
    report.missing.length === 0 &&
    report.extra.length === 0 &&
    report.changed.length === 0;
  return report;
}

/** Missing, extra and changed files (any copy of a duplicated entry that differs counts). */
function compareFiles(
  entries: readonly ReadEntry[],
  files: readonly { path: string; size: number; sha256: string }[],
  report: PackageVerifyReport,
): void {
  for (const [name, n] of repeated(files.map((f) => f.path))) {
    report.problems.push(`manifest.json 的文件清单中“${name}”列出了 ${n} 次。`);
  }
  const byName = new Map<string, ReadEntry[]>();
  for (const e of entries) byName.set(e.name, [...(byName.get(e.name) ?? []), e]);
  const listed = new Set<string>();
  for (const f of files) {
    if (listed.has(f.path)) continue;
    listed.add(f.path);
    const copies = byName.get(f.path);
    if (!copies) report.missing.push(f.path);
    else {
      report.checkedFiles += 1;
      if (copies.some((e) => e.size !== f.size || e.sha256 !== f.sha256)) {
        report.changed.push(f.path);
      }
    }
  }
  for (const name of byName.keys()) {
    if (name !== MANIFEST_NAME && !listed.has(name)) report.extra.push(name);
  }
}

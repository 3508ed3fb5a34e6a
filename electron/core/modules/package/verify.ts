import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import yauzl from 'yauzl';
import {
  MAX_VERIFY_BYTES,
  verifyTooLargeMessage,
  type ManifestBatch,
  type PackageManifest,
  type PackageVerifyReport,
} from '../../../../shared/contract/package';
import { certificateLevels } from '../../../../shared/domain/certificate';
import { CoreError } from '../../errors';
import { MANIFEST_NAME } from './manifestZip';

/** Limits against zip bombs: far above any real package, far below a machine's memory. */
export const verifyLimits = {
  maxEntries: 10_000,
  maxTotalBytes: MAX_VERIFY_BYTES,
  maxEntryBytes: 200 * 1024 * 1024,
  /** Uncompressed / compressed above this (for entries over 1 MB) is treated as a bomb. */
  maxRatio: 200,
};

const refuse = (message: string) => new CoreError('BAD_FILE', message);

/** Why an entry name is unsafe to extract, or null. */
export function unsafeNameReason(name: string): string | null {
  if (name.includes('\\')) return `条目“${name}”的路径含反斜杠，可能指向材料包以外的位置。`;
  if (/^[a-zA-Z]:/.test(name)) return `条目“${name}”使用了盘符绝对路径（如 C:），已拒绝。`;
  if (name.startsWith('/')) return `条目“${name}”使用了绝对路径，已拒绝。`;
  if (name.split('/').includes('..'))
    return `条目“${name}”含“../”，试图写到材料包以外的位置（路径穿越），已拒绝。`;
  if (name.includes('\u0000')) return `条目“${name}”的名称含非法字符。`;
  return null;
}

interface ReadEntry {
  name: string;
  size: number;
  sha256: string;
  text: string | null;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      // autoClose off: the file is closed by readEntries, on the end or at the first problem.
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false },
      (err, zip) =>
        err
          ? reject(refuse('文件不是有效的 zip 材料包（无法读取目录），可能已损坏或不是 zip 文件。'))
          : resolve(zip),
    );
  });
}

/**
 * Reads every entry from the file (nothing is extracted to disk), hashing as it streams and stopping
 * as soon as a limit is passed. Refuses unsafe archives with a Chinese message.
 */
async function readEntries(file: string): Promise<ReadEntry[]> {
  const zip = await openZip(file);
  if (zip.entryCount > verifyLimits.maxEntries) {
    zip.close();
    throw refuse(
      `材料包条目过多（${zip.entryCount} 个，上限 ${verifyLimits.maxEntries} 个），已拒绝。`,
    );
  }
  return new Promise((resolve, reject) => {
    const out: ReadEntry[] = [];
    let total = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(e instanceof CoreError ? e : refuse('材料包结构损坏，无法读取（可能下载不完整）。'));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      zip.close();
      resolve(out);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      const name = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
      const reason = unsafeNameReason(name);
      if (reason) return fail(refuse(reason));
      const unixMode = entry.externalFileAttributes >>> 16;
      if (entry.versionMadeBy >> 8 === 3 && (unixMode & 0o170000) === 0o120000) {
        return fail(refuse(`条目“${name}”是符号链接，材料包中不允许出现符号链接。`));
      }
      if (entry.isEncrypted())
        return fail(refuse(`条目“${name}”已加密，无法校验；请提供未加密的材料包。`));
      if (name.endsWith('/')) return zip.readEntry();
      total += entry.uncompressedSize;
      if (
        entry.uncompressedSize > verifyLimits.maxEntryBytes ||
        total > verifyLimits.maxTotalBytes
      ) {
        return fail(
          refuse(
            `材料包解压后过大（超过 ${verifyLimits.maxTotalBytes / 1024 / 1024} MB），疑似压缩炸弹，已拒绝。`,
          ),
        );
      }
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize / Math.max(1, entry.compressedSize) > verifyLimits.maxRatio
      ) {
        return fail(refuse(`条目“${name}”压缩比异常（疑似压缩炸弹），已拒绝。`));
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(err);
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > entry.uncompressedSize) {
            stream.destroy();
            return fail(refuse(`条目“${name}”的实际大小与声明不符，疑似压缩炸弹，已拒绝。`));
          }
          hash.update(c);
          if (name === MANIFEST_NAME) chunks.push(c);
        });
        stream.on('error', fail);
        stream.on('end', () => {
          out.push({
            name,
            size,
            sha256: hash.digest('hex'),
            text: name === MANIFEST_NAME ? Buffer.concat(chunks).toString('utf8') : null,
          });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

function parseManifest(text: string): PackageManifest | null {
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
  const entries = await readEntries(file);
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

import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { MAX_STAGED_BYTES } from '../../../shared/contract/uploads';
import { safeFileName, visibleName } from '../../../shared/domain/fileNames';
import { SUBMITTED_DIR } from '../dataFiles';
import { CoreError } from '../errors';
import { readZipEntries, type ZipLimits } from '../io/safeZip';
import { makePrivateDir, setFileMode } from '../io/privateFiles';
import { processTempName } from '../io/tempFiles';
import { writeZipFile, type ZipSource } from '../io/zip';
import { blobPath } from '../modules/attachments/blobStore';

/**
 * A backup to take to another PC: one zip holding a database snapshot, every attachment file it
 * names (`attachments/<sha256>`, stored: they are mostly compressed already), every package it
 * records as submitted (`submitted/<name>`, the kept read-only copy) and a manifest. A plain
 * `.sqlite` carries neither, as both live outside the database.
 */
export const ARCHIVE_FORMAT = 'pilotdesk-backup';
/**
 * The newest format this app reads. 2 adds `submitted`; an archive without submitted packages
 * is still written as 1, so an older app restores it.
 */
export const ARCHIVE_FORMAT_VERSION = 2;
export const ARCHIVE_MANIFEST = 'manifest.json';
const ATTACHMENT_PREFIX = 'attachments/';
const SUBMITTED_PREFIX = `${SUBMITTED_DIR}/`;
/** A kept package's name as 标记为已提交 makes it: `<12 hex>_<file name>.zip`, no folders. */
const submittedName = /^[0-9a-f]{12}_[^/\\]+\.zip$/;
/** Working files of a restore from an archive: `uploads/.<pid>-<hex>.unpack.tmp`. */
export const UNPACK_TEMP_KIND = 'unpack';

export interface BackupArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  appVersion: string;
  /** When the archive was made (ISO 8601). */
  createdAt: string;
  /** The database entry's name: the backup's file name. */
  database: string;
  attachments: { sha256: string; size: number }[];
  /** Packages marked as submitted, by their name in submitted/ (format 2). */
  submitted?: { name: string; sha256: string; size: number }[];
}

/** A kept submitted package to put in an archive: its file and the SHA-256 recorded for it. */
export interface SubmittedFile {
  name: string;
  file: string;
  sha256: string;
}

/** The archive's limits: a whole data folder fits (up to the staged-upload size). */
export const archiveLimits: ZipLimits = {
  maxEntries: 100_000,
  maxTotalBytes: MAX_STAGED_BYTES,
  maxEntryBytes: MAX_STAGED_BYTES,
  // A database full of empty pages deflates far better than any document.
  maxRatio: 1000,
};

const WHAT = '备份包';
const shaPattern = /^[0-9a-f]{64}$/;
const databaseName = /^[^/\\]+\.sqlite$/;
const ZIP_MAGIC = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/** Whether the file is a zip by its first bytes (a `.sqlite` renamed `.zip` is still a database). */
export function isZipFile(file: string): boolean {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 4, 0) === 4 && ZIP_MAGIC.some((m) => head.equals(m));
  } finally {
    closeSync(fd);
  }
}

/** Passes a file's bytes through and fails at the end unless they hash to `sha`. */
function checkedBytes(sha: string, damaged: string): () => Transform {
  return () => {
    const hash = createHash('sha256');
    return new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
      flush(done) {
        done(hash.digest('hex') === sha ? null : new CoreError('CONFLICT', damaged));
      },
    });
  };
}

/**
 * Streams the archive into `target` (which must not exist): the database file `database` under
 * the name `databaseName`, then each attachment the hashes name, taken from the first of `roots`
 * that has it (the live store, then the backups' copies). Hashes with no file anywhere are left
 * out (they would show as missing after a restore anyway) and counted.
 */
export async function writeBackupArchive(options: {
  database: string;
  databaseName: string;
  hashes: readonly string[];
  roots: readonly string[];
  /** Kept submitted packages (only those still intact: see backup/submitted.ts). */
  submitted?: readonly SubmittedFile[];
  appVersion: string;
  createdAt: Date;
  target: string;
}): Promise<{ manifest: BackupArchiveManifest; missing: number }> {
  const attachments: BackupArchiveManifest['attachments'] = [];
  const entries: ZipSource[] = [];
  let missing = 0;
  for (const sha of [...new Set(options.hashes)].filter((h) => shaPattern.test(h)).sort()) {
    const file = options.roots.map((root) => blobPath(root, sha)).find((f) => existsSync(f));
    if (!file) {
      missing += 1;
      continue;
    }
    const size = statSync(file).size;
    attachments.push({ sha256: sha, size });
    entries.push({
      name: `${ATTACHMENT_PREFIX}${sha}`,
      file,
      size,
      compress: false,
      through: checkedBytes(
        sha,
        `附件文件 ${sha} 已损坏（内容与校验值不符），无法打包。请在对应页面重新上传该附件。`,
      ),
    });
  }
  const submitted: NonNullable<BackupArchiveManifest['submitted']> = [];
  for (const kept of [...(options.submitted ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!submittedName.test(kept.name) || !shaPattern.test(kept.sha256)) continue;
    const size = statSync(kept.file).size;
    submitted.push({ name: kept.name, sha256: kept.sha256, size });
    entries.push({
      name: `${SUBMITTED_PREFIX}${kept.name}`,
      file: kept.file,
      size,
      compress: false,
      through: checkedBytes(
        kept.sha256,
        `已提交的材料包 ${kept.name} 的留存文件已被改动（内容与记录的校验值不符），无法打包。`,
      ),
    });
  }
  const manifest: BackupArchiveManifest = {
    format: ARCHIVE_FORMAT,
    formatVersion: submitted.length > 0 ? 2 : 1,
    appVersion: options.appVersion,
    createdAt: options.createdAt.toISOString(),
    database: options.databaseName,
    attachments,
    ...(submitted.length > 0 ? { submitted } : {}),
  };
  await writeZipFile(
    [
      {
        name: ARCHIVE_MANIFEST,
        data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
        compress: true,
      },
      {
        name: options.databaseName,
        file: options.database,
        size: statSync(options.database).size,
        compress: true,
      },
      ...entries,
    ],
    options.target,
  );
  return { manifest, missing };
}

/** The manifest, field by field: the archive is untrusted input. Null when it is not ours. */
function parseManifest(text: string): BackupArchiveManifest | null {
  try {
    const m = JSON.parse(text) as Partial<BackupArchiveManifest> | null;
    if (typeof m !== 'object' || m === null || m.format !== ARCHIVE_FORMAT) return null;
    if (typeof m.formatVersion !== 'number' || typeof m.database !== 'string') return null;
    if (!databaseName.test(m.database) || safeFileName(m.database) !== m.database) return null;
    if (!Array.isArray(m.attachments)) return null;
    const valid = m.attachments.every(
      (a) =>
        typeof a?.sha256 === 'string' &&
        shaPattern.test(a.sha256) &&
        Number.isSafeInteger(a.size) &&
        a.size >= 0,
    );
    const validSubmitted =
      m.submitted === undefined ||
      (Array.isArray(m.submitted) &&
        m.submitted.every(
          (k) =>
            typeof k?.name === 'string' &&
            submittedName.test(k.name) &&
            typeof k.sha256 === 'string' &&
            shaPattern.test(k.sha256) &&
            Number.isSafeInteger(k.size) &&
            k.size >= 0,
        ));
    return valid && validSubmitted ? (m as BackupArchiveManifest) : null;
  } catch {
    return null;
  }
}

export interface UnpackedArchive {
  /** The database entry, extracted. */
  database: string;
  /** Each attachment, extracted and checked against its name and the manifest. */
  attachments: { sha256: string; file: string }[];
  /** Each kept submitted package, extracted and checked against the manifest's SHA-256. */
  submitted: { name: string; file: string }[];
  /** Removes every extracted file still in the working folder. */
  cleanup(): void;
}

/**
 * Extracts and checks a backup archive (shown to the user as `label`) into `workDir`: the safe
 * zip reader's refusals (path traversal, symlinks, encryption, zip bombs), then the manifest, the
 * database entry and every attachment's SHA-256 against its name and the manifest. Any problem
 * refuses the whole archive with a message naming the entry, after removing what was extracted.
 */
export async function unpackBackupArchive(
  file: string,
  label: string,
  workDir: string,
): Promise<UnpackedArchive> {
  makePrivateDir(workDir);
  const extracted: string[] = [];
  const cleanup = () => {
    for (const f of extracted) rmSync(f, { force: true });
  };
  const refuse = (problem: string) =>
    new CoreError('BAD_FILE', `无法还原“${label}”：${problem}当前数据没有改动。`);
  try {
    const entries = await readZipEntries(file, {
      what: WHAT,
      limits: archiveLimits,
      keepText: (name) => name === ARCHIVE_MANIFEST,
      saveTo: (name) => {
        const ours =
          databaseName.test(name) ||
          (name.startsWith(ATTACHMENT_PREFIX) &&
            shaPattern.test(name.slice(ATTACHMENT_PREFIX.length))) ||
          (name.startsWith(SUBMITTED_PREFIX) &&
            submittedName.test(name.slice(SUBMITTED_PREFIX.length)));
        if (!ours) return null;
        const target = path.join(workDir, processTempName(UNPACK_TEMP_KIND));
        extracted.push(target);
        return target;
      },
    });
    const byName = new Map<string, (typeof entries)[number]>();
    for (const e of entries) {
      if (byName.has(e.name)) throw refuse(`条目“${visibleName(e.name)}”在${WHAT}中出现了多次。`);
      byName.set(e.name, e);
    }
    const manifestEntry = byName.get(ARCHIVE_MANIFEST);
    if (!manifestEntry?.text) {
      throw refuse(`${WHAT}中没有 ${ARCHIVE_MANIFEST}，它不是本软件生成的备份包，或已损坏。`);
    }
    const manifest = parseManifest(manifestEntry.text);
    if (!manifest) {
      throw refuse(`${ARCHIVE_MANIFEST} 内容无效（不是本软件生成的备份包清单）。`);
    }
    if (manifest.formatVersion > ARCHIVE_FORMAT_VERSION) {
      throw refuse(
        `${WHAT}由更新版本的软件生成（格式版本 ${manifest.formatVersion}），请先升级本软件再还原。`,
      );
    }
    const database = byName.get(manifest.database);
    if (!database?.savedTo) {
      throw refuse(`${WHAT}中缺少清单所列的数据库条目“${manifest.database}”。`);
    }
    const listed = new Set([ARCHIVE_MANIFEST, manifest.database]);
    const attachments: UnpackedArchive['attachments'] = [];
    for (const a of manifest.attachments) {
      const name = `${ATTACHMENT_PREFIX}${a.sha256}`;
      listed.add(name);
      const entry = byName.get(name);
      if (!entry?.savedTo) throw refuse(`${WHAT}中缺少清单所列的附件条目“${name}”。`);
      if (entry.sha256 !== a.sha256 || entry.size !== a.size) {
        throw refuse(`附件条目“${name}”已损坏：内容的校验值或大小与文件名和清单不符。`);
      }
      attachments.push({ sha256: a.sha256, file: entry.savedTo });
    }
    const submitted: UnpackedArchive['submitted'] = [];
    for (const k of manifest.submitted ?? []) {
      const name = `${SUBMITTED_PREFIX}${k.name}`;
      listed.add(name);
      const entry = byName.get(name);
      if (!entry?.savedTo) throw refuse(`${WHAT}中缺少清单所列的已提交材料包条目“${name}”。`);
      if (entry.sha256 !== k.sha256 || entry.size !== k.size) {
        throw refuse(`已提交材料包条目“${name}”已损坏：内容的校验值或大小与清单不符。`);
      }
      submitted.push({ name: k.name, file: entry.savedTo });
    }
    const extra = entries.find((e) => !listed.has(e.name));
    if (extra) {
      throw refuse(`条目“${visibleName(extra.name)}”不在 ${ARCHIVE_MANIFEST} 的清单中。`);
    }
    return { database: database.savedTo, attachments, submitted, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * Moves checked attachment files into the live store by rename (same data folder, so never a
 * partial file under a blob's name). The store is content-addressed: a file already there has the
 * same bytes and is kept (one of another size is damaged and replaced). Returns how many were added.
 */
export function installAttachments(
  attachments: UnpackedArchive['attachments'],
  liveRoot: string,
): number {
  let added = 0;
  for (const { sha256, file } of attachments) {
    const target = blobPath(liveRoot, sha256);
    try {
      if (statSync(target).size === statSync(file).size) continue;
    } catch {
      // not there yet
    }
    makePrivateDir(path.dirname(target));
    setFileMode(file); // the zip reader wrote it with the umask's mode
    renameSync(file, target);
    added += 1;
  }
  return added;
}

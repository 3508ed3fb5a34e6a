import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/open';
import { namesIn } from '../../io/folders';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../../io/privateFiles';
import { storedShaChecker } from './blobRepository';

/** The folder, beside the database file, that holds every attachment's content once. */
export const ATTACHMENTS_DIR = 'attachments';
const TEMP_SUFFIX = '.tmp';
const shaPattern = /^[0-9a-f]{64}$/;

/** `<dataDir>/attachments`: derived from the database file so every caller agrees. */
export function blobRootFor(db: Db): string {
  return path.join(path.dirname(db.name), ATTACHMENTS_DIR);
}

/** `<root>/<first 2 hex>/<sha256>` */
export function blobPath(root: string, sha256: string): string {
  if (!shaPattern.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
  return path.join(root, sha256.slice(0, 2), sha256);
}

function isFileOfSize(file: string, size: number): boolean {
  try {
    const stat = statSync(file);
    return stat.isFile() && stat.size === size;
  } catch {
    return false;
  }
}

/**
 * Makes sure the blob for these bytes is on disk. Writes a temporary file in the same folder,
 * flushes it and renames it into place, so the blob path never holds a partial file; a failure
 * removes the temporary file. Returns true when it wrote the file (false: it was already there).
 */
export function ensureBlob(root: string, sha256: string, bytes: Uint8Array): boolean {
  const target = blobPath(root, sha256);
  if (isFileOfSize(target, bytes.length)) return false;
  makePrivateDir(path.dirname(target));
  const temp = path.join(
    path.dirname(target),
    `.${sha256}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`,
  );
  try {
    const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return true;
}

/** Deletes one blob file; a file already gone is fine. */
export function deleteBlobFile(root: string, sha256: string): void {
  rmSync(blobPath(root, sha256), { force: true });
}

export interface SweepResult {
  tempFiles: number;
  orphanBlobs: number;
}

/**
 * Clears what an interrupted upload can leave behind: temporary files, and blob files that no
 * row names (a crash between writing the file and committing). Only files older than `graceMs`
 * are touched, so another process's upload in flight is left alone.
 */
export function sweepBlobStore(db: Db, root: string, now: number, graceMs: number): SweepResult {
  const result: SweepResult = { tempFiles: 0, orphanBlobs: 0 };
  const known = storedShaChecker(db);
  for (const folder of namesIn(root)) {
    if (!/^[0-9a-f]{2}$/.test(folder)) continue;
    const dir = path.join(root, folder);
    for (const name of namesIn(dir)) {
      const file = path.join(dir, name);
      let stat;
      try {
        stat = statSync(file);
      } catch {
        continue;
      }
      if (!stat.isFile() || now - stat.mtimeMs < graceMs) continue;
      if (name.startsWith('.') && name.endsWith(TEMP_SUFFIX)) {
        rmSync(file, { force: true });
        result.tempFiles += 1;
      } else if (shaPattern.test(name) && name.startsWith(folder) && !known(name)) {
        rmSync(file, { force: true });
        result.orphanBlobs += 1;
      }
    }
  }
  return result;
}

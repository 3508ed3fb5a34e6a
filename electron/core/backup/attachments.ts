import { existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { connect, type Db } from '../db/open';
import { copyPrivateFile, makePrivateDir } from '../io/privateFiles';
import { namesIn } from '../io/folders';
import { ATTACHMENTS_DIR, blobPath } from '../modules/attachments/blobStore';

/**
 * Attachment contents live outside the database (content-addressed files in `attachments/`), and
 * the attachments module deletes a file when its last link goes. A database backup alone would
 * then restore rows whose content is gone. So the backups folder keeps its own copy of every
 * attachment file a kept backup names, in `backups/attachments/` — a hard link to the live file
 * where the file system allows (no extra space while the live file exists), a copy otherwise —
 * and a restore puts back whichever of those files the restored data needs.
 */
export function poolRoot(backupDir: string): string {
  return path.join(backupDir, ATTACHMENTS_DIR);
}

export function liveRoot(dataDir: string): string {
  return path.join(dataDir, ATTACHMENTS_DIR);
}

/** The attachment hashes a database file names ([] when it has none or cannot be read). */
export function attachmentHashes(file: string, options: { nativeBinding?: string } = {}): string[] {
  let db: Db | undefined;
  try {
    db = connect(file, { ...options, readonly: true, fileMustExist: true });
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'")
      .get();
    if (!hasTable) return [];
    return db.prepare('SELECT sha256 FROM attachments').pluck().all() as string[];
  } catch {
    return [];
  } finally {
    db?.close();
  }
}

/** Puts `from` at `to` (a hard link, or a copy renamed into place); false if `from` is missing. */
function place(from: string, to: string): boolean {
  if (!existsSync(from)) return false;
  makePrivateDir(path.dirname(to));
  try {
    linkSync(from, to);
  } catch {
    const temp = `${to}.${process.pid}.tmp`;
    try {
      copyPrivateFile(from, temp);
      renameSync(temp, to);
    } finally {
      rmSync(temp, { force: true });
    }
  }
  return true;
}

const shaPattern = /^[0-9a-f]{64}$/;

/** Keeps, in the backups folder, every attachment file these hashes name. */
export function keepAttachments(hashes: readonly string[], dataDir: string, backupDir: string) {
  let kept = 0;
  for (const sha of hashes) {
    if (!shaPattern.test(sha)) continue;
    const pooled = blobPath(poolRoot(backupDir), sha);
    if (!existsSync(pooled) && place(blobPath(liveRoot(dataDir), sha), pooled)) kept += 1;
  }
  return kept;
}

/** Puts back, from the backups folder, every attachment file these hashes name that is missing. */
export function bringBackAttachments(
  hashes: readonly string[],
  dataDir: string,
  backupDir: string,
): { restored: number; missing: number } {
  let restored = 0;
  let missing = 0;
  for (const sha of hashes) {
    if (!shaPattern.test(sha)) continue;
    const live = blobPath(liveRoot(dataDir), sha);
    if (existsSync(live)) continue;
    if (place(blobPath(poolRoot(backupDir), sha), live)) restored += 1;
    else missing += 1;
  }
  return { restored, missing };
}

function pooledFiles(backupDir: string): { sha: string; file: string }[] {
  const root = poolRoot(backupDir);
  const found: { sha: string; file: string }[] = [];
  for (const folder of namesIn(root)) {
    for (const name of namesIn(path.join(root, folder)))
      found.push({ sha: name, file: path.join(root, folder, name) });
  }
  return found;
}

/** Removes kept attachment files no remaining backup names (and stray temporary files). */
export function prunePool(backupDir: string, stillNamed: ReadonlySet<string>): number {
  let removed = 0;
  for (const { sha, file } of pooledFiles(backupDir)) {
    if (shaPattern.test(sha) && stillNamed.has(sha)) continue;
    rmSync(file, { force: true });
    removed += 1;
  }
  return removed;
}

/** Bytes the kept attachment files take beyond the live ones (files not shared by a link). */
export function poolOwnBytes(backupDir: string): number {
  let bytes = 0;
  for (const { file } of pooledFiles(backupDir)) {
    try {
      const stat = statSync(file);
      if (stat.nlink <= 1) bytes += stat.size;
    } catch {
      // gone meanwhile
    }
  }
  return bytes;
}

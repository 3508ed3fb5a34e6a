import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { SUBMITTED_DIR } from '../dataFiles';
import { connect, type Db } from '../db/open';
import { makePrivateDir, READ_ONLY_FILE_MODE, setFileMode } from '../io/privateFiles';
import type { SubmittedFile, UnpackedArchive } from './archive';

/**
 * Packages marked as submitted are kept read-only in `submitted/`, outside the database (like
 * attachments). A restore in the same data folder never touches them; a portable archive carries
 * the ones its database records, so they move to another PC with the data.
 */
export function submittedRoot(dataDir: string): string {
  return path.join(dataDir, SUBMITTED_DIR);
}

/**
 * The kept packages a database file records that are still intact in `dataDir` (a missing or
 * altered copy is left out: the list on the new PC then says so, as it does here).
 */
export function submittedFiles(
  file: string,
  dataDir: string,
  options: { nativeBinding?: string } = {},
): SubmittedFile[] {
  let db: Db | undefined;
  let rows: { stored_name: string; sha256: string }[];
  try {
    db = connect(file, { ...options, readonly: true, fileMustExist: true });
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'submitted_packages'")
      .get();
    rows = hasTable
      ? (db.prepare('SELECT stored_name, sha256 FROM submitted_packages').all() as typeof rows)
      : [];
  } catch {
    return [];
  } finally {
    db?.close();
  }
  return rows
    .map((r) => ({
      name: r.stored_name,
      sha256: r.sha256,
      file: path.join(submittedRoot(dataDir), r.stored_name),
    }))
    .filter(
      (k) =>
        existsSync(k.file) &&
        createHash('sha256').update(readFileSync(k.file)).digest('hex') === k.sha256,
    );
}

/**
 * Moves an archive's checked kept packages into `submitted/`, read-only. A copy already there is
 * left as it is: its name starts with its SHA-256, so it holds the same package.
 */
export function installSubmitted(files: UnpackedArchive['submitted'], dataDir: string): number {
  let added = 0;
  for (const { name, file } of files) {
    const target = path.join(submittedRoot(dataDir), name);
    if (existsSync(target)) continue;
    makePrivateDir(path.dirname(target));
    setFileMode(file, READ_ONLY_FILE_MODE);
    renameSync(file, target);
    added += 1;
  }
  return added;
}

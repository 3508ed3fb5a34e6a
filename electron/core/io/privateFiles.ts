import { chmodSync, closeSync, copyFileSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data folder holds students' ID numbers and fee records: every folder the core makes is
 * for its user alone (0700) and every file it writes is readable by its user alone (0600),
 * whatever the umask. On Windows, which has no such modes, Node only maps the write bit to the
 * read-only flag; the folder is private by its place in the user's profile.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
/** Packages kept as submitted: never changed, and for the user alone. */
export const READ_ONLY_FILE_MODE = 0o400;

/**
 * Makes `dir` (and any missing parent) 0700; a folder made by an older version is tightened.
 * A folder whose mode cannot be changed (not the user's own, a network share) is used as it is.
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    chmodSync(dir, PRIVATE_DIR_MODE);
  } catch {
    // best effort: see above
  }
}

/** Sets a file's mode (0600 unless told): after a writer that cannot be given one. */
export function setFileMode(file: string, mode = PRIVATE_FILE_MODE): void {
  chmodSync(file, mode);
}

/**
 * Creates `file` empty and private, failing if it exists: for files SQLite then fills (a
 * database, a snapshot), which take their journals' mode from it.
 */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
}

/** copyFileSync, the copy private whatever the source's mode. */
export function copyPrivateFile(from: string, to: string, flags?: number): void {
  copyFileSync(from, to, flags);
  setFileMode(to);
}

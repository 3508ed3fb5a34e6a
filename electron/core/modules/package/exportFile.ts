import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CancellableTask } from '../../io/tasks';

/** Where exported packages are kept, relative to the data folder. */
export const EXPORTS_DIR = 'exports';

/** `.<pid>-<random>.zip.tmp`: a package being written by process `pid` (older: no pid). */
const tempName = /^\.(?:(\d+)-)?[0-9a-f]+\.zip\.tmp$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes half-written packages left by a process that died while writing one (a crash, a
 * kill, a power cut): their writer is gone, so nobody will rename them into place. Files of a
 * process still running (the other host on the same data folder) are left alone.
 */
export function removeStaleExports(dataDir: string): string[] {
  const dir = path.join(dataDir, EXPORTS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = tempName.exec(name);
    if (!m || (m[1] !== undefined && processAlive(Number(m[1])))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Has `write` build a package into a hidden temporary file in exports/ and renames it to
 * `fileName` only when complete (and not cancelled): a failure or a cancel removes the temporary
 * file, so no partial package is ever left. Returns what `write` returned and the final bytes.
 */
export async function writeExportAtomically<T>(
  dataDir: string,
  fileName: string,
  task: Pick<CancellableTask, 'check'>,
  write: (temp: string) => Promise<T>,
): Promise<{ value: T; bytes: Buffer; savedAs: string }> {
  const dir = path.join(dataDir, EXPORTS_DIR);
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${process.pid}-${randomBytes(8).toString('hex')}.zip.tmp`);
  let value: T;
  try {
    value = await write(temp);
    task.check();
    renameSync(temp, path.join(dir, fileName));
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return {
    value,
    bytes: readFileSync(path.join(dir, fileName)),
    savedAs: `${EXPORTS_DIR}/${fileName}`,
  };
}

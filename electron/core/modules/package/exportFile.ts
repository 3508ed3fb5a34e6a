import { renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { makePrivateDir, setFileMode } from '../../io/privateFiles';
import type { CancellableTask } from '../../io/tasks';
import { processTempName, removeOrphanedTempFiles } from '../../io/tempFiles';

/** Where exported packages are kept, relative to the data folder. */
export const EXPORTS_DIR = 'exports';

/** Packages being written: `.<pid>-<random>.zip.tmp` (io/tempFiles.ts). */
const TEMP_KIND = 'zip';

/** Removes half-written packages whose writer died (see removeOrphanedTempFiles). */
export function removeStaleExports(dataDir: string): string[] {
  return removeOrphanedTempFiles(path.join(dataDir, EXPORTS_DIR), TEMP_KIND);
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
  makePrivateDir(dir);
  const temp = path.join(dir, processTempName(TEMP_KIND));
  try {
    const value = await write(temp);
    setFileMode(temp); // whatever wrote it
    // Read back without blocking, so a cancel that arrives meanwhile is still honoured.
    const bytes = await readFile(temp);
    task.check();
    renameSync(temp, path.join(dir, fileName));
    return { value, bytes, savedAs: `${EXPORTS_DIR}/${fileName}` };
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

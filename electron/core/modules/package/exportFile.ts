import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FileOffer } from '../../../../shared/contract/files';
import type { CoreContext } from '../../context';
import { makePrivateDir, PRIVATE_FILE_MODE, setFileMode } from '../../io/privateFiles';
import type { CancellableTask } from '../../io/tasks';
import { processTempName, removeOrphanedTempFiles } from '../../io/tempFiles';
import { sha256OfFile } from '../../io/checksum';

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
 * file, so no partial package is ever left. Returns what `write` returned, where the file is, its
 * size and its SHA-256 (read back as a stream: a 100 MB package is never held in memory).
 */
export async function writeExportAtomically<T>(
  dataDir: string,
  fileName: string,
  task: Pick<CancellableTask, 'check'>,
  write: (temp: string) => Promise<T>,
): Promise<{ value: T; file: string; size: number; sha256: string; savedAs: string }> {
  const dir = path.join(dataDir, EXPORTS_DIR);
  makePrivateDir(dir);
  const temp = path.join(dir, processTempName(TEMP_KIND));
  try {
    const value = await write(temp);
    setFileMode(temp); // whatever wrote it
    // Read back without blocking, so a cancel that arrives meanwhile is still honoured.
    const sha256 = await sha256OfFile(temp);
    task.check();
    const file = path.join(dir, fileName);
    renameSync(temp, file);
    return {
      value,
      file,
      size: statSync(file).size,
      sha256,
      savedAs: `${EXPORTS_DIR}/${fileName}`,
    };
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * Offers a file made in memory (a batch's photo zip) as a download instead of putting it in the
 * answer: written to a hidden temporary file in exports/, removed once fetched or when the offer
 * expires (and, after a crash, at the next start).
 */
export function offerExportBytes(
  ctx: Pick<CoreContext, 'dataDir' | 'downloads'>,
  bytes: Buffer,
  meta: { fileName: string; mime: string },
): FileOffer {
  const dir = path.join(ctx.dataDir, EXPORTS_DIR);
  makePrivateDir(dir);
  const temp = path.join(dir, processTempName(TEMP_KIND));
  writeFileSync(temp, bytes, { mode: PRIVATE_FILE_MODE });
  return ctx.downloads.offer(temp, { ...meta, size: bytes.length }, { temporary: true });
}

// When a build is stale: the newest file under a source folder, against the build's own time.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time of any file under `dir` (0 for an empty folder). */
export function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

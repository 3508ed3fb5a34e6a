import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { namesIn } from './folders';

/**
 * Hidden working files named after the process writing them: `.<pid>-<hex>.<kind>.tmp` (a package
 * being written, an upload being received). A process that dies leaves them behind; the next
 * start removes those whose writer is gone.
 */
export function processTempName(kind: string, id = randomBytes(8).toString('hex')): string {
  return `.${process.pid}-${id}.${kind}.tmp`;
}

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
 * Removes `kind` working files in `dir` left by a process that died while writing them (a crash,
 * a kill, a power cut): nobody will finish them. Files of a process still running (the other
 * host on the same data folder) are left alone; names without a pid (older versions) go.
 * Returns the names removed.
 */
export function removeOrphanedTempFiles(dir: string, kind: string): string[] {
  const pattern = new RegExp(`^\\.(?:(\\d+)-)?[0-9a-f]+\\.${kind}\\.tmp$`);
  const removed: string[] = [];
  for (const name of namesIn(dir)) {
    const m = pattern.exec(name);
    if (!m || (m[1] !== undefined && processAlive(Number(m[1])))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

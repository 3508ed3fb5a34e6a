// The web host as one CommonJS bundle (as the Electron main is), rebuilt when its sources change,
// so `npm run web` starts plain JavaScript instead of compiling TypeScript at every start.
import { existsSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  copyMainAssets,
  coreWorkerEntry,
  coreWorkerFileName,
  mainBundleOptions,
} from './electron-bundle.mjs';
import { newestMtime } from './newest-mtime.mjs';

/** Where the bundle goes under the project root. */
export const webBundleDir = (root) => path.join(root, 'dist', 'web');

/** Bundles the core's worker entry into `outDir`/coreWorker.cjs (written whole, then renamed). */
export async function buildCoreWorker(root, outDir) {
  const { build } = await import('esbuild');
  const outfile = path.join(outDir, coreWorkerFileName);
  const partial = `${outfile}.${process.pid}.partial`;
  await build({
    ...mainBundleOptions,
    absWorkingDir: root,
    entryPoints: [path.join(root, coreWorkerEntry)],
    outfile: partial,
    sourcemap: false,
  });
  renameSync(partial, outfile);
  return outfile;
}

/**
 * Bundles electron/web/cli.ts into dist/web/cli.cjs and the core's worker beside it (each written
 * whole, then renamed into place; the host last, so a host bundle never lacks its worker).
 */
export async function buildWebHost(root) {
  const { build } = await import('esbuild');
  const outDir = webBundleDir(root);
  const outfile = path.join(outDir, 'cli.cjs');
  const partial = `${outfile}.${process.pid}.partial`;
  await buildCoreWorker(root, outDir);
  await build({
    ...mainBundleOptions,
    absWorkingDir: root,
    entryPoints: [path.join(root, 'electron', 'web', 'cli.ts')],
    outfile: partial,
    sourcemap: false,
  });
  copyMainAssets(outDir);
  renameSync(partial, outfile);
  return outfile;
}

/** The bundle's path, built first when it is missing or older than the core, host or contract. */
export async function ensureWebHostBuilt(root) {
  const outfile = path.join(webBundleDir(root), 'cli.cjs');
  if (existsSync(outfile) && existsSync(path.join(webBundleDir(root), coreWorkerFileName))) {
    const built = statSync(outfile).mtimeMs;
    const sources = ['electron', 'shared'].map((dir) => path.join(root, dir));
    if (sources.every((dir) => newestMtime(dir) <= built)) return outfile;
  }
  return buildWebHost(root);
}

// The web host as one CommonJS bundle (as the Electron main is), rebuilt when its sources change,
// so `npm run web` starts plain JavaScript instead of compiling TypeScript at every start.
import { existsSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { copyMainAssets, mainBundleOptions } from './electron-bundle.mjs';
import { newestMtime } from './newest-mtime.mjs';

/** Where the bundle goes under the project root. */
export const webBundleDir = (root) => path.join(root, 'dist', 'web');

/** Bundles electron/web/cli.ts into dist/web/cli.cjs (written whole, then renamed into place). */
export async function buildWebHost(root) {
  const { build } = await import('esbuild');
  const outDir = webBundleDir(root);
  const outfile = path.join(outDir, 'cli.cjs');
  const partial = `${outfile}.${process.pid}.partial`;
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
  if (existsSync(outfile)) {
    const built = statSync(outfile).mtimeMs;
    const sources = ['electron', 'shared'].map((dir) => path.join(root, dir));
    if (sources.every((dir) => newestMtime(dir) <= built)) return outfile;
  }
  return buildWebHost(root);
}

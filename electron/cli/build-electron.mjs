// Bundles the Electron main process, the core's worker and the preload into dist/electron, and the
// web host (with its own copy of the worker) into dist/web, as CommonJS.
import { build } from 'esbuild';
import {
  copyMainAssets,
  coreWorkerEntry,
  coreWorkerFileName,
  mainBundleOptions,
} from './electron-bundle.mjs';
import { buildWebHost } from './web-bundle.mjs';

await build({
  ...mainBundleOptions,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.cjs',
});
// The core runs in a worker thread of the main process (electron/core/worker/client.ts).
await build({
  ...mainBundleOptions,
  entryPoints: [coreWorkerEntry],
  outfile: `dist/electron/${coreWorkerFileName}`,
});
copyMainAssets('dist/electron');
// A sandboxed preload may require only 'electron': everything else is bundled in.
await build({
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist/electron/preload.cjs',
  external: ['electron'],
});

await buildWebHost(process.cwd());

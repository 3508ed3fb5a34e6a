// Bundles the Electron main process and the preload into dist/electron as CommonJS.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist/electron/main.cjs',
});
// A sandboxed preload may require only 'electron': everything else is bundled in.
await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist/electron/preload.cjs',
  external: ['electron'],
});

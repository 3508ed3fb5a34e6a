// What the Electron main bundle needs beyond esbuild's defaults, shared by the build and its test.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The PDFs' Chinese faces (see electron/core/modules/package/pdfFonts.ts: PDF_FONT_MODULES). */
const CJK_FONT_MODULES = [
  '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
];

/**
 * Main-process options: CommonJS has no `import.meta`, so `import.meta.url` becomes the bundle's
 * own file URL (modules that find files beside themselves, e.g. the PDF font, keep working).
 * Not for the preload: a sandboxed preload may require only 'electron'.
 */
export const mainBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3'],
  logLevel: 'warning',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

/** The core's worker thread (electron/core/worker/entry.ts), bundled beside each host's bundle. */
export const coreWorkerEntry = 'electron/core/worker/entry.ts';
export const coreWorkerFileName = 'coreWorker.cjs';

/**
 * Files the bundled main reads at run time, copied beside it (inside app.asar once packaged):
 * the fonts go to `<outDir>/fonts/`, where pdfFonts.ts looks first.
 */
export function copyMainAssets(outDir) {
  const require = createRequire(import.meta.url);
  mkdirSync(path.join(outDir, 'fonts'), { recursive: true });
  for (const fontModule of CJK_FONT_MODULES) {
    const font = require.resolve(fontModule);
    copyFileSync(font, path.join(outDir, 'fonts', path.basename(font)));
  }
}

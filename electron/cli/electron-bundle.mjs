// What the Electron main bundle needs beyond esbuild's defaults, shared by the build and its test.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The PDF's Chinese font (see electron/core/modules/package/pdf.ts: CJK_FONT_MODULE). */
const CJK_FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

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

/**
 * Files the bundled main reads at run time, copied beside it (inside app.asar once packaged):
 * the font goes to `<outDir>/fonts/`, where pdf.ts looks first.
 */
export function copyMainAssets(outDir) {
  const font = createRequire(import.meta.url).resolve(CJK_FONT_MODULE);
  mkdirSync(path.join(outDir, 'fonts'), { recursive: true });
  copyFileSync(font, path.join(outDir, 'fonts', path.basename(font)));
}

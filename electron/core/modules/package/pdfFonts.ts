import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The open CJK faces the PDFs embed, as module paths inside their npm packages: the serif stands
 * in for 宋体/仿宋 (body, tables), the sans for 黑体 (titles, headings, table heads). Keep in step
 * with CJK_FONT_MODULES in electron/cli/electron-bundle.mjs, which copies them beside the bundle.
 */
export const PDF_FONT_MODULES = {
  serif: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  sans: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
} as const;
export type PdfFace = keyof typeof PDF_FONT_MODULES;

/** Where the Electron build copies the fonts, beside the bundled main (dist/electron/fonts/). */
export const BUNDLED_FONT_DIR = 'fonts';

/**
 * Finds a face from this module's own location, never from the working directory: beside the
 * bundled main (`dist/electron/fonts/`, inside app.asar in the installed app, where the build
 * copies it), else resolved like a module from here (source checkouts: dev, tests, web host).
 * The Electron build defines `import.meta.url` as the bundle's own URL.
 */
export function pdfFontPath(face: PdfFace, moduleUrl: string = import.meta.url): string {
  const fontModule = PDF_FONT_MODULES[face];
  const here = fileURLToPath(moduleUrl);
  const candidates = [path.join(path.dirname(here), BUNDLED_FONT_DIR, path.basename(fontModule))];
  try {
    candidates.push(createRequire(here).resolve(fontModule));
  } catch {
    // not installed as a module here: only the bundled copy can serve
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`PDF font ${face} not found (looked in ${candidates.join(', ')})`);
  return found;
}

import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block } from './content';
import { FIXED_DOC_DATE } from '../../io/zip';

/** The OFL Noto Sans SC font, as a module path inside its npm package. */
export const CJK_FONT_MODULE =
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
/** Where the Electron build copies the font, beside the bundled main (dist/electron/fonts/). */
export const BUNDLED_FONT_DIR = 'fonts';
export const CJK_FONT_FILE = path.basename(CJK_FONT_MODULE);

/**
 * Finds the font from this module's own location, never from the working directory: beside the
 * bundled main (`dist/electron/fonts/`, inside app.asar in the installed app, where the build
 * copies it), else resolved like a module from here (source checkouts: dev, tests, web host).
 * The Electron build defines `import.meta.url` as the bundle's own URL.
 */
export function cjkFontPath(moduleUrl: string = import.meta.url): string {
  const here = fileURLToPath(moduleUrl);
  const candidates = [path.join(path.dirname(here), BUNDLED_FONT_DIR, CJK_FONT_FILE)];
  try {
    candidates.push(createRequire(here).resolve(CJK_FONT_MODULE));
  } catch {
    // not installed as a module here: only the bundled copy can serve
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`Noto Sans SC font not found (looked in ${candidates.join(', ')})`);
  return found;
}

/** An A4 PDF of these blocks with the Chinese font embedded (subset), byte-stable. */
export function renderPdf(title: string, blocks: readonly Block[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const font = cjkFontPath();
    const doc = new PDFDocument({
      // The CJK font from the start: the default (Helvetica) would be read from pdfkit's own
      // data folder, which the bundled main does not have.
      font,
      size: 'A4',
      margin: 56,
      info: {
        Title: title,
        Creator: 'PilotDesk',
        Producer: 'PilotDesk',
        CreationDate: FIXED_DOC_DATE,
        ModDate: FIXED_DOC_DATE,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('error', reject);
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    for (const b of blocks) {
      if (b.type === 'title') {
        doc.fontSize(18).text(b.text, left, undefined, { width, align: 'center' }).moveDown();
      } else if (b.type === 'heading') {
        doc.moveDown(0.5).fontSize(14).text(b.text, left, undefined, { width }).moveDown(0.3);
      } else if (b.type === 'paragraph') {
        doc.fontSize(11).text(b.text, left, undefined, { width });
      } else {
        drawTable(doc, b.rows, left, width);
      }
    }
    doc.end();
  });
}

function drawTable(doc: PDFKit.PDFDocument, rows: string[][], left: number, width: number) {
  const columns = Math.max(1, ...rows.map((r) => r.length));
  const cellWidth = width / columns;
  const pad = 3;
  doc.fontSize(9);
  for (const row of rows) {
    const heights = row.map(
      (cell) =>
        doc.heightOfString(cell === '' ? ' ' : cell, { width: cellWidth - pad * 2 }) + pad * 2,
    );
    const height = Math.max(16, ...heights);
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    row.forEach((cell, i) => {
      const x = left + i * cellWidth;
      doc.rect(x, top, cellWidth, height).lineWidth(0.5).stroke();
      doc.text(cell, x + pad, top + pad, { width: cellWidth - pad * 2 });
    });
    doc.x = left;
    doc.y = top + height;
  }
  doc.moveDown(0.5);
}

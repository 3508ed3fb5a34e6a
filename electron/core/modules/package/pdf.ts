import PDFDocument from 'pdfkit';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Block } from './content';
import { FIXED_DOC_DATE } from '../../io/zip';

const FONT_RELATIVE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/** Finds the OFL Noto Sans SC font shipped with the app (resolved like a module). */
export function cjkFontPath(): string {
  const candidates: string[] = [];
  try {
    candidates.push(createRequire(path.join(process.cwd(), 'index.js')).resolve(FONT_RELATIVE));
  } catch {
    // fall through to the folders below
  }
  candidates.push(path.join(process.cwd(), 'node_modules', FONT_RELATIVE));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('Noto Sans SC font not found');
  return found;
}

/** An A4 PDF of these blocks with the Chinese font embedded (subset), byte-stable. */
export function renderPdf(title: string, blocks: readonly Block[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
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
    doc.registerFont('cjk', cjkFontPath());
    doc.font('cjk');
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

import type { Block } from './content';
import { LINE_SPACING, PAGE_MM, PAGE_NUMBER_GAP_MM, SIZE_PT, pageNumberText } from './houseStyle';
import { pdfFontPath } from './pdfFonts';
import { PdfTable } from './pdfTable';
import { FIXED_DOC_DATE } from '../../io/zip';

const MM = 72 / 25.4;
/** About a blank body line between what is signed and the signature lines. */
const SIGNATURE_GAP = SIZE_PT.body;
/** Line to line of the signature lines: room to sign or stamp beside each (about 11 mm). */
const SIGNATURE_PITCH = SIZE_PT.body * 2.25;

/** The two faces, each loaded (and subset-embedded) once per document, keyed by file path. */
export interface Faces {
  serif: string;
  sans: string;
}

/** Writes blocks top to bottom, turning the page so that no heading is left at a page's foot. */
export class PdfWriter {
  readonly left: number;
  readonly width: number;
  /** Pages that carry no number (the cover). */
  readonly unnumbered = new Set<number>();
  /** Each table laid out once, whether first measured for a heading above it or drawn. */
  private readonly tables = new Map<Block, PdfTable>();

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly faces: Faces,
  ) {
    this.left = doc.page.margins.left;
    this.width = doc.page.width - this.left - doc.page.margins.right;
  }

  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get atTop() {
    return this.doc.y <= this.doc.page.margins.top + 0.5;
  }

  /** Turns the page unless `height` still fits below the cursor (or the page is fresh). */
  keep(height: number) {
    if (!this.atTop && this.doc.y + height > this.bottom) this.doc.addPage();
  }

  set(face: keyof Faces, size: number) {
    return this.doc.font(this.faces[face]).fontSize(size);
  }

  gap(size: number) {
    return size * (LINE_SPACING - 1);
  }

  /** The height of text in a face and size over the text width. */
  height(face: keyof Faces, size: number, text: string, indent = 0) {
    this.set(face, size);
    return this.doc.heightOfString(text || ' ', {
      width: this.width,
      lineGap: this.gap(size),
      indent,
    });
  }

  headingSize(level: 1 | 2 | undefined) {
    return level === 2 ? SIZE_PT.body : SIZE_PT.heading;
  }

  /** What of block `i` must share a page with whatever comes before it (keep-with-next). */
  lead(blocks: readonly Block[], i: number): number {
    const b = blocks[i];
    if (!b) return 0;
    switch (b.type) {
      case 'heading': {
        const size = this.headingSize(b.level);
        return this.height('sans', size, b.text) + size * 0.8 + this.lead(blocks, i + 1);
      }
      case 'paragraph': {
        const height = this.height('serif', SIZE_PT.body, b.text, b.indent ? SIZE_PT.body * 2 : 0);
        // The signature never stands alone on a page: the paragraph before it goes along.
        if (blocks[i + 1]?.type === 'signature') return height + this.lead(blocks, i + 1);
        return Math.min(height, this.height('serif', SIZE_PT.body, '字') * 2);
      }
      case 'table': {
        // A short table that the closing signs (its totals) goes to the signature's page whole.
        const whole = this.table(b).shortHeight();
        if (whole !== null && this.closes(blocks, i + 1)) {
          return whole + SIZE_PT.table + this.lead(blocks, i + 1);
        }
        return this.table(b).leadHeight();
      }
      case 'signature':
        return this.signatureHeight(b.lines);
      default:
        return 0;
    }
  }

  /** Whether block `i` starts the closing: the signature, or the one paragraph before it. */
  private closes(blocks: readonly Block[], i: number): boolean {
    const b = blocks[i];
    if (b?.type === 'signature') return true;
    return b?.type === 'paragraph' && blocks[i + 1]?.type === 'signature';
  }

  private table(b: Extract<Block, { type: 'table' }>) {
    let table = this.tables.get(b);
    if (!table) {
      table = new PdfTable(this, b);
      this.tables.set(b, table);
    }
    return table;
  }

  write(blocks: readonly Block[]) {
    const { doc, left, width } = this;
    blocks.forEach((b, i) => {
      switch (b.type) {
        case 'cover':
          this.cover(b);
          break;
        case 'label':
          this.set('sans', SIZE_PT.heading).text(b.text, left, undefined, { width });
          doc.moveDown(0.5);
          break;
        case 'title':
          this.set('sans', SIZE_PT.title).text(b.text, left, undefined, {
            width,
            align: 'center',
            lineGap: this.gap(SIZE_PT.title) / 2,
          });
          doc.y += SIZE_PT.title;
          break;
        case 'heading': {
          const size = this.headingSize(b.level);
          if (!this.atTop) doc.y += size * 0.5;
          this.keep(this.lead(blocks, i) - size * 0.5);
          this.set('sans', size).text(b.text, left, undefined, { width, lineGap: this.gap(size) });
          doc.y += size * 0.3;
          break;
        }
        case 'paragraph':
          this.keep(this.lead(blocks, i));
          this.set('serif', SIZE_PT.body).text(b.text, left, undefined, {
            width,
            lineGap: this.gap(SIZE_PT.body),
            indent: b.indent ? SIZE_PT.body * 2 : 0,
          });
          break;
        case 'table':
          this.keep(this.lead(blocks, i));
          this.table(b).draw();
          doc.y += SIZE_PT.table;
          break;
        case 'signature':
          this.signature(b.lines);
          break;
      }
    });
  }

  /** The cover page: title at a third of the page, the filled-in lines below, then a new page. */
  private cover(b: Extract<Block, { type: 'cover' }>) {
    const { doc, left, width } = this;
    this.unnumbered.add(doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1);
    const top = doc.page.margins.top;
    if (b.label) this.set('sans', SIZE_PT.heading).text(b.label, left, top, { width });
    this.set('sans', SIZE_PT.cover).text(b.title, left, top + 120, {
      width,
      align: 'center',
      lineGap: SIZE_PT.cover * 0.3,
    });
    if (b.note) {
      doc.y += SIZE_PT.body;
      this.set('serif', SIZE_PT.body).text(b.note, left, undefined, { width, align: 'center' });
    }
    const size = SIZE_PT.heading;
    const labelWidth = Math.max(
      ...b.fields.map((f) => this.set('serif', size).widthOfString(f.label)),
    );
    const x = left + size * 2;
    const valueX = x + labelWidth + size * 0.5;
    const valueWidth = left + width - size * 2 - valueX;
    let y = top + 330;
    for (const f of b.fields) {
      this.set('serif', size).text(f.label, x, y, { width: labelWidth, lineBreak: false });
      const h = doc.heightOfString(f.value || ' ', { width: valueWidth, lineGap: size * 0.3 });
      doc.text(f.value, valueX, y, { width: valueWidth, align: 'center', lineGap: size * 0.3 });
      const underline = y + h + 2;
      doc
        .moveTo(valueX, underline)
        .lineTo(valueX + valueWidth, underline)
        .lineWidth(0.75)
        .stroke();
      y = underline + size * 1.6;
    }
    doc.addPage();
  }

  /** What `signature` draws: the gap above, then a line every SIGNATURE_PITCH, the last one whole. */
  private signatureHeight(lines: readonly string[]) {
    this.set('serif', SIZE_PT.body);
    const last = this.doc.currentLineHeight(true);
    return SIGNATURE_GAP + Math.max(lines.length - 1, 0) * SIGNATURE_PITCH + last;
  }

  /** Signature and stamp lines, right of centre with room for the seal, all on one page. */
  private signature(lines: readonly string[]) {
    const { doc, left, width } = this;
    this.keep(this.signatureHeight(lines));
    const top = doc.y + SIGNATURE_GAP;
    this.set('serif', SIZE_PT.body);
    const blockWidth = Math.max(...lines.map((l) => doc.widthOfString(l)));
    const x = left + width - blockWidth - SIZE_PT.body * 2;
    lines.forEach((line, k) => {
      doc.text(line, x, top + k * SIGNATURE_PITCH, { width: blockWidth + 1, lineBreak: false });
    });
    doc.x = left;
  }

  /** “— n —” centred below the text area of every page but the cover, counting from 1. */
  numberPages() {
    const { doc, left, width } = this;
    const range = doc.bufferedPageRange();
    let n = 0;
    for (let i = range.start; i < range.start + range.count; i += 1) {
      if (this.unnumbered.has(i)) continue;
      n += 1;
      doc.switchToPage(i);
      const y = this.bottom + PAGE_NUMBER_GAP_MM * MM - SIZE_PT.body;
      // Below the bottom margin: without this pdfkit would start a new page for the text.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.set('serif', SIZE_PT.body).text(pageNumberText(n), left, y, {
        width,
        align: 'center',
        lineBreak: false,
      });
      doc.page.margins.bottom = margin;
    }
  }
}

/**
 * An A4 PDF of these blocks in the house style: body in Noto Serif SC, titles and headings in
 * Noto Sans SC (both embedded as subsets), numbered pages; byte-stable for the same blocks.
 */
export function renderPdf(title: string, blocks: readonly Block[]): Promise<Buffer> {
  return housePdf(title, (writer) => {
    writer.write(blocks);
    writer.numberPages();
  });
}

/**
 * An A4 house-style document drawn by `draw` (blocks through the writer, or the page directly
 * for forms such as admission tickets); byte-stable for the same drawing.
 */
export async function housePdf(title: string, draw: (writer: PdfWriter) => void): Promise<Buffer> {
  // Loaded with the first PDF rather than with the core, whose start it would slow by ~0.5 s and
  // whose every thread would carry it.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const faces: Faces = { serif: pdfFontPath('serif'), sans: pdfFontPath('sans') };
    const doc = new PDFDocument({
      // A CJK face from the start: the default (Helvetica) would be read from pdfkit's own data
      // folder, which the bundled main does not have.
      font: faces.serif,
      size: 'A4',
      bufferPages: true,
      margins: {
        top: PAGE_MM.top * MM,
        bottom: PAGE_MM.bottom * MM,
        left: PAGE_MM.left * MM,
        right: PAGE_MM.right * MM,
      },
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
    draw(new PdfWriter(doc, faces));
    doc.end();
  });
}

import type { Block } from './content';
import { SIZE_PT } from './houseStyle';
import type { PdfWriter } from './pdf';
import { placeCells, rowGroups, type PlacedCell } from './tableGrid';

const PAD = 4;
const MIN_ROW = 20;
const LINE_GAP = 2;
/** A table no taller than this share of a page is kept whole on one page. */
const SHORT_TABLE = 0.25;

/**
 * A table with full borders. Rows joined by a merged cell stay on one page when they fit on
 * one; the head rows are repeated on each page the table continues on.
 */
export class PdfTable {
  private readonly cells: PlacedCell[];
  private readonly columnX: number[];
  private readonly heights: number[] = [];
  private readonly measured = new Map<PlacedCell, number>();
  private readonly headRows: number;

  constructor(
    private readonly w: PdfWriter,
    block: Extract<Block, { type: 'table' }>,
  ) {
    const { cells, columns } = placeCells(block.rows);
    this.cells = cells;
    this.headRows = Math.min(block.header ?? 1, block.rows.length);
    const weights =
      block.widths?.length === columns ? block.widths : new Array<number>(columns).fill(1);
    const total = weights.reduce((a, b) => a + b, 0);
    this.columnX = [w.left];
    for (const weight of weights) {
      this.columnX.push(this.columnX[this.columnX.length - 1] + (w.width * weight) / total);
    }
    this.fitRows(block.rows.length);
  }

  private isHead(c: PlacedCell) {
    return c.row < this.headRows || c.cell.label === true;
  }

  private cellWidth(c: PlacedCell) {
    return this.columnX[c.col + c.colSpan] - this.columnX[c.col] - PAD * 2;
  }

  /** Sets the cell's face and size and measures its text (once: shaping CJK text is costly). */
  private textHeight(c: PlacedCell) {
    this.w.set(this.isHead(c) ? 'sans' : 'serif', SIZE_PT.table);
    let height = this.measured.get(c);
    if (height === undefined) {
      height = this.w.doc.heightOfString(c.cell.text || ' ', {
        width: this.cellWidth(c),
        lineGap: LINE_GAP,
      });
      this.measured.set(c, height);
    }
    return height;
  }

  /** Each row as tall as its tallest cell; a merged cell taller than its rows stretches the last. */
  private fitRows(count: number) {
    const heights = this.heights;
    heights.push(...new Array<number>(count).fill(MIN_ROW));
    for (const c of this.cells) {
      if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row], this.textHeight(c) + PAD * 2);
    }
    for (const c of this.cells.filter((x) => x.rowSpan > 1)) {
      const last = c.row + c.rowSpan - 1;
      const needed = this.textHeight(c) + PAD * 2 - this.sum(c.row, last);
      if (needed > 0) heights[last] += needed;
    }
  }

  private sum(first: number, last: number) {
    let total = 0;
    for (let r = first; r <= last; r += 1) total += this.heights[r];
    return total;
  }

  private get headHeight() {
    return this.headRows > 0 ? this.sum(0, this.headRows - 1) : 0;
  }

  /** The whole table's height if it is short enough to be kept on one page, else null. */
  shortHeight(): number | null {
    const page = this.w.bottom - this.w.doc.page.margins.top;
    const whole = this.sum(0, this.heights.length - 1);
    return whole <= page * SHORT_TABLE ? whole : null;
  }

  /**
   * What must start on the same page as the table's top (and a heading above it): all of a short
   * table, else the head and the first group of rows (its first row, if it is taller than a page).
   */
  leadHeight() {
    const page = this.w.bottom - this.w.doc.page.margins.top;
    const whole = this.shortHeight();
    if (whole !== null) return whole;
    const [first] = rowGroups(this.cells, this.heights.length, this.headRows);
    if (!first) return this.headHeight;
    const group = this.sum(first[0], first[1]);
    return this.headHeight + (this.headHeight + group <= page ? group : this.heights[first[0]]);
  }

  draw() {
    const { w } = this;
    const pageRoom = () => w.bottom - w.doc.y;
    const fresh = w.bottom - w.doc.page.margins.top - this.headHeight;
    w.keep(this.leadHeight());
    this.drawRows(0, this.headRows - 1);
    for (const [first, last] of rowGroups(this.cells, this.heights.length, this.headRows)) {
      const height = this.sum(first, last);
      if (height > pageRoom() && height <= fresh) this.turnPage();
      // A group taller than a page goes row by row, its merged cells split at the page turn.
      let start = first;
      for (let r = first; r <= last; r += 1) {
        if (r > start && this.heights[r] > pageRoom() - this.sum(start, r - 1)) {
          this.drawRows(start, r - 1);
          this.turnPage();
          start = r;
        }
      }
      this.drawRows(start, last);
    }
    w.doc.x = w.left;
  }

  private turnPage() {
    this.w.doc.addPage();
    this.drawRows(0, this.headRows - 1);
  }

  /** Draws rows first..last at the cursor: the parts of every cell that reach into them. */
  private drawRows(first: number, last: number) {
    if (last < first) return;
    const { doc } = this.w;
    const top = doc.y;
    for (const c of this.cells) {
      const from = Math.max(c.row, first);
      const to = Math.min(c.row + c.rowSpan - 1, last);
      if (from > to) continue;
      const x = this.columnX[c.col];
      const y = top + this.sum(first, from - 1);
      const height = this.sum(from, to);
      const width = this.columnX[c.col + c.colSpan] - x;
      doc.rect(x, y, width, height).lineWidth(0.5).stroke();
      const textHeight = this.textHeight(c);
      doc.text(c.cell.text, x + PAD, y + Math.max(PAD, (height - textHeight) / 2), {
        width: this.cellWidth(c),
        height: height - PAD,
        lineGap: LINE_GAP,
        align: c.cell.align ?? 'center',
      });
    }
    doc.x = this.w.left;
    doc.y = top + this.sum(first, last);
  }
}

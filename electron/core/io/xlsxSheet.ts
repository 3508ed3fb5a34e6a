import { excelSerialDate, normalizeText } from '../../../shared/domain/text';
import type { CoreError } from '../errors';
import type { SafeZip, SafeZipEntry } from './safeZip';
import { emptyCell, numberText, type Cell, type TableRow } from './table';
import { streamXml } from './xmlStream';

/** The cells of one worksheet part and of the shared-strings part, read as they stream. */

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML's `_xHHHH_` escapes of control characters (saxes has resolved the XML entities). */
export function unescapeOoxml(text: string): string {
  return text.indexOf('_x') < 0
    ? text
    : text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function textCell(raw: string): Cell {
  const text = normalizeText(raw);
  return text === '' ? emptyCell : { kind: 'text', text };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An Excel serial date as the sheet shows it: `2020-09-01`, or `2020-09-01 08:30` with a time. */
export function serialDateText(serial: number, date1904: boolean): string {
  return dateText(excelSerialDate(serial, date1904));
}

/** A date held at UTC as the sheet shows it: `2020-09-01`, or with its time when it has one. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i += 1) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** The text of a string item (`<si>`, `<is>`): all its `<t>`, leaving out phonetic runs. */
class ItemText {
  private phonetic = 0;
  private inText = false;
  text = '';
  reset() {
    this.phonetic = 0;
    this.inText = false;
    this.text = '';
  }
  open(name: string) {
    if (name === 'rPh') this.phonetic += 1;
    else if (name === 't' && this.phonetic === 0) this.inText = true;
  }
  close(name: string) {
    if (name === 'rPh') this.phonetic -= 1;
    else if (name === 't') this.inText = false;
  }
  add(text: string) {
    if (this.inText) this.text += text;
  }
}

/** The shared-strings table, one cell per `<si>`. */
export async function readSharedStrings(
  zip: SafeZip,
  entry: SafeZipEntry,
  malformed: () => CoreError,
): Promise<Cell[]> {
  const shared: Cell[] = [];
  const item = new ItemText();
  let inItem = false;
  await streamXml(
    zip,
    entry,
    {
      open(name) {
        if (name === 'si') {
          inItem = true;
          item.reset();
        } else if (inItem) item.open(name);
      },
      close(name) {
        if (name === 'si') {
          inItem = false;
          shared.push(textCell(unescapeOoxml(item.text)));
        } else if (inItem) item.close(name);
      },
      text(text) {
        if (inItem) item.add(text);
      },
    },
    malformed,
  );
  return shared;
}

export interface SheetContext {
  shared: readonly Cell[];
  /** By style index: whether the cell format shows a date. */
  isDate: readonly boolean[];
  date1904: boolean;
}

const CELL_REF = /^([A-Z]+)(\d+)$/;
const RANGE_REF = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/;
const DIGITS = /^\d+$/;

/** One cell's value from its type (`t`), style and the text of its `<v>` or `<is>`. */
function cellValue(
  type: string,
  style: string | undefined,
  value: string | null,
  inline: string | null,
  context: SheetContext,
): Cell {
  if (type === 'inlineStr') return inline === null ? emptyCell : textCell(unescapeOoxml(inline));
  if (value === null) return emptyCell;
  if (type === 's') return context.shared[Number(value)] ?? emptyCell;
  if (type === 'str') return textCell(unescapeOoxml(value));
  if (type === 'b') return { kind: 'boolean', text: value === '1' ? 'TRUE' : 'FALSE' };
  if (type === 'e') return { kind: 'error', text: unescapeOoxml(value) };
  if (type === 'd') {
    const iso = /^\d{4}-\d{2}-\d{2}/.exec(value);
    return iso ? { kind: 'date', text: iso[0] } : textCell(unescapeOoxml(value));
  }
  const number = Number(value);
  if (value.trim() === '' || Number.isNaN(number)) return textCell(unescapeOoxml(value));
  if (style !== undefined && DIGITS.test(style) && context.isDate[Number(style)]) {
    const text = serialDateText(number, context.date1904);
    return text ? { kind: 'date', text } : emptyCell;
  }
  return { kind: 'number', text: numberText(number) };
}

/**
 * The rows of one worksheet part that hold a value, numbered as in the sheet; merged cells show
 * the top-left value in every covered cell, as the sheet displays them.
 */
export async function readSheetRows(
  zip: SafeZip,
  entry: SafeZipEntry,
  context: SheetContext,
  malformed: () => CoreError,
): Promise<TableRow[]> {
  // Rows in the order the sheet lists them (ascending, as every writer does; sorted otherwise).
  const rows: TableRow[] = [];
  let ordered = true;
  const merges: [c1: number, r1: number, c2: number, r2: number][] = [];
  let rowNumber = 0;
  let cells: Cell[] = [];
  let lastColumn = -1;
  // The cell being read.
  let column = 0;
  let type = 'n';
  let style: string | undefined;
  let value: string | null = null;
  let inValue = false;
  let inline: string | null = null;
  let inInline = false;
  const item = new ItemText();

  await streamXml(
    zip,
    entry,
    {
      open(name, a, selfClosing) {
        if (inInline) return item.open(name);
        switch (name) {
          case 'row':
            // Without an r attribute, rows (and cells) follow on from the one before.
            rowNumber = a.r !== undefined && DIGITS.test(a.r) ? Number(a.r) : rowNumber + 1;
            cells = [];
            lastColumn = -1;
            break;
          case 'c': {
            const ref = a.r === undefined ? null : CELL_REF.exec(a.r);
            column = ref ? columnIndex(ref[1]) : lastColumn + 1;
            lastColumn = column;
            type = a.t ?? 'n';
            style = a.s;
            value = null;
            inline = null;
            break;
          }
          case 'v':
            if (!selfClosing) {
              inValue = true;
              value = '';
            }
            break;
          case 'is':
            inInline = true;
            item.reset();
            break;
          case 'mergeCell': {
            const m = a.ref === undefined ? null : RANGE_REF.exec(a.ref);
            if (m) {
              merges.push([columnIndex(m[1]), Number(m[2]), columnIndex(m[3]), Number(m[4])]);
            }
            break;
          }
        }
      },
      close(name) {
        if (name === 'is') {
          inInline = false;
          inline = item.text;
        } else if (inInline) item.close(name);
        else if (name === 'v') inValue = false;
        else if (name === 'c') {
          const cell = cellValue(type, style, value, inline, context);
          if (cell.kind === 'empty') return;
          while (cells.length < column) cells.push(emptyCell);
          cells[column] = cell;
        } else if (name === 'row' && cells.length > 0) {
          const last = rows.length > 0 ? rows[rows.length - 1].rowNumber : 0;
          if (rowNumber <= last) ordered = false;
          // An exact-length copy: an array grown by push holds room for 17 cells.
          rows.push({ rowNumber, cells: cells.slice() });
        }
      },
      text(text) {
        if (inValue) value += text;
        else if (inInline) item.add(text);
      },
    },
    malformed,
  );

  if (merges.length === 0 && ordered) return rows;
  // A row listed twice keeps its last listing.
  const rowsByNumber = new Map(rows.map((r) => [r.rowNumber, r.cells]));
  let lastDataRow = 0;
  for (const r of rowsByNumber.keys()) if (r > lastDataRow) lastDataRow = r;
  for (const [c1, r1, c2, r2] of merges) {
    const master = rowsByNumber.get(r1)?.[c1];
    if (!master || master.kind === 'empty') continue;
    for (let r = r1; r <= Math.min(r2, lastDataRow); r += 1) {
      let row = rowsByNumber.get(r);
      if (!row) {
        row = [];
        rowsByNumber.set(r, row);
      }
      for (let c = c1; c <= Math.min(c2, 16383); c += 1) {
        while (row.length < c) row.push(emptyCell);
        if (!row[c] || row[c].kind === 'empty') row[c] = master;
      }
    }
  }
  return [...rowsByNumber.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([number, rowCells]) => ({ rowNumber: number, cells: rowCells }));
}

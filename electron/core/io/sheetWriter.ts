import type ExcelJS from 'exceljs';
import { formatChineseDate } from '../../../shared/domain/dates';
import { FIXED_DOC_DATE, normaliseOffice } from './zip';

export type SheetValue = string | number | null;

/**
 * A text cell that a spreadsheet would read as a formula (= + - @, and the tab/CR tricks that
 * precede them) gets a leading apostrophe, so an opened export never runs what a user typed.
 * Numbers stay numbers; only strings are touched.
 */
export function neutraliseCell(value: SheetValue): SheetValue {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A workbook whose own dates are fixed, so the same data gives the same bytes. ExcelJS loads with
 * the first workbook, not with the core: it takes most of a second, which the core's start (and
 * so the app's) would otherwise wait for, and each core thread would carry it from start.
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  const wb = new excel.Workbook();
  wb.creator = 'PilotDesk';
  wb.lastModifiedBy = 'PilotDesk';
  wb.created = FIXED_DOC_DATE;
  wb.modified = FIXED_DOC_DATE;
  return wb;
}

/** Amounts in yuan, shown with ¥ and two decimals: a number cell, so a spreadsheet sums it. */
export const MONEY_FORMAT = '"¥"#,##0.00';
/** Dates shown as 2020年9月14日 in a date cell. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

export interface SheetOptions {
  /** Columns (0-based) written as text even when they look numeric: ID numbers, 学号, 工号. */
  textColumns?: readonly number[];
  /** Columns of amounts in yuan (numbers), formatted as money. */
  moneyColumns?: readonly number[];
  /** Columns of `YYYY-MM-DD` dates, written as date cells; other text in them stays text. */
  dateColumns?: readonly number[];
  /**
   * A title row and a 制表日期 line above the header, for sheets a person reads or prints.
   * Upload templates (考生信息上传表) have none: their header must be the first row.
   */
  title?: { text: string; madeOn: string };
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string as a date cell value (midnight UTC: the day Excel shows). */
function dateCell(value: SheetValue): SheetValue | Date {
  const m = typeof value === 'string' ? isoDate.exec(value) : null;
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
}

/** Display width of a value: CJK and full-width characters take two columns. */
function displayWidth(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const text = value instanceof Date ? '0000年00月00日' : String(value);
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const thin: Partial<ExcelJS.Border> = { style: 'thin' };
const allBorders: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * One sheet as an office expects it: an optional title and 制表日期, a bold bordered header row
 * that stays in view (frozen) and repeats on every printed page, typed cells (text IDs, money
 * numbers, date cells), every string cell neutralised, columns as wide as their content, and
 * A4 landscape printing fitted to the page width. Every sheet the app writes goes through here.
 */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: readonly (readonly SheetValue[])[],
  options: SheetOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const columns = Math.max(header.length, 1);
  if (options.title) {
    const title = ws.addRow([options.title.text]);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center', vertical: 'middle' };
    title.height = 24;
    ws.mergeCells(title.number, 1, title.number, columns);
    const made = ws.addRow([`制表日期：${formatChineseDate(options.title.madeOn)}`]);
    made.alignment = { horizontal: 'right' };
    ws.mergeCells(made.number, 1, made.number, columns);
  }
  const head = ws.addRow([...header]);
  head.font = { bold: true };
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  head.eachCell((cell) => (cell.border = allBorders));

  const dates = new Set(options.dateColumns ?? []);
  for (const r of rows) {
    const row = ws.addRow(r.map((v, i) => (dates.has(i) ? dateCell(v) : neutraliseCell(v))));
    // Blank spacer rows (before totals) stay unbordered.
    if (r.length > 0) {
      for (let i = 1; i <= columns; i += 1) row.getCell(i).border = allBorders;
    }
  }

  for (const index of options.textColumns ?? []) ws.getColumn(index + 1).numFmt = '@';
  for (const index of options.moneyColumns ?? []) ws.getColumn(index + 1).numFmt = MONEY_FORMAT;
  for (const index of dates) ws.getColumn(index + 1).numFmt = DATE_FORMAT;
  header.forEach((label, i) => {
    const widest = Math.max(
      displayWidth(label),
      ...rows.map((r) => displayWidth(r[i]) + (options.moneyColumns?.includes(i) ? 4 : 0)),
    );
    ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
  });

  ws.views = [{ state: 'frozen', ySplit: head.number, xSplit: 0 }];
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${head.number}:${head.number}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  return ws;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return normaliseOffice(Buffer.from(out as ArrayBuffer));
}

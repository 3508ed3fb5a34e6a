import ExcelJS from 'exceljs';
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

/** A workbook whose own dates are fixed, so the same data gives the same bytes. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PilotDesk';
  wb.lastModifiedBy = 'PilotDesk';
  wb.created = FIXED_DOC_DATE;
  wb.modified = FIXED_DOC_DATE;
  return wb;
}

export interface SheetOptions {
  /** Column indexes (0-based) written as text cells even when they look numeric (ID numbers). */
  textColumns?: readonly number[];
  width?: number;
}

/** One sheet: a bold header row then the rows, every string cell neutralised. */
export function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: readonly (readonly SheetValue[])[],
  options: SheetOptions = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow([...header]).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(neutraliseCell));
  for (const index of options.textColumns ?? []) ws.getColumn(index + 1).numFmt = '@';
  ws.columns.forEach((c) => (c.width = options.width ?? 16));
  return ws;
}

export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return normaliseOffice(Buffer.from(out as ArrayBuffer));
}

/** The in-memory form every tabular import reads into, whatever the file format. */

export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'boolean' | 'error';

export interface Cell {
  kind: CellKind;
  /** Cleaned text (see normalizeText); dates as ISO `YYYY-MM-DD`, numbers without float noise. */
  text: string;
}

export interface TableRow {
  /** The row number the spreadsheet shows (1-based; CSV: the record number). */
  rowNumber: number;
  /** Indexed by column: 0 is column A. */
  cells: Cell[];
}

export interface Table {
  format: 'xlsx' | 'csv';
  /** The worksheet read (xlsx), null for CSV. */
  sheetName: string | null;
  sheetNames: string[];
  /** Non-empty rows only. */
  rows: TableRow[];
}

export const emptyCell: Cell = { kind: 'empty', text: '' };

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * A number as text the way a person reads it: no binary float noise (0.1 + 0.2 → "0.3"), no
 * exponent for whole numbers below 10^21.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value);
  }
  return String(Number(value.toPrecision(15)));
}

/**
 * True when a cell meant to hold a long identifier (ID number, bank account) went through Excel
 * as a number: Excel keeps 15 significant digits, so 16+ digits, fractions or an exponent mean
 * digits are already gone. A CSV saved from such a sheet shows it as e.g. `1.10105E+17`.
 */
export function lostLongIdentifier(cell: Cell): boolean {
  if (cell.kind === 'number') return !/^-?\d{1,15}$/.test(cell.text);
  if (cell.kind === 'text') return /^\d+(\.\d+)?e\+?\d+$/i.test(cell.text);
  return false;
}

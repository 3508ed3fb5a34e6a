import type { ImportColumn } from '../../../shared/contract/imports';
import { normalizeText } from '../../../shared/domain/text';
import { CoreError } from '../errors';
import { columnLetter, type Cell, type TableRow } from './table';

/** One field an import wants, and the header texts that name it in real sheets. */
export interface ImportFieldSpec<K extends string = string> {
  key: K;
  /** How the UI and messages name the field, e.g. 证件号码. Also matched as a header. */
  label: string;
  /** Other header texts meaning the same, e.g. 身份证号 / 身份证号码. */
  synonyms: readonly string[];
  required?: boolean;
  /** A long identifier (ID number, account): a numeric cell has lost digits and is flagged. */
  longId?: boolean;
  /**
   * With `longId`: a cell that lost digits is not an error but this warning, and the row is
   * checked as if the cell were empty (when other columns can still tell who the row is).
   */
  lostDigitsWarning?: string;
  /** What the cell may hold, for the template's 说明 sheet (Chinese). */
  rule?: string;
  /** The template's example value. */
  example?: string;
}

export type ColumnMapping<K extends string = string> = Record<K, number | null>;

/** How many non-empty rows from the top are searched for the header (title rows come first). */
export const HEADER_SCAN_ROWS = 20;

/**
 * The comparable form of a header text: half-width, lower case, no spaces, without the marks
 * sheets add for required columns (`*姓名`, `姓名（必填）`) or a trailing colon.
 */
export function headerKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[（(](必填|选填|可选|必须填写)[）)]/g, '')
    .replace(/^[*＊※]+|[*＊※:：]+$/g, '');
}

const withoutNotes = (key: string) => key.replace(/[（(][^（）()]*[）)]/g, '');

/** The field a header text names, if any: exact synonym first, then ignoring notes like (18位). */
export function fieldForHeader<K extends string>(
  header: string,
  fields: readonly ImportFieldSpec<K>[],
): K | undefined {
  const key = headerKey(header);
  if (key === '') return undefined;
  const names = (f: ImportFieldSpec<K>) => [f.label, ...f.synonyms].map(headerKey);
  const exact = fields.find((f) => names(f).includes(key));
  if (exact) return exact.key;
  const bare = withoutNotes(key);
  if (bare === '' || bare === key) return undefined;
  return fields.find((f) => names(f).some((n) => n === bare || withoutNotes(n) === bare))?.key;
}

function matchHeaderRow<K extends string>(
  cells: readonly Cell[],
  fields: readonly ImportFieldSpec<K>[],
): Map<K, number> {
  const found = new Map<K, number>();
  cells.forEach((cell, index) => {
    if (cell.kind !== 'text') return;
    const field = fieldForHeader(cell.text, fields);
    if (field !== undefined && !found.has(field)) found.set(field, index);
  });
  return found;
}

/**
 * The row under a header that splits a merged group into its parts, e.g. “成绩” over
 * “理论 / 实操 / 总分”: right below the header, every cell naming a field or repeating the header
 * cell above it (as a merged cell reads), and at least one naming a field the header cell above
 * does not; the header itself names a field. A person's row (a name, an ID) never qualifies; unknown part names leave it a data row.
 */
function subHeaderOf<K extends string>(
  header: TableRow,
  next: TableRow | undefined,
  fields: readonly ImportFieldSpec<K>[],
): TableRow | undefined {
  if (!next || next.rowNumber !== header.rowNumber + 1) return undefined;
  // A title merged across the columns is no header above the parts.
  if (matchHeaderRow(header.cells, fields).size === 0) return undefined;
  let refines = false;
  for (const [index, cell] of next.cells.entries()) {
    if (cell.text === '') continue;
    const above = header.cells[index]?.text ?? '';
    if (cell.kind !== 'text') return undefined;
    if (headerKey(cell.text) === headerKey(above)) continue;
    const field = fieldForHeader(cell.text, fields);
    if (field === undefined) return undefined;
    if (fieldForHeader(above, fields) !== field) refines = true;
  }
  return refines ? next : undefined;
}

/** One header row from a header and its sub-header: each part's name where it has one. */
function joinHeader(header: TableRow, sub: TableRow): TableRow {
  const length = Math.max(header.cells.length, sub.cells.length);
  const cells = Array.from({ length }, (_, i) => {
    const part = sub.cells[i];
    return part && part.text !== '' ? part : (header.cells[i] ?? part);
  });
  return { rowNumber: header.rowNumber, cells };
}

export interface LocatedHeader<K extends string> {
  /** The index of the header's first row. */
  rowIndex: number;
  /** 1, or 2 when a sub-header row splits merged groups (its names win in their columns). */
  rowCount: 1 | 2;
  /** The header as one row, numbered as its first. */
  header: TableRow;
  matches: Map<K, number>;
}

/**
 * Finds the header among the first rows: the row naming the most known fields (the earliest on a
 * tie), so title rows such as “2020年1+X证书目录” above the header are skipped. A sub-header row
 * under it (a merged “成绩” over 理论 / 实操 / 总分) is read as part of it.
 */
export function locateHeader<K extends string>(
  rows: readonly TableRow[],
  fields: readonly ImportFieldSpec<K>[],
  scanRows = HEADER_SCAN_ROWS,
): LocatedHeader<K> | undefined {
  let best: { rowIndex: number; matches: Map<K, number> } | undefined;
  rows.slice(0, scanRows).forEach((row, rowIndex) => {
    const matches = matchHeaderRow(row.cells, fields);
    if (matches.size > 0 && (!best || matches.size > best.matches.size)) {
      best = { rowIndex, matches };
    }
  });
  if (!best) return undefined;
  // The row naming the most is the parts' row itself when merged cells repeat the groups in it.
  const above = best.rowIndex > 0 ? rows[best.rowIndex - 1] : undefined;
  const rowIndex =
    above && subHeaderOf(above, rows[best.rowIndex], fields) ? best.rowIndex - 1 : best.rowIndex;
  const first = rows[rowIndex];
  const sub = subHeaderOf(first, rows[rowIndex + 1], fields);
  if (!sub) return { ...best, rowCount: 1, header: first };
  const header = joinHeader(first, sub);
  return { rowIndex, rowCount: 2, header, matches: matchHeaderRow(header.cells, fields) };
}

/** Every column that has a header or data, named for messages (`证书名称`, or `E 列`). */
export function describeColumns(header: TableRow, dataRows: readonly TableRow[]): ImportColumn[] {
  let count = 0;
  for (const row of [header, ...dataRows]) {
    for (let i = row.cells.length - 1; i >= count; i -= 1) {
      if (row.cells[i].kind !== 'empty') {
        count = i + 1;
        break;
      }
    }
  }
  return Array.from({ length: count }, (_, index) => {
    const headerText = header.cells[index]?.text ?? '';
    const letter = columnLetter(index);
    return { index, letter, header: headerText, label: headerText || `${letter} 列` };
  });
}

/**
 * The field → column mapping: found by header text, then the user's own choices on top. A column
 * the user gives to one field is taken away from any field that was matched to it automatically.
 */
export function resolveMapping<K extends string>(
  fields: readonly ImportFieldSpec<K>[],
  automatic: Map<K, number>,
  columns: readonly ImportColumn[],
  override: Record<string, number | null> | undefined,
): ColumnMapping<K> {
  const mapping = Object.fromEntries(
    fields.map((f) => [f.key, automatic.get(f.key) ?? null]),
  ) as ColumnMapping<K>;
  if (!override) return mapping;
  const known = new Set<string>(fields.map((f) => f.key));
  for (const [field, column] of Object.entries(override)) {
    if (!known.has(field)) {
      throw new CoreError('VALIDATION', `列对应设置中有未知的字段“${field}”，未做任何改动。`, {
        fields: [{ path: `mapping.${field}`, message: `未知的字段“${field}”` }],
      });
    }
    if (column !== null && column >= columns.length) {
      const label = fields.find((f) => f.key === field)?.label ?? field;
      const message = `“${label}”对应的列（第 ${column + 1} 列）超出了表格范围（共 ${columns.length} 列）`;
      throw new CoreError('VALIDATION', `${message}，未做任何改动。`, {
        fields: [{ path: `mapping.${field}`, message }],
      });
    }
  }
  const overridden = new Set(Object.keys(override));
  for (const [field, column] of Object.entries(override) as [K, number | null][]) {
    if (column !== null) {
      for (const other of fields) {
        if (!overridden.has(other.key) && mapping[other.key] === column) mapping[other.key] = null;
      }
    }
    mapping[field] = column;
  }
  return mapping;
}

import ExcelJS from 'exceljs';
import {
  emptyCell,
  numberText,
  type Cell,
  type Table,
  type TableRow,
} from '../../electron/core/io/table';
import { normalizeText } from '../../shared/domain/text';
import { dateText } from '../../electron/core/io/xlsxSheet';

/**
 * The table ExcelJS's complete workbook model reads from an .xlsx file: the oracle the app's
 * streaming reader (electron/core/io/xlsxReader.ts) is compared with. Only tests load
 * workbooks this way; it has no limits.
 */

function textCell(raw: string): Cell {
  const text = normalizeText(raw);
  return text === '' ? emptyCell : { kind: 'text', text };
}

/** One ExcelJS cell value (plain, rich text, hyperlink, formula result…) as a Cell. */
function cellFromValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return emptyCell;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return { kind: 'number', text: numberText(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    const text = dateText(value);
    return text ? { kind: 'date', text } : emptyCell;
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return textCell(value.richText.map((part) => part.text ?? '').join(''));
    }
    if ('error' in value) return { kind: 'error', text: String(value.error) };
    if ('formula' in value || 'sharedFormula' in value) {
      return cellFromValue((value as { result?: ExcelJS.CellValue }).result);
    }
    if ('text' in value)
      return cellFromValue((value as { text: unknown }).text as ExcelJS.CellValue);
  }
  return textCell(String(value));
}

/** One worksheet (the first, or the named one), empty rows left out. */
export async function readXlsxWithExcelJs(bytes: Uint8Array, sheetName?: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its parameter as an ArrayBuffer-like `Buffer`; at run time it takes a Node Buffer.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheets = workbook.worksheets;
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName ?? '(first)'}`);
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based (index 0 is always empty) and may be sparse.
    const cells = Array.from(values.slice(1), (v) => cellFromValue(v));
    if (cells.some((c) => c.kind !== 'empty')) rows.push({ rowNumber, cells });
  });
  return { format: 'xlsx', sheetName: sheet.name, sheetNames: sheets.map((s) => s.name), rows };
}

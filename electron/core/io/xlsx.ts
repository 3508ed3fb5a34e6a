import ExcelJS from 'exceljs';
import { normalizeText } from '../../../shared/domain/text';
import { CoreError } from '../errors';
import { emptyCell, numberText, type Cell, type Table, type TableRow } from './table';
import { readXlsxFast } from './xlsxReader';

const brokenWorkbook = () =>
  new CoreError(
    'BAD_FILE',
    '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或被截断。请在 Excel 中打开确认后重新保存，再导入。',
  );

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * Excel stores dates as day numbers; ExcelJS hands them over as Dates at UTC midnight of that
 * calendar day, so the UTC fields are the date the sheet shows.
 */
export function excelDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

function textCell(raw: string): Cell {
  const text = normalizeText(raw);
  return text === '' ? emptyCell : { kind: 'text', text };
}

/** One ExcelJS cell value (plain, rich text, hyperlink, formula result…) as a Cell. */
export function cellFromValue(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return emptyCell;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return { kind: 'number', text: numberText(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    const text = excelDateText(value);
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
    if ('text' in value) {
      const inner = (value as { text: unknown }).text;
      return cellFromValue(inner as ExcelJS.CellValue);
    }
  }
  return textCell(String(value));
}

/**
 * Reads one worksheet (the first, or the named one) of an .xlsx file. Empty rows are skipped;
 * merged cells repeat their value in every covered cell, as the sheet shows it. The fast reader
 * (xlsxReader.ts) handles the files Excel, WPS and ExcelJS write; anything else it does not
 * understand is read by loading the workbook with ExcelJS.
 */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<Table> {
  try {
    return readXlsxFast(bytes, sheetName);
  } catch (error) {
    if (error instanceof CoreError) throw error;
    return readXlsxWithExcelJs(bytes, sheetName);
  }
}

/** The complete ExcelJS workbook model: slower, kept for workbooks the fast reader declines. */
export async function readXlsxWithExcelJs(bytes: Uint8Array, sheetName?: string): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its parameter as an ArrayBuffer-like `Buffer`; at run time it takes a Node Buffer.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw brokenWorkbook();
  }
  const sheets = workbook.worksheets;
  const sheetNames = sheets.map((s) => s.name);
  if (sheets.length === 0) {
    throw new CoreError('BAD_FILE', '这个 Excel 工作簿中没有工作表，可能已损坏或不是 Excel 文件。');
  }
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    throw new CoreError(
      'BAD_FILE',
      `工作簿中没有名为“${sheetName}”的工作表。现有工作表：${sheetNames.join('、')}。`,
      { sheetNames },
    );
  }
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    let any = false;
    // row.values is 1-based (index 0 is always empty) and may be sparse.
    for (let c = 1; c < values.length; c += 1) {
      const cell = cellFromValue(values[c]);
      if (cell.kind !== 'empty') any = true;
      cells.push(cell);
    }
    if (any) rows.push({ rowNumber, cells });
  });
  return { format: 'xlsx', sheetName: sheet.name, sheetNames, rows };
}

import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { UploadedFile } from '../../shared/contract/files';

export type SheetRows = readonly (readonly ExcelJS.CellValue[])[];

export interface SheetSpec {
  name?: string;
  rows: SheetRows;
  /** Applied after the rows are written, e.g. to merge title cells or set formats. */
  decorate?: (sheet: ExcelJS.Worksheet) => void;
}

/** A real .xlsx file written by ExcelJS, as bytes. */
export async function xlsxBytes(sheets: SheetSpec | readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [i, spec] of (Array.isArray(sheets) ? sheets : [sheets]).entries()) {
    const sheet = workbook.addWorksheet(spec.name ?? `Sheet${i + 1}`);
    for (const row of spec.rows) sheet.addRow([...row]);
    spec.decorate?.(sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvField = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV bytes the way Excel writes them: CRLF, quoted where needed, in the given encoding. */
export function csvBytes(
  rows: readonly (readonly unknown[])[],
  encoding: 'utf-8' | 'utf-8-bom' | 'gbk' = 'utf-8',
): Buffer {
  const text = rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  const utf8 = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

export function upload(fileName: string, bytes: Uint8Array): UploadedFile {
  return { fileName, contentBase64: Buffer.from(bytes).toString('base64') };
}

/** Reads exported .xlsx bytes back with ExcelJS, to check what a user would open. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want a plain-ArrayBuffer Buffer; a Node Buffer is what it reads at runtime.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/**
 * A sheet as its reader sees the table: the header is the row the pane is frozen under (the
 * first row when nothing is frozen), `rows` every row below it, cells 0-based.
 */
export function sheetTable(ws: ExcelJS.Worksheet): {
  header: ExcelJS.CellValue[];
  rows: ExcelJS.CellValue[][];
  headerRow: number;
} {
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  const headerRow = view?.state === 'frozen' && view.ySplit ? view.ySplit : 1;
  const values: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    values.push((row.values as ExcelJS.CellValue[]).slice(1)),
  );
  return { header: values[headerRow - 1], rows: values.slice(headerRow), headerRow };
}

/**
 * The 试点经费使用情况表 of a workbook read back: its table, the `lines` above the first empty row,
 * and `total(label)`, the amount of the totals row so labelled.
 */
export function fundsSheet(wb: ExcelJS.Workbook) {
  const table = sheetTable(wb.getWorksheet('经费使用情况')!);
  return {
    ...table,
    lines: table.rows.slice(
      0,
      table.rows.findIndex((r) => r.length === 0),
    ),
    total: (label: string) => table.rows.find((r) => r[0] === label)?.[8],
  };
}

/**
 * A downloaded import template filled in as a person would, its example row left in place: under
 * it one row per entry, each the example with the given columns (by header label) changed.
 */
export async function templateWithRows(
  template: Buffer,
  rows: readonly Readonly<Record<string, string>>[],
): Promise<Buffer> {
  const wb = await loadWorkbook(template);
  const data = wb.worksheets[0];
  const table = sheetTable(data);
  const header = table.header.map((h) => String(h ?? ''));
  const example = table.rows[0].map((v) => String(v ?? ''));
  rows.forEach((changes, i) => {
    data.getRow(table.headerRow + 2 + i).values = header.map(
      (label, c) => changes[label] ?? example[c] ?? '',
    );
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The platform's 考生信息上传表 columns as the issue lists them: written out here, not imported
 * from the exporter, so the tests check the exporter against the requirement.
 */
export const uploadSheetHeader = [
  '姓名',
  '性别',
  '证件类型',
  '证件号码',
  '学号',
  '专业',
  '班级',
  '年级',
  '手机号码',
  '证书名称',
  '等级',
  '等级代码',
  '考核批次',
];

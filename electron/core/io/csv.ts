import { parse } from '@fast-csv/parse';
import { normalizeText } from '../../../shared/domain/text';
import { CoreError } from '../errors';
import { decodeText } from './decode';
import { emptyCell, type Cell, type Table, type TableRow } from './table';

/** Comma unless the first line clearly uses tabs or semicolons (some exports do). */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const commas = count(',');
  if (count('\t') > commas) return '\t';
  if (count(';') > commas) return ';';
  return ',';
}

/** Splits after each line break (CRLF, LF or CR), keeping it. */
const LINE = /(?<=\r\n|\n|\r(?!\n))/;

/** Why fast-csv stopped, for the person who has to fix the file; `rowNumber` is its record. */
function csvProblem(error: Error, rowNumber: number): CoreError {
  const fix = '请在 Excel 中打开检查后重新另存为 CSV。';
  const problem = /missing closing/i.test(error.message)
    ? '有一个引号没有闭合，文件可能被截断或已损坏'
    : '的引号用法有误（引号括起的内容后面紧跟了别的字符）';
  return new CoreError('BAD_FILE', `CSV 文件第 ${rowNumber} 行${problem}。${fix}`, { rowNumber });
}

/**
 * Splits CSV text into records (RFC 4180) with fast-csv: fields in double quotes may hold
 * delimiters, quotes written as "" and line breaks; records end at CRLF, LF or CR. An unclosed
 * quote (typically a truncated file), or text right after a closing quote, is refused naming
 * the record.
 */
export function parseCsvRecords(
  text: string,
  delimiter = guessDelimiter(text),
): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    const parser = parse<string[], string[]>({ delimiter, ignoreEmpty: false, trim: false })
      .on('error', (error: Error) => reject(csvProblem(error, records.length + 1)))
      .on('data', (record: string[]) => records.push(record))
      .on('end', () => resolve(records));
    // One line at a time: fast-csv has handed over every record before the line it stops on
    // (written whole, it drops the records of the chunk it fails in), so the count names it.
    for (const line of text.split(LINE)) parser.write(line);
    parser.end();
  });
}

function toCell(raw: string): Cell {
  const text = normalizeText(raw);
  return text === '' ? emptyCell : { kind: 'text', text };
}

/** Reads CSV bytes (UTF-8, UTF-8 with BOM, UTF-16 with BOM or GBK/GB18030) into a table. */
export async function readCsv(bytes: Uint8Array): Promise<Table> {
  const { text } = decodeText(bytes);
  const records = await parseCsvRecords(text);
  const rows: TableRow[] = [];
  records.forEach((fields, index) => {
    const cells = fields.map(toCell);
    if (cells.some((c) => c.kind !== 'empty')) rows.push({ rowNumber: index + 1, cells });
  });
  return { format: 'csv', sheetName: null, sheetNames: [], rows };
}

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

/**
 * Splits CSV text into records (RFC 4180): fields in double quotes may hold commas, quotes
 * written as "" and line breaks; records end at CRLF, LF or CR. An unclosed quote is an error
 * (typically a truncated file).
 */
export function parseCsvRecords(text: string, delimiter = guessDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteStartRecord = 0;
  let i = 0;
  const n = text.length;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  while (i < n) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i += 1;
        continue;
      }
      // Copy a run of ordinary characters at once: much faster than char by char.
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      field = '';
      inQuotes = true;
      quoteStartRecord = records.length + 1;
      i += 1;
    } else if (ch === delimiter) {
      endField();
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (inQuotes) {
    throw new CoreError(
      'BAD_FILE',
      `CSV 文件第 ${quoteStartRecord} 行有一个引号没有闭合，文件可能被截断或已损坏。请在 Excel 中打开检查后重新另存为 CSV。`,
      { rowNumber: quoteStartRecord },
    );
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}

function toCell(raw: string): Cell {
  const text = normalizeText(raw);
  return text === '' ? emptyCell : { kind: 'text', text };
}

/** Reads CSV bytes (UTF-8, UTF-8 with BOM, UTF-16 with BOM or GBK/GB18030) into a table. */
export function readCsv(bytes: Uint8Array): Table {
  const { text } = decodeText(bytes);
  const records = parseCsvRecords(text);
  const rows: TableRow[] = [];
  records.forEach((fields, index) => {
    const cells = fields.map(toCell);
    if (cells.some((c) => c.kind !== 'empty')) rows.push({ rowNumber: index + 1, cells });
  });
  return { format: 'csv', sheetName: null, sheetNames: [], rows };
}

import { normalizeText } from '../../../shared/domain/text';
import { CoreError } from '../errors';
import { openSafeZip, type SafeZip, type ZipLimits } from './safeZip';
import { emptyCell, numberText, type Cell, type Table, type TableRow } from './table';

/**
 * Reads the one thing imports need from an .xlsx file: the cell values of one worksheet, as the
 * sheet shows them. The workbook is an untrusted zip: it goes through the checked reader
 * (safeZip.ts), which refuses a bomb from its directory, before anything is inflated, and never
 * inflates an entry past its declared size. Only the parts needed are read (workbook,
 * relationships, shared strings, styles, the sheet). Nothing falls back to a full workbook load:
 * what this reader refuses stays refused.
 */

const BROKEN_WORKBOOK =
  '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或被截断。请在 Excel 中打开确认后重新保存，再导入。';
export const brokenWorkbook = () => new CoreError('BAD_FILE', BROKEN_WORKBOOK);

/**
 * Limits for a workbook picked for import: far above any roster (20,000 students are about
 * 9 MB of sheet XML, 1 MB zipped), far below what would stall the app or exhaust its memory.
 */
export const xlsxLimits: ZipLimits = {
  maxEntries: 5_000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxEntryBytes: 100 * 1024 * 1024,
  maxRatio: 200,
};

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g;
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text → string: entities, then OOXML's `_xHHHH_` escapes of control characters. */
function decodeXml(text: string): string {
  const plain =
    text.indexOf('&') < 0
      ? text
      : text.replace(ENTITY, (_, e: string) =>
          e[0] === '#'
            ? String.fromCodePoint(
                e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
              )
            : named[e],
        );
  return plain.indexOf('_x') < 0
    ? plain
    : plain.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(ATTRIBUTE)) out[m[1]] = decodeXml(m[2] ?? m[3] ?? '');
  return out;
}
/** An attribute by local name, whatever its namespace prefix (`r:id`, `id`). */
const attr = (attrs: Record<string, string>, local: string) =>
  attrs[local] ?? Object.entries(attrs).find(([k]) => k.endsWith(`:${local}`))?.[1];

/** All `<t>` texts of a string item, leaving out phonetic runs (`<rPh>`). */
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT = /<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g;
function itemText(xml: string): string {
  const body = xml.indexOf('rPh') < 0 ? xml : xml.replace(PHONETIC, '');
  let text = '';
  for (const m of body.matchAll(TEXT)) text += m[1];
  return decodeXml(text);
}

function textCell(raw: string): Cell {
  const text = normalizeText(raw);
  return text === '' ? emptyCell : { kind: 'text', text };
}

/** Built-in number formats that show dates or times (incl. the Chinese ones, 27–36 and 50–58). */
const builtinDateFormats = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom number format is a date format when, outside quotes and brackets, it has y/m/d/h/s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ''));
}

function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  const styles: boolean[] = [];
  for (const m of cellXfs[1].matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attributes(m[1]).numFmtId ?? 0);
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormat(code) : builtinDateFormats.has(id));
  }
  return styles;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An Excel serial date as the sheet shows it: `2020-09-01`, or `2020-09-01 08:30` with a time. */
export function serialDateText(serial: number, date1904: boolean): string {
  // The same conversion as ExcelJS: day 25569 is 1970-01-01 in the 1900 system.
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
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

interface SheetRef {
  name: string;
  path: string;
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1).toLowerCase();
  const parts = base.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/').toLowerCase();
}

function relationships(xml: string | undefined): { id: string; type: string; target: string }[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)].map((m) => {
    const a = attributes(m[1]);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '' };
  });
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const REF = /\br\s*=\s*"([A-Z]+)(\d+)"/;
const TYPE = /\bt\s*=\s*"(\w+)"/;
const STYLE = /\bs\s*=\s*"(\d+)"/;
const ROW_NUMBER = /\br\s*=\s*"(\d+)"/;

/**
 * Reads one worksheet (the first, or the named one) of an .xlsx file; see the module comment.
 * `fileName` names the file in refusals.
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: { fileName: string; sheetName?: string },
): Promise<Table> {
  const zip = await openSafeZip(
    { bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes) },
    { what: `Excel 文件“${options.fileName}”`, limits: xlsxLimits, damaged: BROKEN_WORKBOOK },
  );
  try {
    return await readWorkbook(zip, options.sheetName);
  } finally {
    zip.close();
  }
}

async function readWorkbook(zip: SafeZip, sheetName: string | undefined): Promise<Table> {
  // Part names are case-insensitive in Office files.
  const entries = new Map(zip.entries.map((e) => [e.name.toLowerCase(), e]));
  const part = async (path: string): Promise<string | undefined> => {
    const entry = entries.get(path.toLowerCase());
    if (!entry) return undefined;
    const chunks: Buffer[] = [];
    await zip.read(entry, (chunk) => chunks.push(chunk));
    return Buffer.concat(chunks).toString('utf8');
  };

  const rootRels = relationships(await part('_rels/.rels'));
  const officeDoc = rootRels.find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
  const workbookXml = await part(workbookPath);
  if (!workbookXml) {
    throw new CoreError(
      'BAD_FILE',
      `文件不是有效的 Excel 工作簿（.xlsx）：其中没有工作簿部分（${workbookPath}），可能是别的程序生成的 zip 文件。`,
    );
  }
  const relsPath = workbookPath.replace(/[^/]*$/, (file) => `_rels/${file}.rels`);
  const rels = relationships(await part(relsPath));
  const relTarget = (id: string) => {
    const rel = rels.find((r) => r.id === id);
    return rel ? resolveTarget(workbookPath, rel.target) : undefined;
  };
  const typed = (suffix: string) => {
    const rel = rels.find((r) => r.type.endsWith(suffix));
    return rel ? resolveTarget(workbookPath, rel.target) : undefined;
  };

  const sheets: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const path = relTarget(attr(a, 'id') ?? '');
    if (a.name !== undefined && path) sheets.push({ name: a.name, path });
  }
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
  const workbookPr = /<(?:\w+:)?workbookPr\b([^>]*?)\/?>/.exec(workbookXml);
  const date1904 = workbookPr ? /^(1|true)$/.test(attributes(workbookPr[1]).date1904 ?? '') : false;

  const sharedXml = await part(typed('/sharedStrings') ?? 'xl/sharedStrings.xml');
  const shared: Cell[] = [];
  if (sharedXml) {
    for (const m of sharedXml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) {
      shared.push(textCell(m[1] ? itemText(m[1]) : ''));
    }
  }
  const isDate = dateStyles(await part(typed('/styles') ?? 'xl/styles.xml'));
  const sheetXml = await part(sheet.path);
  if (sheetXml === undefined) throw brokenWorkbook();

  const rowsByNumber = new Map<number, Cell[]>();
  let lastRow = 0;
  for (const rowMatch of sheetXml.matchAll(ROW)) {
    const rowAttr = ROW_NUMBER.exec(rowMatch[1]);
    const rowNumber = rowAttr ? Number(rowAttr[1]) : lastRow + 1;
    lastRow = rowNumber;
    const content = rowMatch[2];
    if (!content) continue;
    const cells: Cell[] = [];
    let lastColumn = -1;
    for (const cellMatch of content.matchAll(CELL)) {
      const cellAttr = cellMatch[1];
      const ref = REF.exec(cellAttr);
      const column = ref ? columnIndex(ref[1]) : lastColumn + 1;
      lastColumn = column;
      const body = cellMatch[2];
      if (!body) continue;
      const type = TYPE.exec(cellAttr)?.[1] ?? 'n';
      let cell: Cell = emptyCell;
      if (type === 'inlineStr') {
        const inline = INLINE.exec(body);
        cell = inline ? textCell(itemText(inline[1])) : emptyCell;
      } else {
        const v = VALUE.exec(body);
        if (v) {
          const value = v[1];
          if (type === 's') cell = shared[Number(value)] ?? emptyCell;
          else if (type === 'str') cell = textCell(decodeXml(value));
          else if (type === 'b') cell = { kind: 'boolean', text: value === '1' ? 'TRUE' : 'FALSE' };
          else if (type === 'e') cell = { kind: 'error', text: decodeXml(value) };
          else if (type === 'd') {
            const iso = /^\d{4}-\d{2}-\d{2}/.exec(value);
            cell = iso ? { kind: 'date', text: iso[0] } : textCell(decodeXml(value));
          } else {
            const number = Number(value);
            if (value.trim() === '' || Number.isNaN(number)) cell = textCell(decodeXml(value));
            else {
              const style = STYLE.exec(cellAttr);
              if (style && isDate[Number(style[1])]) {
                const text = serialDateText(number, date1904);
                cell = text ? { kind: 'date', text } : emptyCell;
              } else cell = { kind: 'number', text: numberText(number) };
            }
          }
        }
      }
      if (cell.kind === 'empty') continue;
      while (cells.length < column) cells.push(emptyCell);
      cells[column] = cell;
    }
    if (cells.length > 0) rowsByNumber.set(rowNumber, cells);
  }

  // Merged cells show the top-left value in every covered cell, as the sheet displays them.
  let lastDataRow = 0;
  for (const r of rowsByNumber.keys()) if (r > lastDataRow) lastDataRow = r;
  const mergeStart = sheetXml.indexOf('mergeCell');
  const merges = mergeStart < 0 ? '' : sheetXml.slice(Math.max(0, mergeStart - 10));
  for (const m of merges.matchAll(
    /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"([A-Z]+)(\d+):([A-Z]+)(\d+)"/g,
  )) {
    const [c1, r1, c2, r2] = [columnIndex(m[1]), Number(m[2]), columnIndex(m[3]), Number(m[4])];
    const master = rowsByNumber.get(r1)?.[c1];
    if (!master || master.kind === 'empty') continue;
    for (let r = r1; r <= Math.min(r2, lastDataRow); r += 1) {
      let cells = rowsByNumber.get(r);
      if (!cells) {
        cells = [];
        rowsByNumber.set(r, cells);
      }
      for (let c = c1; c <= Math.min(c2, 16383); c += 1) {
        while (cells.length < c) cells.push(emptyCell);
        if (!cells[c] || cells[c].kind === 'empty') cells[c] = master;
      }
    }
  }

  const rows: TableRow[] = [...rowsByNumber.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rowNumber, cells]) => ({ rowNumber, cells }));
  return { format: 'xlsx', sheetName: sheet.name, sheetNames, rows };
}

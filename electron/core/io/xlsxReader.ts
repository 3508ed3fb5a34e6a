import { CoreError } from '../errors';
import { openSafeZip, type SafeZip, type SafeZipEntry, type ZipLimits } from './safeZip';
import type { Table } from './table';
import { wordDocumentRefused } from './wordDocument';
import { readSharedStrings, readSheetRows, unescapeOoxml } from './xlsxSheet';
import { streamXml, type XmlHandlers } from './xmlStream';

/**
 * Reads the one thing imports need from an .xlsx file: the cell values of one worksheet, as the
 * sheet shows them. The workbook is an untrusted zip: it goes through the checked reader
 * (safeZip.ts), which refuses a bomb from its directory, before anything is inflated, and never
 * inflates an entry past its declared size. Only the parts needed are read (workbook,
 * relationships, shared strings, styles, the sheet), each streamed through saxes as it inflates.
 * Nothing falls back to a full workbook load: what this reader refuses stays refused.
 */

const BROKEN_WORKBOOK =
  '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或被截断。请在 Excel 中打开确认后重新保存，再导入。';
const brokenWorkbook = () => new CoreError('BAD_FILE', BROKEN_WORKBOOK);

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

/** An attribute by local name, whatever its namespace prefix (`r:id`, `id`). */
const attr = (attrs: Record<string, string>, local: string) =>
  attrs[local] ?? Object.entries(attrs).find(([k]) => k.endsWith(`:${local}`))?.[1];

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1).toLowerCase();
  const parts = base.split('/').slice(0, -1);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/').toLowerCase();
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Reads the workbook part by part; `part` finds an entry by its (case-insensitive) name. */
class WorkbookParts {
  private readonly byName: Map<string, SafeZipEntry>;
  constructor(readonly zip: SafeZip) {
    this.byName = new Map(zip.entries.map((e) => [e.name.toLowerCase(), e]));
  }
  part(path: string): SafeZipEntry | undefined {
    return this.byName.get(path.toLowerCase());
  }
  async stream(path: string, handlers: XmlHandlers): Promise<boolean> {
    const entry = this.part(path);
    if (!entry) return false;
    await streamXml(this.zip, entry, handlers, brokenWorkbook);
    return true;
  }
  async relationships(path: string): Promise<Relationship[]> {
    const list: Relationship[] = [];
    await this.stream(path, {
      open(name, a) {
        if (name !== 'Relationship') return;
        list.push({ id: a.Id ?? '', type: a.Type ?? '', target: unescapeOoxml(a.Target ?? '') });
      },
    });
    return list;
  }
  /** Whether each cell style (by index) shows a date. */
  async dateStyles(path: string): Promise<boolean[]> {
    const custom = new Map<number, string>();
    const formats: number[] = [];
    let inCellXfs = false;
    await this.stream(path, {
      open(name, a) {
        if (name === 'numFmt') custom.set(Number(a.numFmtId), unescapeOoxml(a.formatCode ?? ''));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) formats.push(Number(a.numFmtId ?? 0));
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    });
    return formats.map((id) => {
      const code = custom.get(id);
      return code !== undefined ? isDateFormat(code) : builtinDateFormats.has(id);
    });
  }
}

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
    return await readWorkbook(new WorkbookParts(zip), options);
  } finally {
    zip.close();
  }
}

async function readWorkbook(
  parts: WorkbookParts,
  { fileName, sheetName }: { fileName: string; sheetName?: string },
): Promise<Table> {
  const rootRels = await parts.relationships('_rels/.rels');
  const officeDoc = rootRels.find((r) => r.type.endsWith('/officeDocument'));
  // A .docx is the same kind of zip, its main part under word/ (whatever the file is named).
  if (officeDoc && /^\/?word\//.test(officeDoc.target)) throw wordDocumentRefused(fileName);
  const workbookPath = officeDoc ? resolveTarget('', officeDoc.target) : 'xl/workbook.xml';
  const listed: { name: string; id: string }[] = [];
  let date1904 = false;
  const found = await parts.stream(workbookPath, {
    open(name, a) {
      if (name === 'sheet' && a.name !== undefined) {
        listed.push({ name: unescapeOoxml(a.name), id: attr(a, 'id') ?? '' });
      } else if (name === 'workbookPr') date1904 = /^(1|true)$/.test(a.date1904 ?? '');
    },
  });
  if (!found) {
    throw new CoreError(
      'BAD_FILE',
      `文件不是有效的 Excel 工作簿（.xlsx）：其中没有工作簿部分（${workbookPath}），可能是别的程序生成的 zip 文件。`,
    );
  }
  const relsPath = workbookPath.replace(/[^/]*$/, (file) => `_rels/${file}.rels`);
  const rels = await parts.relationships(relsPath);
  const target = (rel: Relationship | undefined) =>
    rel ? resolveTarget(workbookPath, rel.target) : undefined;
  const typed = (suffix: string) => target(rels.find((r) => r.type.endsWith(suffix)));

  const sheets = listed.flatMap(({ name, id }) => {
    const path = target(rels.find((r) => r.id === id));
    return path ? [{ name, path }] : [];
  });
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
  const sheetEntry = parts.part(sheet.path);
  if (!sheetEntry) throw brokenWorkbook();

  const sharedEntry = parts.part(typed('/sharedStrings') ?? 'xl/sharedStrings.xml');
  const shared = sharedEntry ? await readSharedStrings(parts.zip, sharedEntry, brokenWorkbook) : [];
  const isDate = await parts.dateStyles(typed('/styles') ?? 'xl/styles.xml');
  const rows = await readSheetRows(
    parts.zip,
    sheetEntry,
    { shared, isDate, date1904 },
    brokenWorkbook,
  );
  return { format: 'xlsx', sheetName: sheet.name, sheetNames, rows };
}

import path from 'node:path';
import type { UploadedFile } from '../../../shared/contract/files';
import { CoreError } from '../errors';
import type { Table } from './table';
import { hasWordExtension, wordDocumentRefused } from './wordDocument';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function decodeUpload(file: UploadedFile): Uint8Array {
  return Buffer.from(file.contentBase64, 'base64');
}

/**
 * Reads a spreadsheet the user picked. The format is decided by the content (an .xlsx file is a
 * zip starting with `PK`), so a CSV renamed .xlsx or an .xlsx without extension still reads; a
 * Word document, a damaged, truncated or foreign file ends in a CoreError with a Chinese
 * explanation.
 */
export async function readTable(
  bytes: Uint8Array,
  options: { fileName: string; sheetName?: string },
): Promise<Table> {
  const ext = path.extname(options.fileName).toLowerCase();
  if (bytes.length === 0) {
    throw new CoreError('BAD_FILE', `文件“${options.fileName}”是空的（0 字节），请重新选择。`);
  }
  // The readers (saxes, fast-csv, iconv-lite's GBK tables) load with the first file read, not
  // with the core: the web host's worker would otherwise compile them at every start.
  if (startsWith(bytes, zipMagic)) {
    const { readXlsx } = await import('./xlsxReader');
    return readXlsx(bytes, options);
  }
  // Not a zip: a Word 97-2003 .doc (the same container as an .xls), an .rtf or a Word file saved
  // as web page is known by its name (a .docx by its content, in readXlsx).
  if (hasWordExtension(options.fileName)) throw wordDocumentRefused(options.fileName);
  if (startsWith(bytes, oleMagic)) {
    throw new CoreError(
      'BAD_FILE',
      '这是旧版 Excel 97-2003 文件（.xls），无法直接读取。请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再导入。',
    );
  }
  if (ext === '.xlsx' || ext === '.xlsm') {
    throw new CoreError(
      'BAD_FILE',
      '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或被截断。请在 Excel 中打开确认后重新保存，再导入。',
    );
  }
  const { readCsv } = await import('./csv');
  return readCsv(bytes);
}

import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, truncateSync, writeSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

/**
 * Real files built in the test, for upload tests: each is a valid file of its type that a viewer
 * opens (the PDF renders with pdftoppm, the PNG in any browser).
 */

/**
 * A one-page PDF showing `text` (ASCII), with a correct cross-reference table; `filler` bytes go
 * into an extra, unreferenced stream object (a large file that still opens).
 */
export function makePdf(text = 'PilotDesk test document', filler?: Buffer): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...(filler
      ? [`<< /Length ${filler.length} >>\nstream\n${filler.toString('latin1')}\nendstream`]
      : []),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG of width×height whose pixels come from `color(x, y)` → [r, g, b]. */
export function makePng(
  width = 64,
  height = 48,
  color: (x: number, y: number) => [number, number, number] = (x, y) => [
    Math.round((x / width) * 255),
    Math.round((y / height) * 255),
    160,
  ],
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x += 1) raw.set(color(x, y), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A valid PDF or PNG of about `size` bytes, mostly random (so zip cannot shrink it): the random
 * bytes sit in an unreferenced PDF stream or a private ancillary PNG chunk that viewers skip.
 */
export function makeBulkyFile(kind: 'pdf' | 'png', size: number): Buffer {
  const filler = randomBytes(Math.max(0, size - 600));
  if (kind === 'pdf') return makePdf(`bulky ${size}`, filler);
  const png = makePng(16, 16);
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), pngChunk('ruSt', filler), png.subarray(iend)]);
}

/** The well-known smallest valid JPEG: one grey pixel (JFIF, 134 bytes). */
export function makeJpeg(): Buffer {
  return Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );
}

/**
 * A zip of stored (uncompressed) entries: enough for Office Open XML and plain archives. Given
 * as a list of [name, content] pairs, a name may occur twice (a hostile archive).
 */
export function makeZip(
  entries: Record<string, string | Buffer> | readonly (readonly [string, string | Buffer])[],
): Buffer {
  const list = Array.isArray(entries) ? entries : Object.entries(entries);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of list) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(list.length, 8);
  end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDir, end]);
}

/** A minimal Word document (.docx) with one paragraph, as Word writes the parts. */
export function makeDocx(text = 'PilotDesk'): Buffer {
  return makeZip({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels':
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

/** A real Excel workbook written by ExcelJS. */
export async function makeXlsx(rows: (string | number)[][] = [['学号', '姓名']]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first bytes of a Windows program (MZ header and PE signature), padded. */
export function makeExe(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'ascii');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** The header of a legacy Office file (Compound File Binary: .doc, .xls). */
export function makeLegacyOffice(): Buffer {
  const bytes = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  return bytes;
}

export const base64 = (bytes: Buffer) => bytes.toString('base64');

/** A file of `bytes` zero bytes that takes no disk space (sparse): for size limits. */
export function makeSparseFile(file: string, bytes: number): string {
  closeSync(openSync(file, 'w'));
  truncateSync(file, bytes);
  return file;
}

/**
 * A file of `bytes` that gzip cannot shrink, for sends still under way when 取消 is clicked (the
 * page compresses what it sends: zeros would arrive at once). One random MiB repeated: gzip looks
 * back only 32 KB, so the repeats stay incompressible.
 */
export function makeIncompressibleFile(file: string, bytes: number): string {
  const block = randomBytes(1024 * 1024);
  const fd = openSync(file, 'w');
  try {
    for (let written = 0; written < bytes; written += block.length) {
      writeSync(fd, block, 0, Math.min(block.length, bytes - written));
    }
  } finally {
    closeSync(fd);
  }
  return file;
}

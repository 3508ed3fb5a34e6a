import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { expect, vi } from 'vitest';
import type { BackupDownload } from '../../shared/contract/backup';
import { readOwnZip, writeZip } from '../../electron/core/io/zip';
import { contract, type HandlerName, type PilotErrorShape } from '../../shared/contract';
import type { TestCore } from './core';
import { dumpDatabase } from './dumpDatabase';
import { seededBytes } from './random';
import { call } from './seed';
import { xlsxBytes } from './sheets';
import { rosterHeader, rosterRows } from './students';
import { makeTempDir, repoRoot } from './webHost';
import { downloaded } from './downloads';

/** The hostile-input corpus: small files committed in test/fixtures/hostile/ (see README.md). */
export const hostileDir = path.join(repoRoot, 'test', 'fixtures', 'hostile');

export function hostileFile(name: string): { fileName: string; contentBase64: string } {
  return {
    fileName: name,
    contentBase64: readFileSync(path.join(hostileDir, name)).toString('base64'),
  };
}

/** Han characters: every message the user sees is Chinese. */
export const chinese = /[\u3400-\u9fff]/;

/** Every handler of the contract whose name ends with `suffix` (e.g. `.importCommit`). */
export function handlersEndingWith(suffix: string): HandlerName[] {
  return (Object.keys(contract) as HandlerName[]).filter((name) => name.endsWith(suffix));
}

/**
 * Dispatches a call that must be refused: it fails with a Chinese message (and `code` when
 * given) and the database is exactly as before, table by table and row by row.
 */
export async function expectRefusedUnchanged(
  t: TestCore,
  name: HandlerName,
  input: unknown,
  code?: PilotErrorShape['code'],
): Promise<PilotErrorShape> {
  const before = dumpDatabase(t.dataDir);
  const result = await t.core.dispatch(name, input);
  if (result.ok) expect.fail(`${name} should have refused the input but returned ok`);
  const { error } = result;
  expect(error.message, `${name}: ${error.message}`).toMatch(chinese);
  expect(error.code, `${name}: ${error.message}`).not.toBe('INTERNAL');
  if (code) expect(error.code, `${name}: ${error.message}`).toBe(code);
  expect(dumpDatabase(t.dataDir), `${name} changed the database`).toEqual(before);
  return error;
}

/**
 * An upload of `bytes` zero bytes, as base64 text, without allocating the bytes themselves
 * (`AAAA` is three zero bytes).
 */
export function zeroUpload(fileName: string, bytes: number) {
  return { fileName, contentBase64: 'A'.repeat(Math.ceil(bytes / 3) * 4) };
}

/**
 * An archive that unpacks to over 200 MB while no entry compresses more than about 100:1, so
 * only the total limit can stop it (about 2 MB on disk).
 */
export function wideZipBomb(): Promise<Buffer> {
  const entry = wideBombEntry();
  return writeZip([
    { name: 'manifest.json', data: Buffer.from('{"formatVersion":1,"files":[]}') },
    ...Array.from({ length: 26 }, (_, i) => ({ name: `part-${i}.bin`, data: entry })),
  ]);
}

/**
 * The core's own data as an exported database file, with `sql` run on it afterwards (a trigger
 * or view added, a definition changed): a backup someone has tampered with.
 */
export async function tamperedDatabase(t: TestCore, sql: string): Promise<Buffer> {
  const exported = await call<BackupDownload>(t.core, 'backup.exportDatabase', {});
  const temp = makeTempDir('pilotdesk-tampered-');
  try {
    const file = path.join(temp.dir, 'tampered.sqlite');
    writeFileSync(file, downloaded(t.core, exported));
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return readFileSync(file);
  } finally {
    temp.remove();
  }
}

/** 8 MB that deflate about 100:1: one random byte in every 64, under the per-entry ratio check. */
function wideBombEntry(): Buffer {
  const entry = Buffer.alloc(8 << 20);
  const noise = seededBytes(entry.length / 64, 1);
  for (let i = 0; i < noise.length; i += 1) entry[i * 64] = noise[i];
  return entry;
}

/** Where the whitespace goes in a bombed sheet: between the sheet's rows, where XML allows it. */
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>学号</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** `bytes` spaces, made a megabyte at a time as the zip asks for them (never all in memory). */
function spaces(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  let left = bytes;
  return new Readable({
    read() {
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n > 0 ? chunk.subarray(0, n) : null);
    },
  });
}

/**
 * A real roster workbook (ExcelJS) re-zipped with yazl, its parts in their order, where
 * `sheet` may replace the first sheet's XML by a stream and `extra` adds entries.
 */
async function rezipWorkbook(options: {
  sheet?: { stream: () => Readable; size: number };
  extra?: { name: string; data: Buffer; compress?: boolean }[];
}): Promise<Buffer> {
  const parts = await readOwnZip(await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(3)] }));
  const zip = new yazl.ZipFile();
  for (const { name, data } of parts) {
    if (name === 'xl/worksheets/sheet1.xml' && options.sheet) {
      const { stream, size } = options.sheet;
      const whole = Readable.from(
        (async function* () {
          yield Buffer.from(SHEET_HEAD);
          yield* stream();
          yield Buffer.from(SHEET_TAIL);
        })(),
      );
      zip.addReadStream(whole, name, {
        size: Buffer.byteLength(SHEET_HEAD) + size + Buffer.byteLength(SHEET_TAIL),
      });
    } else zip.addBuffer(data, name);
  }
  for (const { name, data, compress } of options.extra ?? [])
    zip.addBuffer(data, name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The bomb: a workbook of about 300 KB whose sheet is 300 MB of whitespace between two
 * rows (about 1000:1).
 */
export function whitespaceXlsxBomb(): Promise<Buffer> {
  return rezipWorkbook({
    sheet: { stream: () => spaces(300 * 1024 * 1024), size: 300 * 1024 * 1024 },
  });
}

/** A small real workbook with `count` one-byte entries added. */
export function manyEntriesXlsx(count: number): Promise<Buffer> {
  return rezipWorkbook({
    extra: Array.from({ length: count }, (_, i) => ({
      name: `xl/media/pad-${i}.txt`,
      data: Buffer.from('x'),
      compress: false,
    })),
  });
}

/**
 * A small real workbook with 26 extra parts of 8 MB at about 100:1 (208 MB in about 2 MB): no
 * part is too big or too compressed, only the total limit can stop it.
 */
export function wideXlsxBomb(): Promise<Buffer> {
  const data = wideBombEntry();
  return rezipWorkbook({
    extra: Array.from({ length: 26 }, (_, i) => ({ name: `xl/media/image${i}.bin`, data })),
  });
}

/** A small real workbook with one extra part of 4 MB of zeros (about 1000:1). */
export function highRatioXlsx(): Promise<Buffer> {
  return rezipWorkbook({ extra: [{ name: 'docProps/custom.xml', data: Buffer.alloc(4 << 20) }] });
}

/**
 * A workbook whose sheet (12 MB of whitespace, about 12 KB zipped) declares only 1 MB in the
 * central directory: every check of the directory passes; only the inflater's count can stop it.
 */
export async function understatedXlsxBomb(): Promise<{ bytes: Buffer; declared: number }> {
  const declared = 1024 * 1024;
  const bytes = await rezipWorkbook({
    sheet: { stream: () => spaces(12 * 1024 * 1024), size: 12 * 1024 * 1024 },
  });
  // The central directory comes last: the name's last occurrence is its record there.
  const at = bytes.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml')) - 46;
  if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('sheet not in the central directory');
  bytes.writeUInt32LE(declared, at + 24);
  return { bytes, declared };
}

/**
 * Watches the one zip reader (yauzl) under every zip the app reads: how many directory records
 * it asked for, which entries it opened, and how many bytes came out of them.
 */
export function watchInflation() {
  const opened: string[] = [];
  let bytes = 0;
  const readEntry = vi.spyOn(yauzl.ZipFile.prototype, 'readEntry');
  const original = yauzl.ZipFile.prototype.openReadStream;
  const openReadStream = vi
    .spyOn(yauzl.ZipFile.prototype, 'openReadStream')
    .mockImplementation(function (this: yauzl.ZipFile, entry: yauzl.Entry, ...rest: unknown[]) {
      opened.push(Buffer.from(entry.fileName as unknown as Buffer).toString('utf8'));
      const callback = rest.pop() as (err: Error | null, stream: Readable) => void;
      const counted = (err: Error | null, stream: Readable) => {
        stream?.on('data', (chunk: Buffer) => (bytes += chunk.length));
        callback(err, stream);
      };
      return (original as (...args: unknown[]) => void).call(this, entry, ...rest, counted);
    });
  return {
    opened,
    inflatedBytes: () => bytes,
    directoryRecords: () => readEntry.mock.calls.length,
    restore: () => {
      openReadStream.mockRestore();
      readEntry.mockRestore();
    },
  };
}

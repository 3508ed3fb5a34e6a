import { createReadStream, createWriteStream } from 'node:fs';
import type { Readable, Transform } from 'node:stream';
import yazl from 'yazl';
import { PRIVATE_FILE_MODE } from './privateFiles';
import { openSafeZip, type ZipLimits } from './safeZip';

/**
 * Every zip entry gets this time, built from local date parts so the DOS timestamp is the same
 * in every time zone (and no extended UTC timestamp is written).
 */
export const FIXED_ZIP_TIME = () => new Date(2020, 0, 1, 0, 0, 0);
/** What the Office documents' own created/modified dates are normalised to. */
export const FIXED_DOC_DATE = new Date('2020-01-01T00:00:00Z');

export interface ZipEntry {
  name: string;
  data: Buffer;
}

const entryOptions = (compress: boolean) => ({
  mtime: FIXED_ZIP_TIME(),
  forceDosTimestamp: true,
  mode: 0o100644,
  compress,
});

/** One entry of a streamed zip: bytes in memory, or a file on disk read when the zip reaches it. */
export type ZipSource = { name: string; compress: boolean } & (
  | { data: Buffer }
  | {
      file: string;
      /** The file's size: the zip fails if it reads a different number of bytes. */
      size: number;
      /** Sees the file's bytes on their way in (progress, checksums); may fail the zip. */
      through?: () => Transform;
    }
);

/**
 * Where a zip writer's output goes: a new private file `target`, which must not exist yet.
 * `done` resolves once it is written; `fail` (the first error, or `signal` aborting with its
 * reason) destroys the output and the `open` input streams and rejects `done` after closing
 * `target`: the caller removes the partial file.
 */
export function zipSink(
  output: Readable,
  target: string,
  open: ReadonlySet<{ destroy(): void }>,
  signal?: AbortSignal,
) {
  let failed = false;
  let settle: { resolve: () => void; reject: (error: unknown) => void };
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const out = createWriteStream(target, { flags: 'wx', mode: PRIVATE_FILE_MODE });
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    signal?.removeEventListener('abort', onAbort);
    for (const stream of open) stream.destroy();
    output.unpipe(out);
    output.destroy();
    if (out.closed) settle.reject(error);
    else {
      out.once('close', () => settle.reject(error));
      out.destroy();
    }
  };
  const onAbort = () => fail(signal?.reason);
  output.on('error', fail);
  out.on('error', fail);
  out.on('close', () => {
    if (failed) return;
    signal?.removeEventListener('abort', onAbort);
    settle.resolve();
  });
  if (signal?.aborted) fail(signal.reason);
  else {
    signal?.addEventListener('abort', onAbort, { once: true });
    output.pipe(out);
  }
  return { done, fail, failed: () => failed };
}

/**
 * Streams a zip of these entries, in the given order and with fixed times (same input, same
 * bytes), into `target`, which must not exist yet. Files are opened one at a time as the zip
 * reaches them, so memory stays flat however large they are; `compress: false` stores bytes that
 * are compressed already (PDF, images, Office files). Rejects on the first error, or at once when
 * `signal` aborts (with its reason), after closing `target`: the caller removes the partial file.
 */
export function writeZipFile(
  entries: readonly ZipSource[],
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  const zip = new yazl.ZipFile();
  const open = new Set<Readable>();
  const sink = zipSink(zip.outputStream as Readable, target, open, signal);
  if (sink.failed()) return sink.done;
  zip.on('error', sink.fail);
  for (const e of entries) {
    if ('data' in e) {
      zip.addBuffer(e.data, e.name, entryOptions(e.compress));
      continue;
    }
    zip.addReadStreamLazy(e.name, { ...entryOptions(e.compress), size: e.size }, (done) => {
      // yazl may still reach the next entry after a failure: open nothing more.
      if (sink.failed()) return done(new Error('zip abandoned'), undefined as never);
      const input = createReadStream(e.file);
      open.add(input);
      input.on('error', sink.fail);
      input.on('close', () => open.delete(input));
      if (!e.through) return done(null, input);
      const through = e.through();
      open.add(through);
      through.on('error', sink.fail);
      through.on('close', () => open.delete(through));
      return done(null, input.pipe(through));
    });
  }
  zip.end();
  return sink.done;
}

/** A zip of these entries in the given order, with fixed times: same input, same bytes. */
export function writeZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const e of entries) {
      zip.addBuffer(e.data, e.name, {
        mtime: FIXED_ZIP_TIME(),
        forceDosTimestamp: true,
        mode: 0o100644,
      });
    }
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * Limits for the Office files the app itself just wrote (docx, xlsx, packages in tests): far
 * above anything it writes. They are read through the same checked reader as untrusted zips.
 */
const ownZipLimits: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 1024 ** 3,
  maxEntryBytes: 1024 ** 3,
  maxRatio: 1000,
};

/** All entries of a zip we made ourselves (docx/xlsx from the libraries), in order. */
export async function readOwnZip(buffer: Buffer): Promise<ZipEntry[]> {
  const zip = await openSafeZip({ bytes: buffer }, { what: 'Office 文件', limits: ownZipLimits });
  try {
    const entries: ZipEntry[] = [];
    for (const entry of zip.entries) {
      const chunks: Buffer[] = [];
      await zip.read(entry, (chunk) => chunks.push(chunk));
      entries.push({ name: entry.name, data: Buffer.concat(chunks) });
    }
    return entries;
  } finally {
    zip.close();
  }
}

const isoStamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/**
 * Re-packs an Office file with fixed dates: the libraries stamp "now" into docProps/core.xml
 * and into every zip entry, which would make each export differ. `rewrite` edits named XML
 * parts on the way (what a library cannot write itself).
 */
export async function normaliseOffice(
  buffer: Buffer,
  rewrite: Record<string, (xml: string) => string> = {},
): Promise<Buffer> {
  const stamp = FIXED_DOC_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const edits: Record<string, (xml: string) => string> = {
    ...rewrite,
    'docProps/core.xml': (xml) => xml.replace(isoStamp, stamp),
  };
  const entries = await readOwnZip(buffer);
  return writeZip(
    entries.map((e) => {
      const edit = edits[e.name];
      return edit ? { name: e.name, data: Buffer.from(edit(e.data.toString('utf8'))) } : e;
    }),
  );
}

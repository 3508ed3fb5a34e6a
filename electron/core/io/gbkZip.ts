import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { zipSink, type ZipSource } from './zip';

/** Whether GBK can spell `name` (a character it cannot would be written as “?”). */
export const gbkSpells = (name: string) => iconv.decode(iconv.encode(name, 'gbk'), 'gbk') === name;

/** JSZip writes DOS times from UTC parts: this is 2020-01-01 00:00 in every zone. */
const FIXED_UTC = new Date(Date.UTC(2020, 0, 1));

/**
 * `writeZipFile` for the unzip built into older Windows on Chinese systems, which ignores the
 * UTF-8 flag and reads names as GBK: names are written in GBK without the flag, each with the
 * Info-ZIP Unicode Path extra field holding its UTF-8 name (what JSZip writes for custom-encoded
 * names), which 7-Zip, Info-ZIP unzip and yauzl prefer. The caller checks `gbkSpells` first.
 * Files open when the zip reaches them, and each is held while it is compressed: its sizes go
 * before its data (Debian's unzip calls JSZip's streamed entries "overlapped components").
 * Same input, same bytes; `signal` stops it at once.
 */
export function writeGbkZipFile(
  entries: readonly ZipSource[],
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  const zip = new JSZip();
  const open = new Set<Readable>();
  for (const e of entries) {
    const options = {
      binary: true,
      date: FIXED_UTC,
      compression: e.compress ? ('DEFLATE' as const) : ('STORE' as const),
      createFolders: false,
    };
    if ('data' in e) {
      zip.file(e.name, e.data, options);
      continue;
    }
    const { file, through: makeThrough } = e;
    // Opened on the first read, when the zip reaches this entry.
    async function* bytes() {
      const input = createReadStream(file);
      const through = makeThrough?.();
      const source = through ? pipeline(input, through, () => undefined) : input;
      open.add(input);
      try {
        for await (const chunk of source) yield chunk as Buffer;
      } finally {
        open.delete(input);
      }
    }
    zip.file(e.name, Readable.from(bytes(), { objectMode: false }), options);
  }
  const output = zip.generateNodeStream({
    platform: 'DOS',
    encodeFileName: (name) => iconv.encode(name, 'gbk').toString('latin1'),
  }) as Readable;
  return zipSink(output, target, open, signal).done;
}

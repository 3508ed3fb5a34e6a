import yauzl from 'yauzl';
import yazl from 'yazl';

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

/** All entries of a trusted zip we made ourselves (docx/xlsx from the libraries), in order. */
export function readOwnZip(buffer: Buffer): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries: ZipEntry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const isoStamp = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;

/**
 * Re-packs an Office file with fixed dates: the libraries stamp "now" into docProps/core.xml
 * and into every zip entry, which would make each export differ.
 */
export async function normaliseOffice(buffer: Buffer): Promise<Buffer> {
  const stamp = FIXED_DOC_DATE.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const entries = await readOwnZip(buffer);
  return writeZip(
    entries.map((e) =>
      e.name === 'docProps/core.xml'
        ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace(isoStamp, stamp)) }
        : e,
    ),
  );
}

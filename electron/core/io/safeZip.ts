import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { formatBytes } from '../../../shared/domain/attachments';
import { CoreError } from '../errors';
import { PRIVATE_FILE_MODE } from './privateFiles';

/** Limits against zip bombs for one kind of archive. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed / compressed above this (for entries over 1 MB) is treated as a bomb. */
  maxRatio: number;
}

/** Entries this small are never refused for their ratio (a page of zeros compresses 1000:1). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

const refuse = (message: string) => new CoreError('BAD_FILE', message);
const damagedError = (options: SafeZipOptions) =>
  refuse(options.damaged ?? `${options.what}结构损坏，无法读取（可能下载不完整）。`);

/** Why an entry name is unsafe to extract (`what`: the archive as the user knows it), or null. */
export function unsafeNameReason(name: string, what = '材料包'): string | null {
  if (name.includes('\\')) return `条目“${name}”的路径含反斜杠，可能指向${what}以外的位置。`;
  if (/^[a-zA-Z]:/.test(name)) return `条目“${name}”使用了盘符绝对路径（如 C:），已拒绝。`;
  if (name.startsWith('/')) return `条目“${name}”使用了绝对路径，已拒绝。`;
  if (name.split('/').includes('..'))
    return `条目“${name}”含“../”，试图写到${what}以外的位置（路径穿越），已拒绝。`;
  if (name.includes('\u0000')) return `条目“${name}”的名称含非法字符。`;
  return null;
}

/** Where a zip comes from: a file on disk, or bytes already in memory (an uploaded workbook). */
export type ZipInput = { file: string } | { bytes: Buffer };

export interface SafeZipOptions {
  /** The archive as the user knows it, in messages: 材料包, 备份包, Excel 文件“名单.xlsx”. */
  what: string;
  limits: ZipLimits;
  /** The refusal when the bytes are not a zip, or its structure or contents are damaged. */
  damaged?: string;
  /**
   * Whether an entry whose bytes do not match their CRC is refused as damaged (the default).
   * Off where the caller compares each entry with its own checksums and says which one changed.
   */
  checkCrc?: boolean;
}

/** A file entry of an archive whose directory passed every limit. */
export interface SafeZipEntry {
  readonly name: string;
  /** Declared uncompressed size: reading never yields more. */
  readonly size: number;
}

/** An untrusted zip whose whole directory was checked before any entry was inflated. */
export interface SafeZip {
  /** File entries (folders left out), in directory order. */
  readonly entries: readonly SafeZipEntry[];
  /**
   * Streams one entry to `onChunk`, inflating no more than its declared size and (unless
   * `checkCrc` is off) checking its CRC at the end. Rejects with a Chinese CoreError; an error
   * `onChunk` throws stops the read (a CoreError as it is, anything else as "damaged").
   */
  read(entry: SafeZipEntry, onChunk: (chunk: Buffer) => void): Promise<void>;
  close(): void;
}

const openOptions: yauzl.Options = {
  lazyEntries: true,
  decodeStrings: false,
  validateEntrySizes: true,
  // autoClose off: the caller closes, on success or at the first problem.
  autoClose: false,
};

/**
 * An entry's name: the Info-ZIP Unicode Path field's where it vouches for the stored bytes (the
 * GBK-named packages for older Windows carry it), else the bytes read as UTF-8, flag or not.
 */
function entryName(entry: yauzl.Entry): string {
  const bytes = entry.fileName as unknown as Buffer;
  if (!Buffer.isBuffer(bytes)) return String(bytes);
  if (!entry.extraFields.some((f) => f.id === 0x7075)) return bytes.toString('utf8');
  // The UTF-8 flag only makes yauzl's fallback (a field that does not match) read UTF-8 too.
  return yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag | 0x800,
    bytes,
    entry.extraFields,
    true,
  );
}

function openZip(input: ZipInput, notZip: () => CoreError): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip: yauzl.ZipFile) => (err ? reject(notZip()) : resolve(zip));
    if ('file' in input) yauzl.open(input.file, openOptions, done);
    else yauzl.fromBuffer(input.bytes, openOptions, done);
  });
}

/** Why the directory entry makes the archive unsafe, given the sizes counted so far, or null. */
function entryProblem(entry: yauzl.Entry, name: string, total: number, options: SafeZipOptions) {
  const { what, limits } = options;
  const reason = unsafeNameReason(name, what);
  if (reason) return reason;
  const unixMode = entry.externalFileAttributes >>> 16;
  if (entry.versionMadeBy >> 8 === 3 && (unixMode & 0o170000) === 0o120000) {
    return `条目“${name}”是符号链接，${what}中不允许出现符号链接。`;
  }
  if (entry.isEncrypted()) return `条目“${name}”已加密，无法校验；请提供未加密的${what}。`;
  if (name.endsWith('/')) return null;
  const size = entry.uncompressedSize;
  if (size > limits.maxEntryBytes) {
    return `${what}中的条目“${name}”解压后有 ${formatBytes(size)}，超过单个条目 ${formatBytes(limits.maxEntryBytes)} 的上限（过大，疑似压缩炸弹），已拒绝。`;
  }
  if (total + size > limits.maxTotalBytes) {
    return `${what}解压后过大：到条目“${name}”为止已有 ${formatBytes(total + size)}，超过 ${formatBytes(limits.maxTotalBytes)} 的上限，疑似压缩炸弹，已拒绝。`;
  }
  const ratio = size / Math.max(1, entry.compressedSize);
  if (size > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
    return `${what}中的条目“${name}”压缩比异常（${formatBytes(entry.compressedSize)} 解压为 ${formatBytes(size)}，约 ${Math.round(ratio)}:1，上限 ${limits.maxRatio}:1），疑似压缩炸弹，已拒绝。`;
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return `${what}中的条目“${name}”使用了不支持的压缩方式（${entry.compressionMethod}），请用常见的 zip 工具或原程序重新保存。`;
  }
  return null;
}

/**
 * Opens an untrusted zip and checks its whole central directory before inflating anything: the
 * entry count (from the end record, before the directory is read), unsafe names (path
 * traversal, absolute paths), symlinks, encryption, unknown compression, and the declared sizes
 * against the limits (per entry, in total, and the compression ratio). Every zip the app reads
 * — packages, backups, workbooks to import, its own Office files — goes through here.
 */
export async function openSafeZip(input: ZipInput, options: SafeZipOptions): Promise<SafeZip> {
  const { what, limits } = options;
  const damaged = () => damagedError(options);
  const zip = await openZip(input, () =>
    refuse(
      options.damaged ?? `文件不是有效的 zip ${what}（无法读取目录），可能已损坏或不是 zip 文件。`,
    ),
  );
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(
      `${what}内的条目过多（${zip.entryCount} 个，上限 ${limits.maxEntries} 个），疑似压缩炸弹，已拒绝。`,
    );
  }
  const raw = new Map<SafeZipEntry, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      let total = 0;
      zip.on('error', () => reject(damaged()));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entryName(entry);
        const problem = entryProblem(entry, name, total, options);
        if (problem) return reject(refuse(problem));
        if (!name.endsWith('/')) {
          total += entry.uncompressedSize;
          raw.set({ name, size: entry.uncompressedSize }, entry);
        }
        zip.readEntry();
      });
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }

  const read = (entry: SafeZipEntry, onChunk: (chunk: Buffer) => void) =>
    new Promise<void>((resolve, reject) => {
      const source = raw.get(entry);
      if (!source) throw new Error(`not an entry of this zip: ${entry.name}`);
      zip.openReadStream(source, (err, stream) => {
        if (err) return reject(damaged());
        let settled = false;
        let crc = 0;
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          stream.destroy();
          reject(error instanceof CoreError ? error : damaged());
        };
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          crc = crc32(chunk, crc);
          try {
            onChunk(chunk);
          } catch (error) {
            fail(error);
          }
        });
        stream.on('error', (error: Error) =>
          fail(
            // yauzl stops inflating at the first byte past the declared size.
            /too many bytes/.test(error.message)
              ? refuse(
                  `${what}中的条目“${entry.name}”解压出的内容比声明的 ${formatBytes(entry.size)} 多（实际大小与声明不符），疑似压缩炸弹，已拒绝。`,
                )
              : error,
          ),
        );
        stream.on('end', () => {
          if (settled) return;
          settled = true;
          if (options.checkCrc !== false && crc >>> 0 !== source.crc32 >>> 0) reject(damaged());
          else resolve();
        });
      });
    });

  return { entries: [...raw.keys()], read, close: () => zip.close() };
}

export interface ReadEntry {
  name: string;
  size: number;
  sha256: string;
  /** The entry's text, for the entries `keepText` asked for (a manifest), else null. */
  text: string | null;
  /** Where its bytes were written, for the entries `saveTo` placed on disk, else null. */
  savedTo: string | null;
}

export interface ReadZipOptions extends SafeZipOptions {
  /** Entries whose text is returned (small ones: a manifest). */
  keepText?: (name: string) => boolean;
  /**
   * Entries written to disk as they stream: the file to create (it must not exist yet), or null.
   * The caller removes the files it named, whatever the outcome.
   */
  saveTo?: (name: string) => string | null;
}

/**
 * Reads every entry of an untrusted zip on disk (after `openSafeZip` checked its directory),
 * hashing as it streams. Nothing is extracted except what `saveTo` asks for.
 */
export async function readZipEntries(file: string, options: ReadZipOptions): Promise<ReadEntry[]> {
  // Packages and backups are checked entry by entry against their manifest's SHA-256, which
  // names the entry that changed; a CRC refusal of the whole archive would hide which.
  const zip = await openSafeZip({ file }, { checkCrc: false, ...options });
  try {
    const out: ReadEntry[] = [];
    for (const entry of zip.entries) {
      const keepText = options.keepText?.(entry.name) ?? false;
      const savedTo = options.saveTo?.(entry.name) ?? null;
      const fd = savedTo ? openSync(savedTo, 'wx', PRIVATE_FILE_MODE) : null;
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        await zip.read(entry, (chunk) => {
          size += chunk.length;
          hash.update(chunk);
          if (keepText) chunks.push(chunk);
          if (fd !== null) for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
        });
      } finally {
        if (fd !== null) closeSync(fd);
      }
      out.push({
        name: entry.name,
        size,
        sha256: hash.digest('hex'),
        text: keepText ? Buffer.concat(chunks).toString('utf8') : null,
        savedTo,
      });
    }
    return out;
  } catch (error) {
    throw error instanceof CoreError ? error : damagedError(options);
  } finally {
    zip.close();
  }
}

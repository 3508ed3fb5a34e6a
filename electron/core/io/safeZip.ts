import { createHash } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import yauzl from 'yauzl';
import { CoreError } from '../errors';

/** Limits against zip bombs for one kind of archive. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed / compressed above this (for entries over 1 MB) is treated as a bomb. */
  maxRatio: number;
}

const refuse = (message: string) => new CoreError('BAD_FILE', message);

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

export interface ReadEntry {
  name: string;
  size: number;
  sha256: string;
  /** The entry's text, for the entries `keepText` asked for (a manifest), else null. */
  text: string | null;
  /** Where its bytes were written, for the entries `saveTo` placed on disk, else null. */
  savedTo: string | null;
}

export interface ReadZipOptions {
  /** The archive as the user knows it, in messages: 材料包, 备份包. */
  what: string;
  limits: ZipLimits;
  /** Entries whose text is returned (small ones: a manifest). */
  keepText?: (name: string) => boolean;
  /**
   * Entries written to disk as they stream: the file to create (it must not exist yet), or null.
   * The caller removes the files it named, whatever the outcome.
   */
  saveTo?: (name: string) => string | null;
}

function openZip(file: string, what: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      // autoClose off: the file is closed by readZipEntries, on the end or at the first problem.
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false },
      (err, zip) =>
        err
          ? reject(
              refuse(`文件不是有效的 zip ${what}（无法读取目录），可能已损坏或不是 zip 文件。`),
            )
          : resolve(zip),
    );
  });
}

/**
 * Reads every entry of an untrusted zip from disk, hashing as it streams and stopping as soon as
 * a limit is passed. Nothing is extracted except what `saveTo` asks for. Refuses unsafe archives
 * (path traversal, absolute paths, symlinks, encryption, zip bombs) with a Chinese message.
 */
export async function readZipEntries(file: string, options: ReadZipOptions): Promise<ReadEntry[]> {
  const { what, limits } = options;
  const zip = await openZip(file, what);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(`${what}条目过多（${zip.entryCount} 个，上限 ${limits.maxEntries} 个），已拒绝。`);
  }
  return new Promise((resolve, reject) => {
    const out: ReadEntry[] = [];
    let total = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(e instanceof CoreError ? e : refuse(`${what}结构损坏，无法读取（可能下载不完整）。`));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      zip.close();
      resolve(out);
    });
    zip.on('entry', (entry: yauzl.Entry) => {
      const raw = entry.fileName as unknown as Buffer;
      const name = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
      const reason = unsafeNameReason(name, what);
      if (reason) return fail(refuse(reason));
      const unixMode = entry.externalFileAttributes >>> 16;
      if (entry.versionMadeBy >> 8 === 3 && (unixMode & 0o170000) === 0o120000) {
        return fail(refuse(`条目“${name}”是符号链接，${what}中不允许出现符号链接。`));
      }
      if (entry.isEncrypted())
        return fail(refuse(`条目“${name}”已加密，无法校验；请提供未加密的${what}。`));
      if (name.endsWith('/')) return zip.readEntry();
      total += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.maxEntryBytes || total > limits.maxTotalBytes) {
        return fail(
          refuse(
            `${what}解压后过大（超过 ${limits.maxTotalBytes / 1024 / 1024} MB），疑似压缩炸弹，已拒绝。`,
          ),
        );
      }
      if (
        entry.uncompressedSize > 1024 * 1024 &&
        entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio
      ) {
        return fail(refuse(`条目“${name}”压缩比异常（疑似压缩炸弹），已拒绝。`));
      }
      const keepText = options.keepText?.(name) ?? false;
      const savedTo = options.saveTo?.(name) ?? null;
      zip.openReadStream(entry, (err, stream) => {
        if (err) return fail(err);
        let fd: number | null = null;
        const closeFd = () => {
          if (fd !== null) closeSync(fd);
          fd = null;
        };
        try {
          if (savedTo) fd = openSync(savedTo, 'wx');
        } catch (e) {
          return fail(e);
        }
        const hash = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (c: Buffer) => {
          size += c.length;
          if (size > entry.uncompressedSize) {
            stream.destroy();
            closeFd();
            return fail(refuse(`条目“${name}”的实际大小与声明不符，疑似压缩炸弹，已拒绝。`));
          }
          hash.update(c);
          if (keepText) chunks.push(c);
          try {
            if (fd !== null) for (let at = 0; at < c.length;) at += writeSync(fd, c, at);
          } catch (e) {
            stream.destroy();
            closeFd();
            fail(e);
          }
        });
        stream.on('error', (e) => {
          closeFd();
          fail(e);
        });
        stream.on('end', () => {
          closeFd();
          if (settled) return;
          out.push({
            name,
            size,
            sha256: hash.digest('hex'),
            text: keepText ? Buffer.concat(chunks).toString('utf8') : null,
            savedTo,
          });
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

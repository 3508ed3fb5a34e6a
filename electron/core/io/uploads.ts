import { randomBytes } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../../../shared/domain/attachments';
import { safeFileName } from '../../../shared/domain/fileNames';
import type { UploadProgress } from '../../../shared/contract/uploads';
import { UPLOADS_DIR } from '../dataFiles';
import { CoreError } from '../errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from './privateFiles';
import { processTempName, removeOrphanedTempFiles } from './tempFiles';

/** Staged files: `uploads/.<pid>-<uploadId>.upload.tmp` (io/tempFiles.ts). */
const TEMP_KIND = 'upload';
/** Uploads open at once; more is a page gone astray (or abandoned uploads, expired first). */
export const MAX_OPEN_UPLOADS = 8;
/** An upload no chunk reached for this long is abandoned (a closed tab): the next begin drops it. */
export const UPLOAD_IDLE_MS = 30 * 60 * 1000;

/** A complete staged file, handed to the handler that consumes it. */
export interface StagedFile {
  fileName: string;
  size: number;
  /** Absolute path of the staged bytes; removed when the consumer returns. */
  path: string;
}

interface Upload extends StagedFile {
  received: number;
  touchedAt: number;
}

export interface UploadStore {
  readonly dir: string;
  /** Registers an upload. Nothing is written until its first chunk arrives. */
  begin(fileName: string, size: number): { uploadId: string };
  /** Appends `bytes` at `offset`, which must be exactly the bytes received so far. */
  chunk(uploadId: string, offset: number, bytes: Uint8Array): UploadProgress;
  cancel(uploadId: string): { cancelled: boolean };
  /**
   * Hands the complete staged file to `use` and deletes it afterwards, whether `use` succeeded
   * or failed. An incomplete upload is refused (and deleted: the page must send it again).
   */
  consume<T>(uploadId: string, use: (file: StagedFile) => Promise<T> | T): Promise<T>;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function notFound(uploadId: string): CoreError {
  return new CoreError(
    'NOT_FOUND',
    '找不到这次上传：它可能已经用过、已取消或因长时间未继续而被清理。请重新选择文件。',
    { uploadId },
  );
}

/** Free bytes on the file system holding `dir` (Infinity when it cannot be asked). */
function freeBytes(dir: string): number {
  try {
    const stats = statfsSync(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/**
 * The staging folder for large files sent in pieces. Which uploads are open lives in memory (one
 * core process); the bytes live in `uploads/` inside the data folder. Files an earlier process
 * left (it crashed mid-upload) are removed when the store is created, at core start.
 */
export function createUploadStore(options: {
  dataDir: string;
  log: (message: string, data: Record<string, unknown>) => void;
  now?: () => number;
}): UploadStore {
  const dir = path.join(options.dataDir, UPLOADS_DIR);
  const now = options.now ?? Date.now;
  const open = new Map<string, Upload>();

  const stale = removeOrphanedTempFiles(dir, TEMP_KIND);
  if (stale.length > 0) options.log('removed unfinished uploads', { files: stale });

  function drop(uploadId: string): boolean {
    const upload = open.get(uploadId);
    if (!upload) return false;
    open.delete(uploadId);
    rmSync(upload.path, { force: true });
    return true;
  }

  function get(uploadId: string): Upload {
    const upload = open.get(uploadId);
    if (!upload) throw notFound(uploadId);
    return upload;
  }

  return {
    dir,

    begin(given, size) {
      // Shown in every message about the file (a restore, a package check): made safe to show.
      const fileName = safeFileName(given, '未命名文件');
      for (const [id, upload] of open) {
        if (now() - upload.touchedAt > UPLOAD_IDLE_MS) drop(id);
      }
      if (open.size >= MAX_OPEN_UPLOADS) {
        throw new CoreError(
          'CONFLICT',
          `同时进行的上传过多（${open.size} 个），请等其他文件传完或取消后再试。`,
        );
      }
      makePrivateDir(dir);
      const free = freeBytes(dir);
      if (size > free) {
        throw new CoreError(
          'BAD_FILE',
          `磁盘空间不足：“${fileName}”有 ${formatBytes(size)}，数据文件夹所在磁盘只剩 ${formatBytes(free)}。请清理磁盘后再试。`,
        );
      }
      const uploadId = randomBytes(16).toString('hex');
      open.set(uploadId, {
        fileName,
        size,
        path: path.join(dir, processTempName(TEMP_KIND, uploadId)),
        received: 0,
        touchedAt: now(),
      });
      return { uploadId };
    },

    chunk(uploadId, offset, bytes) {
      const upload = get(uploadId);
      if (offset !== upload.received) {
        throw new CoreError(
          'CONFLICT',
          `分块位置不对：应从第 ${upload.received} 字节接着传，收到的分块从第 ${offset} 字节开始。请重新选择文件上传。`,
          { expected: upload.received, given: offset },
        );
      }
      if (offset + bytes.length > upload.size) {
        throw new CoreError(
          'BAD_FILE',
          `分块超出了文件大小：“${upload.fileName}”共 ${upload.size} 字节，这一块到第 ${offset + bytes.length} 字节。`,
          { size: upload.size, end: offset + bytes.length },
        );
      }
      const fd = openSync(upload.path, upload.received === 0 ? 'wx' : 'r+', PRIVATE_FILE_MODE);
      try {
        let written = 0;
        while (written < bytes.length) {
          written += writeSync(fd, bytes, written, bytes.length - written, offset + written);
        }
      } catch (error) {
        // A full disk mid-write: the file keeps exactly the bytes acknowledged before.
        ftruncateSync(fd, upload.received);
        throw error;
      } finally {
        closeSync(fd);
      }
      upload.received += bytes.length;
      upload.touchedAt = now();
      return { received: upload.received, size: upload.size };
    },

    cancel: (uploadId) => ({ cancelled: drop(uploadId) }),

    async consume(uploadId, use) {
      const upload = get(uploadId);
      open.delete(uploadId); // no chunk or second consumer can touch it from here on
      try {
        if (upload.received < upload.size) {
          throw new CoreError(
            'BAD_FILE',
            `文件尚未传完（已收到 ${megabytes(upload.received)} / 共 ${megabytes(upload.size)}），请重新选择文件。`,
            { received: upload.received, size: upload.size },
          );
        }
        return await use({ fileName: upload.fileName, size: upload.size, path: upload.path });
      } finally {
        rmSync(upload.path, { force: true });
      }
    },
  };
}

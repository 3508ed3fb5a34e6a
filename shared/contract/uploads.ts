import * as z from 'zod';
import { formatBytes } from '../domain/attachments';
import { fileNameField } from './files';
import type { TopicsOf } from './topics';

/**
 * Staged uploads: a file too large for one call (backups, material packages) is sent in pieces —
 * `uploads.begin` names it, `uploads.chunk` appends each piece in order, and the handler that
 * uses it (`backup.restoreFile`, `package.verify`) takes the `uploadId` and reads the file from
 * the staging folder. Both hosts carry it as ordinary calls; a piece's bytes travel as bytes
 * (the web host's request body, see `INPUT_HEADER`), never as base64 text.
 */

/** The largest file that can be staged: 2 GiB. */
export const MAX_STAGED_BYTES = 2 * 1024 * 1024 * 1024;
/** The largest piece one `uploads.chunk` call carries: 8 MiB, before and after decompression. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/** Upload ids are 32 hex digits made by the core: nothing else can name a staged file. */
export const uploadIdPattern = /^[0-9a-f]{32}$/;

export const uploadIdSchema = z
  .string({ error: '缺少上传编号（uploadId），请重新选择文件' })
  .regex(uploadIdPattern, { error: '上传编号（uploadId）无效，请重新选择文件' });

/** A whole number of bytes from `min` to 2 GiB; `field` names it in every message. */
const byteCount = (field: string, min: number, below: string, above: string) =>
  z
    .number({ error: `${field}无效` })
    .int({ error: `${field}必须是整数字节数` })
    .min(min, { error: below })
    .max(MAX_STAGED_BYTES, { error: above });

export const uploadBeginSchema = z
  .object({
    fileName: fileNameField,
    size: byteCount(
      '文件大小（size）',
      1,
      '文件是空的（size 为 0），请选择有内容的文件',
      `文件过大（size），最多 ${formatBytes(MAX_STAGED_BYTES)}`,
    ),
  })
  .strict();

export const uploadChunkSchema = z
  .object({
    uploadId: uploadIdSchema,
    offset: byteCount(
      '分块位置（offset）',
      0,
      '分块位置（offset）不能为负数',
      '分块位置（offset）超出文件上限',
    ),
    /** The piece's bytes: the request body in the web host, cloned over IPC in the desktop app. */
    content: z
      .instanceof(Uint8Array, { error: '分块内容（content）无效：应为文件的字节' })
      .refine((bytes) => bytes.length > 0, { error: '分块内容（content）是空的' })
      .refine((bytes) => bytes.length <= MAX_CHUNK_BYTES, {
        error: `分块内容（content）过大：每块最多 ${formatBytes(MAX_CHUNK_BYTES)}`,
      }),
    /**
     * The piece is gzip-compressed (the page compresses before sending: a backup shrinks about
     * 4×, and the page's upload, not the core, is what is slow). `offset` and every size count
     * the bytes after decompression.
     */
    gzip: z.boolean({ error: '分块压缩标记（gzip）必须是 true 或 false' }).optional(),
  })
  .strict();

export const uploadRefSchema = z.object({ uploadId: uploadIdSchema }).strict();

export interface UploadProgress {
  /** Bytes stored so far. */
  received: number;
  /** The size declared at `uploads.begin`. */
  size: number;
}

export const uploadsContract = {
  'uploads.begin': { input: uploadBeginSchema, output: {} as { uploadId: string } },
  'uploads.chunk': { input: uploadChunkSchema, output: {} as UploadProgress },
  'uploads.cancel': { input: uploadRefSchema, output: {} as { cancelled: boolean } },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const uploadsTopics = {
  'uploads.begin': { writes: ['uploads'] },
  'uploads.chunk': { writes: ['uploads'] },
  'uploads.cancel': { writes: ['uploads'] },
} as const satisfies TopicsOf<typeof uploadsContract>;

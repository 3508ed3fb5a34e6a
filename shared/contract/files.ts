import * as z from 'zod';
import { visibleName } from '../domain/fileNames';

/**
 * The largest file a call may carry: 45 MB, whose base64 text (60 MB) still fits the web host's
 * 64 MB request limit, so both hosts refuse the same files. Attachments have their own, lower
 * limit (shared/domain/attachments.ts).
 */
export const MAX_UPLOAD_BYTES = 45 * 1024 * 1024;
export const maxUploadSizeText = `${MAX_UPLOAD_BYTES / (1024 * 1024)} MB`;
/** base64 spends 4 characters on every 3 bytes. */
export const MAX_UPLOAD_BASE64_CHARS = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4;

/** The message for a file over the limit, with its size in MB. */
export function uploadTooLargeMessage(bytes: number): string {
  return `文件过大（约 ${(bytes / (1024 * 1024)).toFixed(0)} MB），超过 ${maxUploadSizeText} 的上限，未读取。请拆分或压缩后再选择`;
}

/**
 * A file the user picked, sent to the core as bytes: the same path in the browser (upload) and
 * the desktop app, so no host needs file-system access on the page's behalf. The length is
 * checked first: an oversized file is refused before its content is looked at or decoded.
 */
/**
 * The name of a file the user picked, as shown back in messages: without invisible characters
 * (a right-to-left override would make “简历\u202Eexe.pdf.png” show as “简历gnp.fdp.exe”).
 */
export const fileNameField = z
  .string({ error: '缺少文件名' })
  .overwrite(visibleName)
  .min(1, { error: '缺少文件名' })
  .max(255, { error: '文件名过长（最多 255 个字符）' });

export const uploadedFileSchema = z.object({
  fileName: fileNameField,
  contentBase64: z
    .string({ error: '文件内容无效（不是 base64 编码）' })
    .max(MAX_UPLOAD_BASE64_CHARS, {
      error: (issue) => uploadTooLargeMessage(Math.floor(((issue.input as string).length * 3) / 4)),
      abort: true,
    })
    .pipe(z.base64({ error: '文件内容无效（不是 base64 编码）' })),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** A file the core made, to save or open: its safe name and bytes (the same shape as an upload). */
export type GeneratedFile = UploadedFile;

/** A spreadsheet the core wrote, sent back in the answer for the page to save (base64, with its size). */
export interface SheetDownload {
  fileName: string;
  contentBase64: string;
  size: number;
}

/** The media types of the files the app makes, named once. */
export const mimeTypes = {
  zip: 'application/zip',
  sqlite: 'application/vnd.sqlite3',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/**
 * A file the core wrote to disk for the user to save (a package, a backup, a database copy): the
 * page fetches it once, by its token, from the host's download path (webPaths.download), so the
 * bytes stream from disk and never travel as base64 inside an answer.
 */
export interface FileOffer {
  fileName: string;
  mime: string;
  size: number;
  /** Single-use, unguessable, expires after a few minutes (electron/core/io/downloads.ts). */
  token: string;
}

import type { AttachmentContent } from '../../../shared/contract/attachments';
import {
  MAX_UPLOAD_BYTES,
  mimeTypes,
  uploadTooLargeMessage,
  type FileOffer,
  type SheetDownload,
  type UploadedFile,
} from '../../../shared/contract/files';
import { webPaths } from '../../../shared/contract/webAccess';
import { invoke, PilotError } from './client';

/**
 * base64 of a file or a piece of one, encoded by the browser (FileReader) off the page's script:
 * encoding megabytes in script held the page for seconds per piece.
 */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Reads a picked file into the shape the core's import and attachment handlers take. A file
 * over the upload limit is refused before it is read (the core would refuse it anyway, after
 * the page had spent seconds and hundreds of MB encoding it), with the core's own message.
 */
export async function toUploadedFile(file: File): Promise<UploadedFile> {
  if (file.size > MAX_UPLOAD_BYTES) {
    const message = uploadTooLargeMessage(file.size);
    throw new PilotError({
      code: 'VALIDATION',
      message: `${message}。`,
      details: { fields: [{ path: 'file.contentBase64', message }] },
    });
  }
  return { fileName: file.name, contentBase64: await base64Of(file) };
}

/** Bytes per `uploads.chunk` call before compression: 4 MiB. */
export const STAGE_CHUNK_BYTES = 4 * 1024 * 1024;

/** Compressed pieces are sent only while they come out under 90% of their size. */
const WORTH_COMPRESSING = 0.9;

/**
 * A piece gzip-compressed by the browser (native, off the page's script). The page's upload is
 * the slow part of a restore — about 10 MB/s from Chromium on an idle office PC, a tenth of that
 * on a busy one — and a backup shrinks about 4×.
 */
function gzipped(blob: Blob): Promise<Blob> {
  return new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).blob();
}

/**
 * Sends a picked file of any size (up to 2 GiB) to the core's staging folder, piece by piece in
 * order, and returns what `backup.restoreFile` and `package.verify` take. `onProgress` hears the
 * bytes the core has stored after each piece. Only one piece is in memory at a time. A failed
 * piece cancels the upload (the core deletes what it received) and rejects with its message;
 * so does `signal` when aborted between pieces, rejecting with code CANCELLED.
 */
export async function stageFile(
  file: File,
  onProgress?: (sent: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ uploadId: string }> {
  const stopIfAborted = () => {
    if (signal?.aborted) {
      throw new PilotError({ code: 'CANCELLED', message: '已取消发送文件，没有做任何改动。' });
    }
  };
  const { uploadId } = await invoke('uploads.begin', { fileName: file.name, size: file.size });
  try {
    onProgress?.(0, file.size);
    let compress = true;
    for (let offset = 0; offset < file.size; offset += STAGE_CHUNK_BYTES) {
      stopIfAborted();
      const piece = file.slice(offset, offset + STAGE_CHUNK_BYTES);
      const packed: Blob = compress ? await gzipped(piece) : piece;
      // A piece that hardly shrinks (a zip package, photos) is sent as it is, and so is the rest.
      compress &&= packed.size < piece.size * WORTH_COMPRESSING;
      const { received } = await invoke('uploads.chunk', {
        uploadId,
        offset,
        content: new Uint8Array(await (compress ? packed : piece).arrayBuffer()),
        gzip: compress,
      });
      onProgress?.(received, file.size);
    }
    // Also after the last piece: the caller's next step (the restore) must not start.
    stopIfAborted();
  } catch (error) {
    await invoke('uploads.cancel', { uploadId }).catch(() => undefined);
    throw error;
  }
  return { uploadId };
}

// ---- files from the core: saved through the browser's download ----

/** The bytes of a read attachment as a Blob of its detected type. */
export function contentToBlob(content: AttachmentContent): Blob {
  const binary = atob(content.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: content.mime });
}

/**
 * Saves a read attachment through the browser's download (a save dialog in the desktop app):
 * a blob URL and an `<a download>` with the core's safe file name.
 */
export function saveContent(content: AttachmentContent): void {
  const url = URL.createObjectURL(contentToBlob(content));
  clickDownload(url, content.fileName);
  // Give the download time to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a sheet the core wrote, as every other download does (blob + `<a download>`). */
export function saveSheet(sheet: SheetDownload): void {
  saveContent({
    fileName: sheet.fileName,
    mime: mimeTypes.xlsx,
    contentBase64: sheet.contentBase64,
  });
}

/**
 * Saves a file the core offered (a package, a backup): the host streams it from disk at its
 * single-use download path — the web host over HTTP, the desktop app on app://, where Electron
 * asks where to save and writes it straight to disk.
 */
export function saveOffer(offer: FileOffer): void {
  clickDownload(`${webPaths.download}${encodeURIComponent(offer.token)}`, offer.fileName);
}

function clickDownload(href: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

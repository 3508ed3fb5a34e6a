import {
  MAX_UPLOAD_BYTES,
  uploadTooLargeMessage,
  type UploadedFile,
} from '../../../shared/contract/files';
import { invoke, PilotError } from './client';

/** base64 of bytes, built in slices (a spread of millions of arguments would overflow). */
function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
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
  return { fileName: file.name, contentBase64: base64Of(new Uint8Array(await file.arrayBuffer())) };
}

/** Bytes per `uploads.chunk` call: 4 MiB (under 6 MB of base64 per call). */
export const STAGE_CHUNK_BYTES = 4 * 1024 * 1024;

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
    for (let offset = 0; offset < file.size; offset += STAGE_CHUNK_BYTES) {
      stopIfAborted();
      const piece = await file.slice(offset, offset + STAGE_CHUNK_BYTES).arrayBuffer();
      const { received } = await invoke('uploads.chunk', {
        uploadId,
        offset,
        contentBase64: base64Of(new Uint8Array(piece)),
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

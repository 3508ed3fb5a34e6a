import { gzipSync } from 'node:zlib';
import type { Core } from '../../electron/core';
import { MAX_CHUNK_BYTES } from '../../shared/contract/uploads';
import { call } from './seed';

/**
 * Sends `bytes` to the core's staging folder as the page does (uploads.begin, then uploads.chunk
 * in order) and returns what `backup.restoreFile` and `package.verify` take. With `gzip`, each
 * piece is compressed first, as the page sends it.
 */
export async function staged(
  core: Core,
  fileName: string,
  bytes: Uint8Array,
  chunkBytes = MAX_CHUNK_BYTES,
  gzip = false,
): Promise<{ uploadId: string }> {
  const { uploadId } = await call<{ uploadId: string }>(core, 'uploads.begin', {
    fileName,
    size: bytes.length,
  });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const piece = bytes.subarray(offset, offset + chunkBytes);
    await call(core, 'uploads.chunk', {
      uploadId,
      offset,
      content: gzip ? gzipSync(piece) : piece,
      ...(gzip ? { gzip } : {}),
    });
  }
  return { uploadId };
}

/** The same for a file in the page's base64 shape (`upload()`, `hostileFile()`). */
export const stagedUpload = (core: Core, file: { fileName: string; contentBase64: string }) =>
  staged(core, file.fileName, Buffer.from(file.contentBase64, 'base64'));

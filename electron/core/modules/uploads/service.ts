import { gunzipSync } from 'node:zlib';
import { formatBytes } from '../../../../shared/domain/attachments';
import { MAX_CHUNK_BYTES } from '../../../../shared/contract/uploads';
import type { CoreServices } from '../../context';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';

/** A piece's bytes, decompressed when the page sent it gzip-compressed, never past one piece. */
function pieceBytes(content: Uint8Array, gzip: boolean | undefined): Uint8Array {
  if (!gzip) return content;
  try {
    return gunzipSync(content, { maxOutputLength: MAX_CHUNK_BYTES });
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
        ? `分块内容（content）解压后过大：每块最多 ${formatBytes(MAX_CHUNK_BYTES)}`
        : '分块内容（content）无效（不是 gzip 压缩数据）';
    throw new CoreError('VALIDATION', message, {
      fields: [{ path: 'content', message }],
    });
  }
}

/** Staged uploads (io/uploads.ts). They need no open database: restore uses them in recovery. */
export function uploadHandlers(
  services: CoreServices,
): HandlersFor<'uploads.begin' | 'uploads.chunk' | 'uploads.cancel'> {
  const { uploads } = services;
  return {
    'uploads.begin': ({ fileName, size }) => uploads.begin(fileName, size),
    'uploads.chunk': ({ uploadId, offset, content, gzip }) =>
      uploads.chunk(uploadId, offset, pieceBytes(content, gzip)),
    'uploads.cancel': ({ uploadId }) => uploads.cancel(uploadId),
  };
}

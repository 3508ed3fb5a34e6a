import { gunzipSync } from 'node:zlib';
import { formatBytes } from '../../../../shared/domain/attachments';
import { MAX_CHUNK_BYTES } from '../../../../shared/contract/uploads';
import type { CoreServices } from '../../context';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';

/** A piece's bytes, decompressed when the page sent it gzip-compressed, never past one piece. */
function pieceBytes(contentBase64: string, gzip: boolean | undefined): Buffer {
  const sent = Buffer.from(contentBase64, 'base64');
  if (!gzip) return sent;
  try {
    return gunzipSync(sent, { maxOutputLength: MAX_CHUNK_BYTES });
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
        ? `分块内容（contentBase64）解压后过大：每块最多 ${formatBytes(MAX_CHUNK_BYTES)}`
        : '分块内容（contentBase64）无效（不是 gzip 压缩数据）';
    throw new CoreError('VALIDATION', message, {
      fields: [{ path: 'contentBase64', message }],
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
    'uploads.chunk': ({ uploadId, offset, contentBase64, gzip }) =>
      uploads.chunk(uploadId, offset, pieceBytes(contentBase64, gzip)),
    'uploads.cancel': ({ uploadId }) => uploads.cancel(uploadId),
  };
}

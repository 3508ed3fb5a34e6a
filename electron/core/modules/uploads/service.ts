import type { CoreServices } from '../../context';
import type { HandlersFor } from '../../handlers';

/** Staged uploads (io/uploads.ts). They need no open database: restore uses them in recovery. */
export function uploadHandlers(
  services: CoreServices,
): HandlersFor<'uploads.begin' | 'uploads.chunk' | 'uploads.cancel'> {
  const { uploads } = services;
  return {
    'uploads.begin': ({ fileName, size }) => uploads.begin(fileName, size),
    'uploads.chunk': ({ uploadId, offset, contentBase64 }) =>
      uploads.chunk(uploadId, offset, Buffer.from(contentBase64, 'base64')),
    'uploads.cancel': ({ uploadId }) => uploads.cancel(uploadId),
  };
}

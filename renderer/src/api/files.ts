import {
  MAX_UPLOAD_BYTES,
  uploadTooLargeMessage,
  type UploadedFile,
} from '../../../shared/contract/files';
import { PilotError } from './client';

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
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return { fileName: file.name, contentBase64: btoa(binary) };
}

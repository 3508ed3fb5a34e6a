import type { UploadedFile } from '../../../shared/contract/files';

/** Reads a picked file into the shape the core's import and attachment handlers take. */
export async function toUploadedFile(file: File): Promise<UploadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return { fileName: file.name, contentBase64: btoa(binary) };
}

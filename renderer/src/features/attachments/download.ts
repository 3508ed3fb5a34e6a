import type { AttachmentContent } from '../../../../shared/contract/attachments';

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
  const link = document.createElement('a');
  link.href = url;
  link.download = content.fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the download time to start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/**
 * Whether a JPEG or PNG decodes to the end. A cut-off file still has a readable header (type and
 * pixel size), yet it prints as a grey strip (JPEG) or stops the whole batch's 准考证 (PDFKit
 * refuses a damaged PNG), so a photo is stored only when every pixel can be read.
 */
export function imageDecodes(bytes: Buffer, type: 'jpg' | 'png'): boolean {
  try {
    if (type === 'png') PNG.sync.read(bytes);
    else
      jpeg.decode(bytes, { formatAsRGBA: false, tolerantDecoding: false, maxMemoryUsageInMB: 128 });
    return true;
  } catch {
    return false;
  }
}

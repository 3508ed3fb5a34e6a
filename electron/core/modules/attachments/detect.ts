import { fileTypeFromBuffer } from 'file-type';
import {
  allowedTypesText,
  isAttachmentExtension,
  type AttachmentExtension,
} from '../../../../shared/domain/attachments';
import { CoreError } from '../../errors';

export interface DetectedType {
  ext: AttachmentExtension;
  mime: string;
}

/** Readable names of types people are likely to pick by mistake. */
const refusedTypeLabels: Record<string, string> = {
  exe: 'Windows 可执行程序（EXE）',
  elf: '可执行程序（ELF）',
  zip: 'ZIP 压缩包',
  rar: 'RAR 压缩包',
  '7z': '7z 压缩包',
  gz: 'GZ 压缩包',
  cfb: '旧版 Office 文档（.doc/.xls/.ppt）',
  pptx: 'PowerPoint 演示文稿（.pptx）',
  odt: 'OpenDocument 文本（.odt）',
  ods: 'OpenDocument 表格（.ods）',
  gif: 'GIF 图片',
  bmp: 'BMP 图片',
  webp: 'WebP 图片',
  tif: 'TIFF 图片',
  heic: 'HEIC 图片',
  mp4: 'MP4 视频',
  mp3: 'MP3 音频',
};

/** Refuses a file for its type with a message naming the file, what it is, and what is allowed. */
export function refuseFile(fileName: string, problem: string, hint = ''): CoreError {
  const message = `文件“${fileName}”${problem}，不能作为附件。允许的类型：${allowedTypesText}（按文件内容识别，与扩展名无关）${hint}`;
  return new CoreError('VALIDATION', `${message}。未上传任何内容。`, {
    fields: [{ path: 'file', message }],
  });
}

/**
 * Decides the type from the bytes (magic numbers), never from the name: a renamed program, an
 * empty file, a plain zip or a legacy .doc/.xls is refused.
 */
export async function detectAttachmentType(
  bytes: Uint8Array,
  fileName: string,
): Promise<DetectedType> {
  if (bytes.length === 0) throw refuseFile(fileName, '是空文件（0 字节）');
  const found = await fileTypeFromBuffer(bytes);
  if (!found) {
    throw refuseFile(fileName, '的内容无法识别为任何已知的文件类型（可能是纯文本或已损坏）');
  }
  // Illustrator files saved with PDF compatibility are PDFs (file-type calls them “ai”).
  if (found.ext === 'ai') return { ext: 'pdf', mime: 'application/pdf' };
  if (isAttachmentExtension(found.ext)) return { ext: found.ext, mime: found.mime };
  const label = refusedTypeLabels[found.ext] ?? `${found.ext.toUpperCase()}（${found.mime}）`;
  const hint = found.ext === 'cfb' ? '。请在 Word 或 Excel 中“另存为” .docx 或 .xlsx 后再上传' : '';
  throw refuseFile(fileName, `的实际类型是${label}`, hint);
}

/**
 * Attachments (附件): the documents a pilot application carries — training programmes, photos of
 * training rooms, cooperation agreements, stamped scans. Kinds, owners, allowed types and the size
 * limit are shared by the upload form (a quick check before sending) and the core (the guard).
 */

import { safeFileName, visibleName } from './fileNames';

export const attachmentKinds = [
  'talent_training_plan',
  'room_photo',
  'cooperation_agreement',
  'stamped_application',
  'other',
] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const attachmentKindLabels: Record<AttachmentKind, string> = {
  talent_training_plan: '人才培养方案',
  room_photo: '实训室照片',
  cooperation_agreement: '合作协议',
  stamped_application: '盖章申报表扫描件',
  other: '其他',
};

/** What an attachment can belong to. The school is the single row id 1. */
export const attachmentOwnerTypes = ['school', 'project', 'room', 'site'] as const;
export type AttachmentOwnerType = (typeof attachmentOwnerTypes)[number];

export const attachmentOwnerLabels: Record<AttachmentOwnerType, string> = {
  school: '学校',
  project: '试点项目',
  room: '实训室',
  site: '实习实训场所',
};

/** Types accepted, decided by the file's content (magic bytes), never by its name. */
export const attachmentExtensions = ['pdf', 'jpg', 'png', 'docx', 'xlsx'] as const;
export type AttachmentExtension = (typeof attachmentExtensions)[number];

export const attachmentTypeLabels: Record<AttachmentExtension, string> = {
  pdf: 'PDF',
  jpg: 'JPG 图片',
  png: 'PNG 图片',
  docx: 'Word 文档（.docx）',
  xlsx: 'Excel 表格（.xlsx）',
};

/** The list shown in messages and hints: “PDF、JPG 图片、PNG 图片、Word 文档（.docx）、Excel 表格（.xlsx）”. */
export const allowedTypesText = attachmentExtensions.map((e) => attachmentTypeLabels[e]).join('、');

export function isAttachmentExtension(ext: string): ext is AttachmentExtension {
  return (attachmentExtensions as readonly string[]).includes(ext);
}

export function isImageExtension(ext: string): boolean {
  return ext === 'jpg' || ext === 'png';
}

/** 40 MB per file: base64 inflates by 4/3, and the web host takes at most 64 MB per call. */
export const MAX_ATTACHMENT_BYTES = 40 * 1024 * 1024;
export const maxAttachmentSizeText = `${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB`;

/** 0 → "0 B", 2048 → "2.0 KB", 54_840_115 → "52.3 MB" (binary units, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}

/** The message for a file over the limit, naming the file and both sizes. */
export function sizeLimitMessage(fileName: string, bytes: number): string {
  return `文件“${fileName}”大小 ${formatBytes(bytes)}，超过 ${maxAttachmentSizeText} 的上限`;
}

// Typed into a name, a control character (C0, DEL, C1) or a reserved one is a mistake: refused.
const hasControlChar = /\p{Cc}/u;
const hasReservedChar = /[\\/:*?"<>|]/;

/**
 * The name to keep for display: the last path segment of what the browser or desktop sent,
 * without invisible characters (fileNames.ts), trimmed. Never empty.
 */
export function displayNameFromUpload(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = visibleName(base).trim();
  return clean === '' ? '未命名文件' : clean.slice(0, 255);
}

/** A typed name as it is kept: without invisible characters (bidirectional overrides…), trimmed. */
export function displayNameFromInput(name: string): string {
  return visibleName(name).trim();
}

/** Why a name typed by the user cannot be used, or null when it can. */
export function displayNameProblem(name: string): string | null {
  const kept = displayNameFromInput(name);
  if (kept === '') return '请填写附件名称';
  if (kept.length > 255) return '附件名称不能超过 255 个字符';
  if (hasControlChar.test(name) || hasReservedChar.test(name)) {
    return '附件名称不能包含 \\ / : * ? " < > | 或控制字符';
  }
  return null;
}

/**
 * A safe name for saving the file (safeFileName), ending with the extension its content has.
 */
export function downloadFileName(displayName: string, ext: AttachmentExtension): string {
  const name = safeFileName(displayName, '');
  const lower = name.toLowerCase();
  const hasExt = lower.endsWith(`.${ext}`) || (ext === 'jpg' && lower.endsWith('.jpeg'));
  // A misleading extension from the original name (e.g. “scan.pdf” that is really a PNG) stays
  // readable but the real one is appended.
  return safeFileName(hasExt ? name : `${name === '' ? '附件' : name}.${ext}`);
}

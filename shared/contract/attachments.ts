import * as z from 'zod';
import {
  attachmentKinds,
  attachmentOwnerTypes,
  displayNameFromInput,
  displayNameProblem,
  type AttachmentExtension,
  type AttachmentKind,
  type AttachmentOwnerType,
} from '../domain/attachments';
import { uploadedFileSchema, type FileOffer } from './files';
import type { TopicsOf } from './topics';

const ownerFields = {
  ownerType: z.enum(attachmentOwnerTypes, {
    error: '附件所属对象无效（应为学校、试点项目、实训室或实习实训场所）',
  }),
  ownerId: z
    .number({ error: '附件所属对象的编号必须是数字' })
    .int({ error: '附件所属对象的编号必须是正整数' })
    .positive({ error: '附件所属对象的编号必须是正整数' }),
};

const linkId = z
  .number({ error: '附件编号必须是数字' })
  .int({ error: '附件编号必须是正整数' })
  .positive({ error: '附件编号必须是正整数' });

export const attachmentOwnerSchema = z.object(ownerFields);

export const attachmentUploadSchema = z.object({
  ...ownerFields,
  kind: z.enum(attachmentKinds, {
    error: '请选择附件类别（人才培养方案、实训室照片、合作协议、盖章申报表扫描件或其他）',
  }),
  file: uploadedFileSchema.strict(),
});

/** A name typed by the user: shown in lists and used (made safe) as the download file name. */
export const attachmentNameSchema = z
  .string({ error: '请填写附件名称' })
  .superRefine((value, ctx) => {
    const problem = displayNameProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .overwrite(displayNameFromInput);

export const attachmentRenameSchema = z.object({ linkId, name: attachmentNameSchema });

/** One attachment as one owner sees it: the link plus the stored file's facts. */
export interface AttachmentLink {
  id: number;
  attachmentId: number;
  ownerType: AttachmentOwnerType;
  ownerId: number;
  kind: AttachmentKind;
  /** Display name: the original file name, editable. */
  name: string;
  size: number;
  /** Detected from the content. */
  mime: string;
  ext: AttachmentExtension;
  sha256: string;
  createdAt: string;
  /** How many links (this one included) use the same stored file. */
  linkCount: number;
}

/**
 * The one document a record keeps of its own (a fee agreement's 协议, an exam-site application's
 * 批准文件, a fund record's 凭证), named for download after the record.
 */
export interface RecordDocument {
  attachmentId: number;
  fileName: string;
  size: number;
  ext: AttachmentExtension;
}

export interface AttachmentContent {
  /** Safe to save under: no separators or control characters, the real extension. */
  fileName: string;
  mime: string;
  contentBase64: string;
}

export interface AttachmentRemoval {
  linkId: number;
  /** True when nothing else used the file, so it was deleted from the data folder. */
  fileDeleted: boolean;
}

export interface AttachmentSummary {
  /** Stored files (each content once). */
  files: number;
  links: number;
  totalBytes: number;
}

export const attachmentsContract = {
  'attachments.upload': { input: attachmentUploadSchema.strict(), output: {} as AttachmentLink },
  'attachments.list': { input: attachmentOwnerSchema.strict(), output: {} as AttachmentLink[] },
  /** The bytes, for showing an image in the page (看图); saving a file goes by download. */
  'attachments.read': {
    input: z.object({ linkId }).strict(),
    output: {} as AttachmentContent,
  },
  /** The file offered for download, streamed from the data folder. */
  'attachments.download': { input: z.object({ linkId }).strict(), output: {} as FileOffer },
  'attachments.rename': { input: attachmentRenameSchema.strict(), output: {} as AttachmentLink },
  'attachments.remove': {
    input: z.object({ linkId }).strict(),
    output: {} as AttachmentRemoval,
  },
  'attachments.summary': { input: z.object({}).strict(), output: {} as AttachmentSummary },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const attachmentsTopics = {
  'attachments.upload': { writes: ['attachments'] },
  'attachments.list': { reads: ['attachments'] },
  'attachments.read': { reads: ['attachments'] },
  'attachments.download': { reads: ['attachments'] },
  'attachments.rename': { writes: ['attachments'] },
  'attachments.remove': { writes: ['attachments'] },
  'attachments.summary': { reads: ['attachments'] },
} as const satisfies TopicsOf<typeof attachmentsContract>;

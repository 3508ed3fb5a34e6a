import * as z from 'zod';
import {
  candidateDocumentKinds,
  type CandidateDocumentKind,
  type PhotoRules,
} from '../domain/photos';
import { idField, intField, optionalText, requiredText } from './fields';
import { uploadedFileSchema, type FileOffer } from './files';
import type { TopicsOf } from './topics';

/**
 * Candidate photos (证件照): imported for a batch's candidates from photo files
 * or a zip (a folder is sent as its files), checked against the batch's evaluation organization's
 * rules, shown on the student page, exported as a zip named the organization's way.
 */

/** The rules in force for a batch (its organization's own, else the default). */
export interface PhotoRulesInForce extends PhotoRules {
  /** '' for the default every organization without its own follows. */
  organization: string;
  /** False: the default applies because the organization has none of its own. */
  own: boolean;
}

export const photoRulesSaveSchema = z
  .object({
    organization: optionalText('培训评价组织', 100),
    minKb: intField('文件大小下限', 0, 10240, 'KB'),
    maxKb: intField('文件大小上限', 1, 10240, 'KB'),
    minWidth: intField('最小宽度', 0, 10000, '像素'),
    minHeight: intField('最小高度', 0, 10000, '像素'),
    namePattern: requiredText('照片命名规则', 100),
  })
  .strict();

/** Photo files and zips of photos: at most 2,000 files in one call, 45 MB in all (one call). */
export const photoImportSchema = z
  .object({
    batchId: idField('考核批次'),
    files: z
      .array(uploadedFileSchema, { error: '请选择照片文件或 zip 压缩包' })
      .min(1, { error: '请选择照片文件或 zip 压缩包' })
      .max(2000, { error: '一次最多导入 2000 个文件，请分批导入' }),
    /** False: check and report only; true: store the photos that pass, in one transaction. */
    commit: z.boolean({ error: '“导入”应为是或否' }).default(false),
  })
  .strict();

export type PhotoFileOutcome = 'ready' | 'replaces' | 'unchanged' | 'rejected';

/** One photo file (a zip's entries each count as one) and what the import makes of it. */
export interface PhotoFileReport {
  /** The file's name (inside a zip: “照片.zip/张三_4201….jpg”). */
  fileName: string;
  studentId: number | null;
  studentNo: string;
  name: string;
  outcome: PhotoFileOutcome;
  /** Why it is rejected, in Chinese; empty otherwise. */
  problems: string[];
  width: number | null;
  height: number | null;
  bytes: number;
}

export interface PhotoImportReport {
  rules: PhotoRulesInForce;
  files: PhotoFileReport[];
  /** Stored by this call (0 when only checking). */
  imported: number;
  /** The batch's live candidates with and without a photo, after this call. */
  candidates: number;
  missing: number;
}

export interface StudentPhoto {
  studentId: number;
  contentBase64: string;
  mime: string;
  width: number;
  height: number;
  sourceName: string;
  updatedAt: string;
}

/** A batch's candidates and whether each has a photo, for the batch's photo panel. */
export interface BatchPhotoStatus {
  rules: PhotoRulesInForce;
  candidates: number;
  withPhoto: number;
  missing: { studentId: number; studentNo: string; name: string; className: string }[];
}

const batchOnly = z.object({ batchId: idField('考核批次') }).strict();

const documentKind = z.enum(candidateDocumentKinds, { error: '材料类型无效' });

export const documentRefSchema = z
  .object({ signupId: idField('报名记录'), kind: documentKind })
  .strict();

export const documentSaveSchema = documentRefSchema.extend({ file: uploadedFileSchema }).strict();

/** One candidate's row of the batch's document checklist. */
export interface DocumentChecklistRow {
  signupId: number;
  studentNo: string;
  name: string;
  className: string;
  /** The papers present, by kind: the file name shown. */
  documents: Partial<Record<CandidateDocumentKind, { name: string; ext: string }>>;
}

export interface DocumentChecklist {
  rows: DocumentChecklistRow[];
  /** How many candidates still lack each kind. */
  missing: Record<CandidateDocumentKind, number>;
}

export interface CandidateDocumentFile {
  fileName: string;
  mime: string;
  contentBase64: string;
}

export const photosContract = {
  'photos.rules': { input: batchOnly, output: {} as PhotoRulesInForce },
  'photos.saveRules': { input: photoRulesSaveSchema, output: {} as PhotoRulesInForce },
  'photos.status': { input: batchOnly, output: {} as BatchPhotoStatus },
  /** Checks (and with `commit`, stores) the photos; each file's problems named in Chinese. */
  'photos.import': { input: photoImportSchema, output: {} as PhotoImportReport },
  'photos.get': {
    input: z.object({ studentId: idField('学生') }).strict(),
    output: {} as StudentPhoto | null,
  },
  /** The batch's photos named by the rules' pattern, and 缺少照片名单.xlsx, in one zip. */
  'photos.export': { input: batchOnly, output: {} as FileOffer },
  /** 其他材料: who of the batch's candidates is missing which paper. */
  'photos.documents': { input: batchOnly, output: {} as DocumentChecklist },
  /** Stores (or replaces) one paper of a candidate: PDF, JPEG or PNG by content. */
  'photos.saveDocument': { input: documentSaveSchema, output: {} as DocumentChecklistRow },
  'photos.removeDocument': { input: documentRefSchema, output: {} as DocumentChecklistRow },
  'photos.getDocument': { input: documentRefSchema, output: {} as CandidateDocumentFile },
} as const;

export const photosTopics = {
  'photos.rules': { reads: ['photos', 'batches'] },
  'photos.saveRules': { writes: ['photos'] },
  'photos.status': { reads: ['photos', 'signups', 'students', 'batches'] },
  'photos.import': { reads: ['photos', 'signups', 'students', 'batches'], writes: ['photos'] },
  'photos.get': { reads: ['photos'] },
  'photos.export': { reads: ['photos', 'signups', 'students', 'batches'] },
  'photos.documents': { reads: ['photos', 'signups', 'students'] },
  'photos.saveDocument': { writes: ['photos'] },
  'photos.removeDocument': { writes: ['photos'] },
  'photos.getDocument': { reads: ['photos'] },
} as const satisfies TopicsOf<typeof photosContract>;

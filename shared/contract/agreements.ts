import * as z from 'zod';
import type { CertificateLevel } from '../domain/certificate';
import type { ExamForm } from '../domain/costCaps';
import { certificateLevelSchema } from './catalogue';
import { batchListSchema, examFormSchema } from './exams';
import {
  byIdSchema,
  idField,
  isoDate,
  optionalText,
  requiredText,
  yuanToFenField,
  type DeleteResult,
} from './fields';
import type { RecordDocument } from './attachments';
import { uploadedFileSchema, type FileOffer } from './files';
import type { TopicsOf } from './topics';

// ---------------------------------------------------------------- 费用协商 (fee agreements)

const partnerSchoolsSchema = z
  .array(requiredText('联合谈判学校名称', 100), { error: '联合谈判学校应为学校名称列表' })
  .max(50, { error: '联合谈判学校最多 50 所' })
  .default([])
  .refine((names) => new Set(names).size === names.length, {
    error: '联合谈判学校有重复的名称',
  });

export const agreementFields = {
  certificateId: idField('证书'),
  level: certificateLevelSchema,
  examForm: examFormSchema,
  fee: yuanToFenField('协商费用'),
  agreedOn: isoDate('协商日期'),
  partnerSchools: partnerSchoolsSchema,
  note: optionalText('备注', 500),
};

export const agreementSaveSchema = z
  .object({ id: idField('协议编号').optional(), ...agreementFields })
  .strict()
  .transform(({ fee, ...rest }) => ({ ...rest, feeFen: fee }));
export type AgreementSaveInput = z.input<typeof agreementSaveSchema>;
export type AgreementSaveData = z.output<typeof agreementSaveSchema>;

export interface FeeAgreement {
  id: number;
  certificateId: number;
  certificateName: string;
  organization: string;
  level: CertificateLevel;
  examForm: ExamForm | null;
  feeFen: number;
  /** The figure in force on the agreement date and its document, copied when saved. */
  capFen: number;
  capDocument: string;
  agreedOn: string;
  partnerSchools: string[];
  /** The attached agreement document, null when none. */
  document: RecordDocument | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export const agreementsContract = {
  'agreements.list': { input: batchListSchema, output: {} as FeeAgreement[] },
  'agreements.save': { input: agreementSaveSchema, output: {} as FeeAgreement },
  'agreements.delete': { input: byIdSchema.strict(), output: {} as DeleteResult },
  'agreements.attachDocument': {
    input: z.object({ id: idField('协议编号'), file: uploadedFileSchema.strict() }).strict(),
    output: {} as FeeAgreement,
  },
  'agreements.removeDocument': { input: byIdSchema.strict(), output: {} as FeeAgreement },
  'agreements.readDocument': { input: byIdSchema.strict(), output: {} as FileOffer },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const agreementsTopics = {
  'agreements.list': { reads: ['batches', 'catalogue', 'attachments'] },
  'agreements.save': { writes: ['batches'] },
  'agreements.delete': { writes: ['batches', 'attachments'] },
  'agreements.attachDocument': { writes: ['batches', 'attachments'] },
  'agreements.removeDocument': { writes: ['batches', 'attachments'] },
  'agreements.readDocument': { reads: ['batches', 'attachments'] },
} as const satisfies TopicsOf<typeof agreementsContract>;

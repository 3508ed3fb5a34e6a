import * as z from 'zod';
import { examSiteStatuses, type ExamSiteStatus, type PlaceKind } from '../domain/examSites';
import type { RecordDocument } from './attachments';
import {
  byIdSchema,
  idField,
  isoDate,
  optionalDate,
  optionalText,
  type DeleteResult,
} from './fields';
import { uploadedFileSchema, type FileOffer } from './files';
import type { TopicsOf } from './topics';

// ---------------------------------------------------------------- 考核站点 (exam sites)

export const placeRefSchema = z
  .object({
    kind: z.enum(['room', 'site'], { error: '场所类型应为实训室或实习实训场所' }),
    id: idField('场所'),
  })
  .strict();

export const examSiteFields = {
  certificateId: idField('证书'),
  appliedOn: isoDate('申请日期'),
  status: z.enum(examSiteStatuses, { error: '请选择状态：申请中、已批准或未通过' }),
  validFrom: optionalDate('有效期开始日期'),
  /** null: no end date (长期有效). */
  validTo: optionalDate('有效期结束日期'),
  /** The 实训室 and 实习实训场所 the application covers. */
  places: z
    .array(placeRefSchema, { error: '覆盖场所应为场所列表' })
    .min(1, { error: '请至少选择一个覆盖的实训室或实习实训场所' })
    .max(200, { error: '覆盖场所最多 200 个' }),
  note: optionalText('备注', 500),
};

/** An approval names its period: the form checks it as the core does, with this message. */
export const validFromRequiredMessage = '已批准的考核站点须填写有效期开始日期（批准文件所载）';

export const examSiteSaveSchema = z
  .object({ id: idField('考核站点编号').optional(), ...examSiteFields })
  .strict()
  .superRefine((value, ctx) => {
    if (value.status === 'approved' && value.validFrom === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['validFrom'],
        message: validFromRequiredMessage,
      });
    }
    if (value.validTo !== null && value.validFrom === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['validFrom'],
        message: '已填写有效期结束日期，请同时填写开始日期',
      });
    }
    if (value.validTo !== null && value.validFrom !== null && value.validTo < value.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validTo'],
        message: '有效期结束日期不能早于开始日期',
      });
    }
    const keys = value.places.map((p) => `${p.kind}:${p.id}`);
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: 'custom', path: ['places'], message: '覆盖场所有重复' });
    }
  });
export type ExamSiteSaveInput = z.input<typeof examSiteSaveSchema>;
export type ExamSiteSaveData = z.output<typeof examSiteSaveSchema>;

export interface ExamSitePlace {
  kind: PlaceKind;
  id: number;
  name: string;
}

export interface ExamSite {
  id: number;
  certificateId: number;
  certificateName: string;
  organization: string;
  appliedOn: string;
  status: ExamSiteStatus;
  validFrom: string | null;
  validTo: string | null;
  /** Rooms first, then sites, each by name. */
  places: ExamSitePlace[];
  /** The attached approval document, null when none. */
  document: RecordDocument | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export const examSiteListSchema = z
  .object({
    certificateId: idField('证书').nullable().default(null),
    status: z.enum(examSiteStatuses, { error: '状态无效' }).nullable().default(null),
  })
  .strict();

export const examSitesContract = {
  'examSites.list': { input: examSiteListSchema, output: {} as ExamSite[] },
  'examSites.save': { input: examSiteSaveSchema, output: {} as ExamSite },
  'examSites.delete': { input: byIdSchema.strict(), output: {} as DeleteResult },
  'examSites.attachDocument': {
    input: z.object({ id: idField('考核站点编号'), file: uploadedFileSchema.strict() }).strict(),
    output: {} as ExamSite,
  },
  'examSites.removeDocument': { input: byIdSchema.strict(), output: {} as ExamSite },
  'examSites.readDocument': { input: byIdSchema.strict(), output: {} as FileOffer },
} as const;

/**
 * What each handler reads and writes (see topics.ts). Exam sites are part of `batches`: a
 * batch's verdict (approved site or not) is derived from them.
 */
export const examSitesTopics = {
  'examSites.list': { reads: ['batches', 'catalogue', 'rooms', 'sites', 'attachments'] },
  'examSites.save': { writes: ['batches'] },
  'examSites.delete': { writes: ['batches', 'attachments'] },
  'examSites.attachDocument': { writes: ['batches', 'attachments'] },
  'examSites.removeDocument': { writes: ['batches', 'attachments'] },
  'examSites.readDocument': { reads: ['batches', 'attachments'] },
} as const satisfies TopicsOf<typeof examSitesContract>;

import * as z from 'zod';
import {
  certificateLevels,
  MAX_COST_CAP_FEN,
  normalizeBatch,
  type CertificateLevel,
} from '../domain/certificate';
import { capForms, feeLimitKinds, limitOverlaps, type FeeLimit } from '../domain/costCaps';
import { normalizeMultilineText, normalizeText } from '../domain/text';
import { requiredCleanText } from './fields';
import { importRequestSchema, importHandlers } from './imports';
import type { OverCapViolation } from './fees';
import { feeData, type TopicsOf } from './topics';

export const certificateNameSchema = requiredCleanText('证书名称', 100);
export const organizationSchema = requiredCleanText('培训评价组织', 100);
export const batchSchema = z
  .string({ error: '批次必须是文字' })
  .default('')
  .transform(normalizeBatch)
  .pipe(z.string().max(50, { error: '批次不能超过 50 个字' }));
/** 发证机构编码 as the data centre codes the evaluation organization (ODS tables); may be blank. */
export const organizationCodeSchema = z
  .string({ error: '发证机构编码必须是文字' })
  .default('')
  .transform(normalizeText)
  .pipe(
    z
      .string()
      .max(60, { error: '发证机构编码不能超过 60 个字符' })
      .regex(/^[0-9A-Za-z-]*$/, { error: '发证机构编码只能含字母、数字和“-”' }),
  );
export const sourceSchema = z
  .string({ error: '来源说明必须是文字' })
  .default('')
  .transform(normalizeMultilineText)
  .pipe(z.string().max(500, { error: '来源说明不能超过 500 个字' }));

export const costCapFenSchema = z
  .number({ error: '金额必须是数字' })
  .int({ error: '金额最多精确到分' })
  .min(1, { error: '金额应大于 0 元' })
  .max(MAX_COST_CAP_FEN, { error: '金额不能超过 999,999.99 元' });

export const capDocumentSchema = requiredCleanText('文件文号', 100);

export const certificateLevelSchema = z.enum(certificateLevels, {
  error: (issue) => (issue.input == null ? '请选择等级' : '等级应为 初级、中级 或 高级'),
});

/** One offered level. Its caps and approved fees are `limits`, each with its own period. */
export const levelEntrySchema = z.object({ level: certificateLevelSchema }).strict();

const distinctLevels = (items: readonly { level: CertificateLevel }[]) =>
  new Set(items.map((i) => i.level)).size === items.length;

export const levelsSchema = z
  .array(levelEntrySchema, { error: '等级格式不正确' })
  .min(1, { error: '请至少选择一个等级（初级、中级、高级）' })
  .max(3, { error: '等级最多三个：初级、中级、高级' })
  .refine(distinctLevels, { error: '同一等级只能出现一次' });

const limitDate = (label: string) =>
  z.iso
    .date({ error: `${label}应为有效日期，格式如 2020-09-01` })
    .nullable()
    .default(null);

/**
 * A cost cap (per exam form, or 未区分) or the province-approved fee of one level, with its
 * document and validity (either end open). Sent with its id when it exists.
 */
export const feeLimitSchema = z
  .object({
    id: z.number().int().positive().optional(),
    kind: z.enum(feeLimitKinds, { error: '请选择类型：考核成本上限或省级核定收费标准' }),
    level: certificateLevelSchema,
    examForm: z.enum(capForms, { error: '请选择考核形式' }).default('any'),
    amountFen: costCapFenSchema,
    document: capDocumentSchema,
    validFrom: limitDate('生效日期'),
    validUntil: limitDate('有效期至'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (
      value.validFrom !== null &&
      value.validUntil !== null &&
      value.validFrom > value.validUntil
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: '“有效期至”不能早于“生效日期”',
      });
    }
    if (value.kind === 'approved_fee' && value.examForm !== 'any') {
      ctx.addIssue({
        code: 'custom',
        path: ['examForm'],
        message: '省级核定收费标准不分考核形式：同一证书等级在省内只有一个收费标准',
      });
    }
  });
export type FeeLimitInput = z.output<typeof feeLimitSchema>;

export const limitsSchema = z
  .array(feeLimitSchema, { error: '收费依据格式不正确' })
  .max(100, { error: '收费依据最多 100 条' })
  .superRefine((limits, ctx) => {
    for (const { index, message } of limitOverlaps(limits)) {
      ctx.addIssue({ code: 'custom', path: [index, 'validFrom'], message });
    }
  });

export const requirementItemSchema = z
  .object({
    /** Present for an item that exists: it keeps its identity (ticks elsewhere refer to it). */
    id: z.number().int().positive().optional(),
    text: requiredCleanText('实训条件要求', 300),
  })
  .strict();

export const requirementsSchema = z
  .array(requirementItemSchema, { error: '实训条件要求格式不正确' })
  .max(100, { error: '实训条件要求最多 100 项' })
  .default([]);

export const certificateDataSchema = z.object({
  name: certificateNameSchema,
  organization: organizationSchema,
  organizationCode: organizationCodeSchema,
  batch: batchSchema,
  source: sourceSchema,
  levels: levelsSchema,
  requirements: requirementsSchema,
  /** Left out on update: the recorded limits stay as they are. */
  limits: limitsSchema.optional(),
});
export type CertificateDataInput = z.input<typeof certificateDataSchema>;
export type CertificateData = z.output<typeof certificateDataSchema>;

const idSchema = z
  .number({ error: '缺少证书编号' })
  .int({ error: '证书编号无效' })
  .positive({ error: '证书编号无效' });

export const certificateListSchema = z.object({
  includeArchived: z.boolean().default(false),
  search: z
    .string()
    .max(100, { error: '搜索内容不能超过 100 个字' })
    .default('')
    .transform(normalizeText),
});

export interface CertificateLevelEntry {
  level: CertificateLevel;
  /** 1/2/3 as the national platform codes the level. */
  platformCode: 1 | 2 | 3;
}

export interface CertificateRequirement {
  id: number;
  text: string;
}

export interface Certificate {
  id: number;
  name: string;
  organization: string;
  /** 发证机构编码 (data centre); '' until recorded. */
  organizationCode: string;
  batch: string;
  source: string;
  archived: boolean;
  /** The levels offered, 初级 → 高级. */
  levels: CertificateLevelEntry[];
  requirements: CertificateRequirement[];
  /** Caps and approved fees, by level, form and start date. */
  limits: FeeLimit[];
  createdAt: string;
  updatedAt: string;
}

export const catalogueContract = {
  'catalogue.list': { input: certificateListSchema.strict(), output: {} as Certificate[] },
  'catalogue.get': { input: z.object({ id: idSchema }).strict(), output: {} as Certificate },
  'catalogue.create': { input: certificateDataSchema.strict(), output: {} as Certificate },
  'catalogue.update': {
    input: certificateDataSchema.extend({ id: idSchema }).strict(),
    output: {} as Certificate,
  },
  'catalogue.archive': { input: z.object({ id: idSchema }).strict(), output: {} as Certificate },
  'catalogue.unarchive': { input: z.object({ id: idSchema }).strict(), output: {} as Certificate },
  'catalogue.setLimits': {
    input: z.object({ id: idSchema, limits: limitsSchema }).strict(),
    output: {} as Certificate,
  },
  'catalogue.setRequirements': {
    input: z.object({ id: idSchema, items: requirementsSchema }).strict(),
    output: {} as Certificate,
  },
  /**
   * What rule 11 would find for this certificate's batches and sign-ups with these limits, saving
   * nothing: the page asks before a lowered cap puts existing batches over it.
   */
  'catalogue.overCapWith': {
    input: z.object({ id: idSchema, limits: limitsSchema }).strict(),
    output: {} as OverCapViolation[],
  },
  ...importHandlers('catalogue', importRequestSchema.strict()),
} as const;

/** What each handler reads and writes (see topics.ts). */
export const catalogueTopics = {
  'catalogue.list': { reads: ['catalogue'] },
  'catalogue.get': { reads: ['catalogue'] },
  'catalogue.create': { writes: ['catalogue'] },
  'catalogue.update': { writes: ['catalogue'] },
  'catalogue.archive': { writes: ['catalogue'] },
  'catalogue.unarchive': { writes: ['catalogue'] },
  'catalogue.setLimits': { writes: ['catalogue'] },
  'catalogue.setRequirements': { writes: ['catalogue', 'projects'] },
  'catalogue.overCapWith': { reads: feeData },
  'catalogue.importPreview': { reads: ['catalogue'], writes: ['uploads'] },
  'catalogue.importCommit': { writes: ['catalogue', 'uploads'] },
  // Written from the field list alone; nothing saved changes it.
  'catalogue.importTemplate': { reads: ['system'] },
  'catalogue.importProblems': { reads: ['catalogue'], writes: ['uploads'] },
} as const satisfies TopicsOf<typeof catalogueContract>;

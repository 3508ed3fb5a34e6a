import { z } from 'zod';
import {
  capPairProblem,
  certificateLevelLabels,
  certificateLevels,
  MAX_COST_CAP_FEN,
  normalizeBatch,
  type CertificateLevel,
} from '../domain/certificate';
import { normalizeMultilineText, normalizeText } from '../domain/text';
import { importRequestSchema, type ImportPreview, type ImportResult } from './imports';
import type { TopicsOf } from './topics';

/** A required single-line text: cleaned (half-width digits, one space), 1..max characters. */
const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, { error: `请填写${label}` })
        .max(max, { error: `${label}不能超过 ${max} 个字` }),
    );

export const certificateNameSchema = requiredText('证书名称', 100);
export const organizationSchema = requiredText('培训评价组织', 100);
export const batchSchema = z
  .string({ error: '批次必须是文字' })
  .default('')
  .transform(normalizeBatch)
  .pipe(z.string().max(50, { error: '批次不能超过 50 个字' }));
export const sourceSchema = z
  .string({ error: '来源说明必须是文字' })
  .default('')
  .transform(normalizeMultilineText)
  .pipe(z.string().max(500, { error: '来源说明不能超过 500 个字' }));

export const costCapFenSchema = z
  .number({ error: '考核成本上限必须是金额' })
  .int({ error: '考核成本上限最多精确到分' })
  .min(1, { error: '考核成本上限应大于 0 元' })
  .max(MAX_COST_CAP_FEN, { error: '考核成本上限不能超过 999,999.99 元' })
  .nullable();

export const capDocumentSchema = z
  .string({ error: '文件文号必须是文字' })
  .nullable()
  .transform((v) => (v === null ? null : normalizeText(v) || null))
  .pipe(z.string().max(100, { error: '文件文号不能超过 100 个字' }).nullable());

export const certificateLevelSchema = z.enum(certificateLevels, {
  error: '等级应为 初级、中级 或 高级',
});

/** The message for a cap without its document number, or a document number without a cap. */
export function capPairMessage(
  level: CertificateLevel,
  problem: 'documentMissing' | 'capMissing',
): string {
  const label = certificateLevelLabels[level];
  return problem === 'documentMissing'
    ? `${label}：填写了考核成本上限，请同时填写它所依据的文件文号（如 教职所〔2019〕314号）`
    : `${label}：填写了文件文号，请同时填写该文件规定的考核成本上限（元）`;
}

/** One offered level with its cap: the cap and its document number come together or not at all. */
export const levelCapSchema = z
  .object({
    level: certificateLevelSchema,
    costCapFen: costCapFenSchema.default(null),
    capDocument: capDocumentSchema.default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    const problem = capPairProblem(value.costCapFen, value.capDocument);
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        path: [problem === 'documentMissing' ? 'capDocument' : 'costCapFen'],
        message: capPairMessage(value.level, problem),
      });
    }
  });

const distinctLevels = (items: readonly { level: CertificateLevel }[]) =>
  new Set(items.map((i) => i.level)).size === items.length;

export const levelsSchema = z
  .array(levelCapSchema, { error: '等级格式不正确' })
  .min(1, { error: '请至少选择一个等级（初级、中级、高级）' })
  .max(3, { error: '等级最多三个：初级、中级、高级' })
  .refine(distinctLevels, { error: '同一等级只能出现一次' });

export const requirementItemSchema = z
  .object({
    /** Present for an item that exists: it keeps its identity (ticks elsewhere refer to it). */
    id: z.number().int().positive().optional(),
    text: requiredText('实训条件要求', 300),
  })
  .strict();

export const requirementsSchema = z
  .array(requirementItemSchema, { error: '实训条件要求格式不正确' })
  .max(100, { error: '实训条件要求最多 100 项' })
  .default([]);

export const certificateDataSchema = z.object({
  name: certificateNameSchema,
  organization: organizationSchema,
  batch: batchSchema,
  source: sourceSchema,
  levels: levelsSchema,
  requirements: requirementsSchema,
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
  /** null: 未录入. */
  costCapFen: number | null;
  capDocument: string | null;
}

export interface CertificateRequirement {
  id: number;
  text: string;
}

export interface Certificate {
  id: number;
  name: string;
  organization: string;
  batch: string;
  source: string;
  archived: boolean;
  /** The levels offered, 初级 → 高级. */
  levels: CertificateLevelEntry[];
  requirements: CertificateRequirement[];
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
  'catalogue.setLevelCaps': {
    input: z
      .object({
        id: idSchema,
        caps: z
          .array(levelCapSchema)
          .min(1, { error: '请至少填写一个等级的上限' })
          .max(3)
          .refine(distinctLevels, { error: '同一等级只能出现一次' }),
      })
      .strict(),
    output: {} as Certificate,
  },
  'catalogue.setRequirements': {
    input: z.object({ id: idSchema, items: requirementsSchema }).strict(),
    output: {} as Certificate,
  },
  'catalogue.importPreview': { input: importRequestSchema.strict(), output: {} as ImportPreview },
  'catalogue.importCommit': { input: importRequestSchema.strict(), output: {} as ImportResult },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const catalogueTopics = {
  'catalogue.list': { reads: ['catalogue'] },
  'catalogue.get': { reads: ['catalogue'] },
  'catalogue.create': { writes: ['catalogue'] },
  'catalogue.update': { writes: ['catalogue'] },
  'catalogue.archive': { writes: ['catalogue'] },
  'catalogue.unarchive': { writes: ['catalogue'] },
  'catalogue.setLevelCaps': { writes: ['catalogue'] },
  'catalogue.setRequirements': { writes: ['catalogue', 'projects'] },
  'catalogue.importPreview': { reads: ['catalogue'], writes: ['uploads'] },
  'catalogue.importCommit': { writes: ['catalogue', 'uploads'] },
} as const satisfies TopicsOf<typeof catalogueContract>;

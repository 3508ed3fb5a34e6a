import * as z from 'zod';
import {
  enteredSpendingCategories,
  incomeSources,
  namesStudentsAsSource,
  studentSourceRefusal,
  type FundDirection,
  type FundFigures,
  type PilotProgress,
  type IncomeSource,
  type SpendingCategory,
} from '../domain/funds';
import {
  byIdSchema,
  idField,
  intField,
  isoDate,
  optionalText,
  yuanToFenField,
  type DeleteResult,
} from './fields';
import type { RecordDocument } from './attachments';
import { uploadedFileSchema, type FileOffer, type SheetDownload } from './files';
import type { TopicsOf } from './topics';

// ---- 登记收入与支出 ----

const positiveAmount = yuanToFenField('金额').refine((fen) => fen > 0, { error: '金额应大于 0' });

export const fundFields = {
  id: idField('经费记录').optional(),
  projectId: idField('试点项目'),
  amount: positiveAmount,
  occurredOn: isoDate('日期'),
  note: optionalText('备注', 500),
};

export const incomeFields = {
  source: z.enum(incomeSources, {
    error: '请选择收入来源（奖补资金、学校预算、其他来源或学生自愿自费的加考考核费）',
  }),
  /** 奖补资金: the allocating document's number (required); otherwise optional. */
  documentNo: optionalText('文号', 100),
  /** Who the money came from (单位或说明). */
  sourceName: optionalText('来源单位', 100),
  /** Only for 学生自愿自费: the sign-up whose exam fee it is. */
  signupId: idField('报名记录').nullable().default(null),
};

export const spendingFields = {
  category: z.enum(enteredSpendingCategories, {
    error:
      '请选择支出类别（师资培训、实训条件/设备、耗材、教材与资源或其他；考核费由缴费记录生成）',
  }),
  payee: optionalText('收款方', 100),
  invoiceNo: optionalText('发票号', 50),
};

const incomeSaveSchema = z
  .object({ direction: z.literal('income'), ...fundFields, ...incomeFields })
  .strict()
  .superRefine((v, ctx) => {
    if (v.source === 'award' && v.documentNo === '') {
      ctx.addIssue({ code: 'custom', path: ['documentNo'], message: '请填写奖补资金的拨款文号' });
    }
    if (v.source === 'studentExamFee' && v.signupId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['signupId'],
        message: '请选择这笔学生自愿自费考核费对应的报名记录',
      });
    }
    if (v.source !== 'studentExamFee' && v.signupId !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['signupId'],
        message: '只有“学生自愿自费（加考证书考核费）”的收入才关联报名记录',
      });
    }
    if (v.source !== 'studentExamFee' && namesStudentsAsSource(`${v.sourceName} ${v.note}`)) {
      ctx.addIssue({ code: 'custom', path: ['sourceName'], message: studentSourceRefusal });
    }
  });

const spendingSaveSchema = z
  .object({ direction: z.literal('spending'), ...fundFields, ...spendingFields })
  .strict();

export const fundSaveSchema = z.discriminatedUnion(
  'direction',
  [incomeSaveSchema, spendingSaveSchema],
  {
    error: '请选择登记收入还是支出',
  },
);
export type FundSaveInput = z.input<typeof fundSaveSchema>;
export type FundSaveData = z.output<typeof fundSaveSchema>;

// ---- 经费页与使用情况表 ----

export const fundsQuerySchema = z
  .object({
    year: intField('年度', 2019, 2100),
    /** One project, or null for every project (and the 考核费 of none). */
    projectId: idField('试点项目').nullable().default(null),
  })
  .strict();

export type FundDocument = RecordDocument;

/** One line of income or spending: an entered record, or a payment read as 考核费. */
export interface FundLine {
  /** `entry:<id>` or `payment:<id>`. */
  key: string;
  /** The entered record's id; null for a payment (changed in 缴费与对账 only). */
  entryId: number | null;
  paymentId: number | null;
  direction: FundDirection;
  category: IncomeSource | SpendingCategory;
  categoryLabel: string;
  /** Null: a payment attributed to no pilot project. */
  projectId: number | null;
  projectLabel: string;
  amountFen: number;
  date: string;
  /** 来源单位 (income) or 收款方 (spending; the organization for 考核费). */
  party: string;
  /** 文号 (income) or 发票号 (spending). */
  reference: string;
  /** 学生自愿自费: the sign-up and who it is. */
  signupId: number | null;
  signupLabel: string;
  note: string;
  document: FundDocument | null;
  /** Spending without a file or an invoice number (always false for income). */
  lacksDocument: boolean;
  /** 学生自愿自费 income whose sign-up no longer passes rule 12 (changed since), else null. */
  problem: string | null;
}

/** A selection's totals (`addUpFundLines`). */
export type FundTotals = FundFigures;

export interface ProjectFunds extends FundTotals {
  /** Null: the 考核费 of no pilot project. */
  projectId: number | null;
  label: string;
}

export interface FundProjectOption {
  id: number;
  label: string;
  year: number;
}

export interface FundsOverview {
  year: number;
  projectId: number | null;
  /** Years with a record, a payment or a project, newest first (the year asked included). */
  years: number[];
  projects: FundProjectOption[];
  /** Every project with money in the year, then the unassigned 考核费 when there is any. */
  byProject: ProjectFunds[];
  /** The selection's totals (one project, or everything in the year). */
  totals: FundTotals;
  /** The selection's lines, by date. */
  lines: FundLine[];
}

/** A live 学生自愿自费 sign-up that rule 12 accepts (an additional certificate). */
export interface StudentFeeOption {
  signupId: number;
  label: string;
  feeFen: number;
  projectId: number | null;
  /** Already recorded as income (by this entry id). */
  recordedBy: number | null;
}

/** 试点推进情况: the factors the notice names for funding, for one year. */
export type { PilotProgress } from '../domain/funds';

export interface FileDownload extends SheetDownload {
  mime: string;
}

export const fundsContract = {
  'funds.overview': { input: fundsQuerySchema, output: {} as FundsOverview },
  'funds.save': { input: fundSaveSchema, output: {} as FundLine },
  'funds.delete': { input: byIdSchema.strict(), output: {} as DeleteResult },
  'funds.attachDocument': {
    input: z.object({ id: idField('经费记录'), file: uploadedFileSchema.strict() }).strict(),
    output: {} as FundLine,
  },
  'funds.removeDocument': { input: byIdSchema.strict(), output: {} as FundLine },
  'funds.readDocument': { input: byIdSchema.strict(), output: {} as FileOffer },
  'funds.studentFees': { input: z.object({}).strict(), output: {} as StudentFeeOption[] },
  'funds.sheet': { input: fundsQuerySchema, output: {} as FileDownload },
  'funds.pdf': { input: fundsQuerySchema, output: {} as FileDownload },
  'funds.progress': {
    input: z.object({ year: intField('年度', 2019, 2100) }).strict(),
    output: {} as PilotProgress,
  },
} as const;

/** What the funds figures are derived from: the records, and the payments read as 考核费. */
const fundData = [
  'funds',
  'payments',
  'batches',
  'projects',
  'catalogue',
  'signups',
  'students',
  'attachments',
] as const;

export const fundsTopics = {
  'funds.overview': { reads: fundData },
  'funds.save': { writes: ['funds'] },
  'funds.delete': { writes: ['funds', 'attachments'] },
  'funds.attachDocument': { writes: ['funds', 'attachments'] },
  'funds.removeDocument': { writes: ['funds', 'attachments'] },
  'funds.readDocument': { reads: ['funds', 'attachments'] },
  'funds.studentFees': { reads: fundData },
  'funds.sheet': { reads: fundData },
  'funds.pdf': { reads: fundData },
  'funds.progress': {
    reads: ['projects', 'majors', 'students', 'batches', 'signups', 'catalogue', 'weekly'],
  },
} as const satisfies TopicsOf<typeof fundsContract>;

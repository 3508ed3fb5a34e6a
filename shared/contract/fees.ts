import * as z from 'zod';
import type { CountAndFee, SignupFigures } from '../domain/signupFigures';
import { searchField, sortedPageFields } from './paging';
import type { AuditAction } from '../domain/audit';
import type { BulkPlan } from '../domain/bulk';
import type { CertificateLevel } from '../domain/certificate';
import type { ExamForm } from '../domain/costCaps';
import {
  MAX_UPLOAD_HEADER_LENGTH,
  uploadColumnKeys,
  uploadLayoutProblems,
  type UploadColumn,
} from '../domain/uploadLayouts';
import {
  payers,
  signupStatuses,
  type AuditChange,
  type Payer,
  type SchoolPaidStanding,
  type SignupStatus,
} from '../domain/fees';
import {
  deleteSchema,
  idField,
  isoDate,
  optionalText,
  requiredText,
  yuanToFenField,
  type DeleteResult,
} from './fields';
import type { SheetDownload } from './files';
import { feeData, type TopicsOf } from './topics';

// ---- 台账: the sign-ups with their fee and payer ----

export const ledgerSortKeys = [
  'id',
  'studentNo',
  'name',
  'examDate',
  'feeFen',
  'updatedAt',
] as const;
export type LedgerSortKey = (typeof ledgerSortKeys)[number];

export const ledgerListSchema = z.object({
  /** Prefix of a student's name or 学号. */
  search: searchField,
  certificateIds: z.array(idField('证书')).max(500, { error: '筛选的证书过多' }).default([]),
  batchIds: z.array(idField('考核批次')).max(2000, { error: '筛选的批次过多' }).default([]),
  payers: z.array(z.enum(payers, { error: '付费方无效' })).default([]),
  statuses: z.array(z.enum(signupStatuses, { error: '报名状态无效' })).default([]),
  studentId: idField('学生').nullable().default(null),
  ...sortedPageFields(ledgerSortKeys, 'id', 'desc', 50),
});
export type LedgerQuery = z.input<typeof ledgerListSchema>;
export type LedgerParams = z.output<typeof ledgerListSchema>;

export interface LedgerRow {
  id: number;
  studentId: number;
  studentNo: string;
  name: string;
  className: string;
  majorName: string;
  pilot: boolean;
  batchId: number;
  batchLabel: string;
  certificateId: number;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
  organization: string;
  status: SignupStatus;
  feeFen: number;
  payer: Payer;
  /** The cap (or approved fee) in force on the exam date for its form, null when none. */
  capFen: number | null;
  updatedAt: string;
}

export interface LedgerResult {
  items: LedgerRow[];
  page: number;
  pageSize: number;
  /** Rows matching (for paging), withdrawn ones included. */
  total: number;
  /** 报名人次, 费用合计 and the withdrawn line of every matching sign-up (not only this page). */
  figures: SignupFigures;
}

export interface LedgerBatchOption {
  id: number;
  label: string;
  certificateId: number;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
  organization: string;
  feeFen: number;
  signups: number;
}

export interface LedgerFacets {
  signups: number;
  certificates: { id: number; name: string; signups: number }[];
  batches: LedgerBatchOption[];
}

/** The new fee of a bulk change in yuan; empty (or blank) means “keep each row's fee”. */
export const newFeeField = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  yuanToFenField('费用').optional(),
);

/** Change the fee and/or payer of one or many sign-ups, all or nothing. */
export const feeChangeSchema = z
  .object({
    signupIds: z
      .array(idField('报名记录'), { error: '请选择报名记录' })
      .min(1, { error: '请至少选择一条报名记录' })
      .max(5000, { error: '一次最多修改 5000 条报名记录' }),
    payer: z.enum(payers, { error: '请选择付费方（学校承担、财政补助或学生自愿自费）' }).optional(),
    /** Yuan in, fen out. */
    fee: newFeeField,
  })
  .refine((v) => v.payer !== undefined || v.fee !== undefined, {
    error: '请填写新的费用或选择新的付费方',
    path: ['payer'],
  });
export type FeeChangeInput = z.input<typeof feeChangeSchema>;

/** `fees.planChange`: what `fees.change` with these ids would change and skip, and why. */
export type FeeChangePlan = BulkPlan;

export interface FeeChangeResult {
  /** Sign-ups whose fee or payer actually changed (unchanged ones are not audited). */
  changed: number;
}

// ---- 规则检查 ----

export interface ViolationSignup {
  id: number;
  batchLabel: string;
  status: SignupStatus;
  payer: Payer;
  feeFen: number;
}

/** A pilot student under rule 13, with all their sign-ups (withdrawn ones included). */
export interface SchoolPaidViolation {
  studentId: number;
  studentNo: string;
  name: string;
  className: string;
  signups: ViolationSignup[];
}

export interface OverCapViolation {
  kind: 'signup' | 'batch';
  /** The sign-up's or the batch's id. */
  id: number;
  batchId: number;
  batchLabel: string;
  certificateName: string;
  level: CertificateLevel;
  studentId: number | null;
  studentNo: string | null;
  name: string | null;
  feeFen: number;
  capFen: number;
  capDocument: string;
  examDate: string;
  /** “2020年9月1日 适用的机考考核成本上限 ¥500.00（教职所〔2019〕314号，…有效）” */
  limitText: string;
}

/**
 * A batch charging a fee with no cap (or approved fee) in force on its exam date for its level
 * and exam form: rule 11 cannot be checked until one is entered in 证书目录.
 */
export interface CapMissingViolation {
  batchId: number;
  batchLabel: string;
  certificateId: number;
  certificateName: string;
  level: CertificateLevel;
  examForm: ExamForm | null;
  examDate: string;
  /** The batch's own fee or its highest live sign-up fee, whichever is higher. */
  feeFen: number;
}

/** A batch whose fee is higher than the 费用协商 in force for it (a warning, not rule 11). */
export interface AboveAgreementViolation {
  batchId: number;
  batchLabel: string;
  feeFen: number;
  agreedFen: number;
  agreedOn: string;
}

/** How many `unscheduled` students are listed at most (by 学号); `count` has them all. */
export const UNSCHEDULED_LISTED = 200;

export interface FeeViolations {
  /** Rule 13 broken: pilot students whose live sign-ups are all self-paid (只有自费). */
  schoolPaid: SchoolPaidViolation[];
  /** Rule 13 to-do: pilot students with no live sign-up yet (尚未安排), counted apart. */
  unscheduled: { count: number; students: SchoolPaidViolation[] };
  overCap: OverCapViolation[];
  /** Rule 11 not checkable: batches charging a fee with no cap in force. */
  capMissing: CapMissingViolation[];
  aboveAgreement: AboveAgreementViolation[];
}

// ---- 缴费记录与对账 ----

export const paymentFields = {
  organization: requiredText('培训评价组织', 100),
  batchId: idField('考核批次').nullable().default(null),
  invoiceNo: optionalText('发票号', 50),
  amount: yuanToFenField('金额').refine((fen) => fen > 0, { error: '金额应大于 0' }),
  paidOn: isoDate('付款日期'),
  note: optionalText('备注', 500),
};

export const paymentSaveSchema = z.object({ id: idField('缴费记录').optional(), ...paymentFields });
export type PaymentSaveInput = z.input<typeof paymentSaveSchema>;

export interface Payment {
  id: number;
  organization: string;
  batchId: number | null;
  batchLabel: string | null;
  invoiceNo: string;
  amountFen: number;
  paidOn: string;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReconcileRow {
  /** Batch id or organization name. */
  key: string;
  label: string;
  organization: string;
  /** Fees of the non-withdrawn sign-ups paid by the school or a subsidy. */
  dueFen: number;
  paidFen: number;
  /** due − paid: positive = still to pay; negative = paid more than due. */
  differenceFen: number;
  signups: number;
}

export interface Reconciliation {
  byBatch: ReconcileRow[];
  byOrganization: ReconcileRow[];
  /** Payments linked to no batch (counted by organization only). */
  unassignedFen: number;
}

// ---- 学生费用明细与汇总 ----

export interface StatementSignup {
  id: number;
  batchId: number;
  batchLabel: string;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
  status: SignupStatus;
  feeFen: number;
  payer: Payer;
}

export interface StudentStatement {
  student: {
    id: number;
    studentNo: string;
    name: string;
    className: string;
    majorName: string;
    pilot: boolean;
  };
  signups: StatementSignup[];
  /** Non-withdrawn sign-ups paid by the school or a subsidy. */
  schoolPaidFen: number;
  /** Non-withdrawn sign-ups the student pays (additional certificates). */
  studentPaidFen: number;
  /** Rule 13 for this student; null when not a pilot student. */
  schoolPaid: SchoolPaidStanding | null;
}

export interface TotalsRow {
  key: string;
  label: string;
  signups: number;
  totalFen: number;
  schoolFen: number;
  subsidyFen: number;
  studentFen: number;
}

export interface FeeTotals {
  byCertificate: TotalsRow[];
  byLevel: TotalsRow[];
  byMajor: TotalsRow[];
  byPayer: TotalsRow[];
  all: TotalsRow;
  /** Withdrawn sign-ups, in none of the rows above. */
  withdrawn: CountAndFee;
}

// ---- 审计记录 ----

export interface AuditView {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entityLabel: string;
  entityId: string;
  action: AuditAction;
  actionLabel: string;
  /** What the entry is about, e.g. the sign-up's student and batch. */
  subject: string;
  changes: AuditChange[];
}

export interface AuditHistory {
  entries: AuditView[];
  /** More entries exist than were returned (newest first). */
  truncated: boolean;
}

export const auditLimit = z.number().int().min(1).max(2000).default(500);

const uploadColumnSchema = z
  .object({
    key: z.enum(uploadColumnKeys, { error: '上传表的列无效' }),
    header: requiredText('表头文字', MAX_UPLOAD_HEADER_LENGTH),
  })
  .strict();

/** A 考生信息上传表 layout an evaluation organization asks for: its columns, order and headers. */
export const uploadLayoutSaveSchema = z
  .object({
    id: idField('列格式').optional(),
    organization: requiredText('培训评价组织', 100),
    name: requiredText('格式名称', 50),
    columns: z
      .array(uploadColumnSchema, { error: '请选择上传表的列' })
      .max(uploadColumnKeys.length, { error: '列太多' })
      .superRefine((columns, ctx) => {
        for (const message of uploadLayoutProblems(columns))
          ctx.addIssue({ code: 'custom', message });
      }),
  })
  .strict();
export type UploadLayoutSave = z.input<typeof uploadLayoutSaveSchema>;

export interface UploadLayout {
  id: number;
  organization: string;
  name: string;
  columns: UploadColumn[];
  updatedAt: string;
}

/** A candidate of the 考生信息上传表 the platform may refuse, and why. */
export interface UploadSheetFlag {
  studentNo: string;
  name: string;
  idNumber: string;
  message: string;
}

/** A data-centre export: with `skipIncomplete`, the rows lacking required data are left out. */
export const dataCentreExportSchema = z
  .object({ skipIncomplete: z.boolean({ error: 'skipIncomplete 应为是或否' }).default(false) })
  .strict();

/** A record that lacks data the data centre requires, listed before anything is exported. */
export interface DataCentreProblem {
  /** 1-based position among the records. */
  row: number;
  /** Who it is about, e.g. “2020000001 学生1（Web前端开发初级）”. */
  record: string;
  message: string;
}

/**
 * The file (null while rows lack required data and `skipIncomplete` was not asked), how many
 * rows it holds, and the rows left out with what each lacks.
 */
export interface DataCentreExport {
  file: SheetDownload | null;
  exported: number;
  /** Rows with everything required: what `skipIncomplete` would export. */
  complete: number;
  problems: DataCentreProblem[];
}

export const feesContract = {
  'fees.ledger': { input: ledgerListSchema.strict(), output: {} as LedgerResult },
  'fees.facets': { input: z.object({}).strict(), output: {} as LedgerFacets },
  'fees.planChange': { input: feeChangeSchema, output: {} as FeeChangePlan },
  'fees.change': { input: feeChangeSchema, output: {} as FeeChangeResult },
  'fees.violations': { input: z.object({}).strict(), output: {} as FeeViolations },
  'fees.statement': {
    input: z.object({ studentId: idField('学生') }).strict(),
    output: {} as StudentStatement,
  },
  /** The statement as a PDF to print (对账单), in the documents' house style. */
  'fees.statementPdf': {
    input: z.object({ studentId: idField('学生') }).strict(),
    output: {} as SheetDownload,
  },
  'fees.totals': { input: z.object({}).strict(), output: {} as FeeTotals },
  'fees.payments': { input: z.object({}).strict(), output: {} as Payment[] },
  'fees.savePayment': { input: paymentSaveSchema.strict(), output: {} as Payment },
  'fees.deletePayment': { input: deleteSchema.strict(), output: {} as DeleteResult },
  'fees.reconcile': { input: z.object({}).strict(), output: {} as Reconciliation },
  /** In the platform's columns, or in a saved layout's (`layoutId`). */
  'fees.uploadSheet': {
    input: z
      .object({
        batchId: idField('考核批次'),
        layoutId: idField('列格式').nullable().default(null),
      })
      .strict(),
    output: {} as SheetDownload,
  },
  'fees.uploadLayouts.list': { input: z.object({}).strict(), output: {} as UploadLayout[] },
  'fees.uploadLayouts.save': { input: uploadLayoutSaveSchema, output: {} as UploadLayout },
  'fees.uploadLayouts.delete': { input: deleteSchema.strict(), output: {} as DeleteResult },
  /** The candidates the platform may refuse (15-digit IDs), listed before the upload sheet. */
  'fees.uploadSheetFlags': {
    input: z.object({ batchId: idField('考核批次') }).strict(),
    output: {} as UploadSheetFlag[],
  },
  'fees.feeSheet': {
    input: z.object({ batchId: idField('考核批次').nullable().default(null) }).strict(),
    output: {} as SheetDownload,
  },
  /** 学生技能证书数据 (ODS_XSJNZSSJ) for the vocational-education data centre. */
  'fees.skillCertificatesSheet': { input: dataCentreExportSchema, output: {} as DataCentreExport },
  /** 1+X证书数据 (ODS_GZXZSSJ) for the vocational-education data centre. */
  'fees.xCertificatesSheet': { input: dataCentreExportSchema, output: {} as DataCentreExport },
  'fees.history.student': {
    input: z.object({ studentId: idField('学生'), limit: auditLimit }).strict(),
    output: {} as AuditHistory,
  },
  'fees.history.batch': {
    input: z.object({ batchId: idField('考核批次'), limit: auditLimit }).strict(),
    output: {} as AuditHistory,
  },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const feesTopics = {
  'fees.ledger': { reads: feeData },
  'fees.facets': { reads: feeData },
  'fees.planChange': { reads: feeData },
  'fees.change': { writes: ['signups'] },
  'fees.violations': { reads: feeData },
  'fees.statement': { reads: feeData },
  'fees.statementPdf': { reads: [...feeData, 'school'] },
  'fees.totals': { reads: feeData },
  'fees.payments': { reads: ['payments', 'batches'] },
  'fees.savePayment': { writes: ['payments'] },
  'fees.deletePayment': { writes: ['payments'] },
  'fees.reconcile': { reads: feeData },
  'fees.uploadSheet': { reads: feeData },
  'fees.uploadLayouts.list': { reads: ['batches'] },
  'fees.uploadLayouts.save': { writes: ['batches'] },
  'fees.uploadLayouts.delete': { writes: ['batches'] },
  'fees.uploadSheetFlags': { reads: feeData },
  'fees.feeSheet': { reads: feeData },
  'fees.skillCertificatesSheet': { reads: [...feeData, 'school', 'sites'] },
  'fees.xCertificatesSheet': { reads: [...feeData, 'school', 'sites'] },
  'fees.history.student': { reads: feeData },
  'fees.history.batch': { reads: feeData },
} as const satisfies TopicsOf<typeof feesContract>;

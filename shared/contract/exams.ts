import * as z from 'zod';
import { pageField, pageSizeField, searchField, sortedPageFields } from './paging';
import type { BulkPlan } from '../domain/bulk';
import type { CapStanding } from '../domain/batchCap';
import type { CertificateLevel } from '../domain/certificate';
import { examForms, type ExamForm, type FeeLimit } from '../domain/costCaps';
import {
  attendanceMarks,
  signupStatuses,
  type AttendanceMark,
  type Payer,
  type SignupStatus,
} from '../domain/exams';
import { resultStatuses, type SavedResult } from '../domain/examResults';
import type { AttendanceCounts, SignupFigures } from '../domain/signupFigures';
import { certificateLevelSchema } from './catalogue';
import type { GeneratedFile } from './files';
import { importRequestSchema, importHandlers } from './imports';
import { studentListSchema } from './students';
import {
  byIdSchema,
  deleteSchema,
  idField,
  intField,
  isoDate,
  optionalText,
  yuanToFenField,
  type DeleteResult,
} from './fields';
import type { Usage } from './usage';
import { feeData, type TopicsOf } from './topics';
import type { AgreedFee } from '../domain/feeAgreements';
import type { ExamSiteVerdict } from '../domain/examSites';

// ---------------------------------------------------------------- 考核批次 (exam batches)

export const examFormSchema = z
  .enum(examForms, { error: '请选择考核形式：纸笔考试、机考、一般实操考试或特殊实操考试' })
  .nullable()
  .default(null);

const passScoreMessage = '及格线应为 0–1000 之间的数字';

export const batchFields = {
  certificateId: idField('证书'),
  level: certificateLevelSchema,
  /** Picks the cap in force; null only for batches recorded before forms were (migration 012). */
  examForm: examFormSchema,
  name: optionalText('批次名称', 100),
  examDate: isoDate('考核日期'),
  /**
   * The place: a 实习实训场所 (`siteId`) or a 实训室 (`roomId`), at most one; with neither, the
   * place typed in `siteText`.
   */
  siteId: idField('考核场所').nullable().default(null),
  roomId: idField('考核场所').nullable().default(null),
  siteText: optionalText('考核地点', 100),
  /** '' = the certificate's evaluation organization. */
  organization: optionalText('培训评价组织', 100),
  /** Typed in yuan; parsed into fen. */
  fee: yuanToFenField('每人考核费'),
  capacity: intField('容量', 1, 100000, '人').nullable().default(null),
  /** The organization's pass line (及格线), when it gives one: decides 通过 from a bare score. */
  passScore: z
    .number({ error: passScoreMessage })
    .min(0, { error: passScoreMessage })
    .max(1000, { error: passScoreMessage })
    .nullable()
    .default(null),
  /** The theory share of the total in percent (practical: the rest), e.g. 40. */
  theoryWeight: intField('理论成绩占比', 0, 100, '%').nullable().default(null),
  note: optionalText('备注', 500),
};

export const batchSaveSchema = z
  .object({
    id: idField('批次编号').optional(),
    ...batchFields,
    /** The user saw that the place is not an approved exam site and saves anyway. */
    confirm: z.boolean({ error: '“确认”应为是或否' }).default(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.siteId !== null && value.roomId !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['roomId'],
        message: '考核场所只能选一个：实训室或实习实训场所',
      });
    }
  })
  .transform(({ fee, ...rest }) => ({ ...rest, feeFen: fee }));
export type BatchSaveInput = z.input<typeof batchSaveSchema>;
export type BatchSaveData = z.output<typeof batchSaveSchema>;

export interface ExamBatch {
  id: number;
  certificateId: number;
  certificateName: string;
  level: CertificateLevel;
  examForm: ExamForm | null;
  name: string;
  examDate: string;
  siteId: number | null;
  roomId: number | null;
  /** The place as shown: the linked room's or site's name, else the typed text. */
  siteName: string;
  siteText: string;
  /** Whether the place is an approved 考核站点 of the certificate on the exam date. */
  examSite: ExamSiteVerdict;
  organization: string;
  feeFen: number;
  capacity: number | null;
  passScore: number | null;
  theoryWeight: number | null;
  note: string;
  /**
   * What its fee is judged by: the lower of the cost cap and the approved fee in force on its
   * exam date for its exam form (null: none recorded for that day).
   */
  feeLimit: FeeLimit | null;
  /**
   * Rule 11 (`capStanding` in shared/domain/batchCap.ts) for the most it charges, its own fee or
   * a live sign-up's (`highestFeeFen`); `overLimit` says by how much and against what when over.
   */
  capStanding: CapStanding;
  highestFeeFen: number;
  overLimit: string | null;
  /** The 费用协商 in force on its exam date for its level and form (null: none recorded). */
  agreedFee: AgreedFee | null;
  /** All sign-ups, and those that hold a place (not withdrawn): from `figures`. */
  signupCount: number;
  activeCount: number;
  /** 报名人次, 费用合计 by payer and results of the live sign-ups; withdrawn ones apart. */
  figures: SignupFigures;
  createdAt: string;
  updatedAt: string;
}

export const batchListSchema = z
  .object({
    certificateId: idField('证书').nullable().default(null),
    level: certificateLevelSchema.nullable().default(null),
  })
  .strict();
export type BatchListParams = z.output<typeof batchListSchema>;

// ---------------------------------------------------------------- 考核报名 (sign-ups)

/** Which students to offer for a batch: the students list's filters. */
export const candidateFilterSchema = studentListSchema
  .pick({ search: true, majors: true, classNames: true, entryYears: true, pilot: true })
  .strict();
export type CandidateFilter = z.input<typeof candidateFilterSchema>;

export const candidatesSchema = candidateFilterSchema
  .extend({ batchId: idField('考核批次'), page: pageField, pageSize: pageSizeField(50) })
  .strict();

export interface Candidate {
  studentId: number;
  studentNo: string;
  name: string;
  majorName: string;
  className: string;
  entryYear: number | null;
  pilot: boolean;
  /** Already has a live sign-up (not withdrawn) in this batch. */
  signedUp: boolean;
  /** Had a sign-up in this batch that was withdrawn: signing up again revives it. */
  withdrawn: boolean;
  /** The major is not one of the pilot project's majors (or there is no project). */
  majorOutside: boolean;
}

export interface CandidatePage {
  items: Candidate[];
  page: number;
  pageSize: number;
  /** Students matching the filter. */
  total: number;
  /** Of those, already signed up for this batch (withdrawn sign-ups do not count). */
  signedUp: number;
  /** Of those, whose major is not among the project's majors. */
  majorOutside: number;
  /** The pilot project of the batch's certificate and year, null when none. */
  project: { id: number; year: number; status: string; confirmed: boolean } | null;
}

export const signupCreateSchema = z
  .object({
    batchId: idField('考核批次'),
    studentIds: z
      .array(idField('学生'), { error: '学生列表无效' })
      .max(100000, { error: '一次最多报名 100000 人' })
      .optional(),
    filter: candidateFilterSchema.optional(),
    /** With `filter`: the matching students the person unticked. */
    exceptIds: z
      .array(idField('学生'), { error: '学生列表无效' })
      .max(100000, { error: '一次最多排除 100000 人' })
      .default([]),
    /** The user saw the warnings (no 省级确认 project, majors outside it) and goes ahead. */
    confirm: z.boolean({ error: '“确认”应为是或否' }).default(false),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.studentIds === undefined) === (value.filter === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['studentIds'],
        message: '请选择要报名的学生（勾选学生，或按筛选条件全选）',
      });
    } else if (value.studentIds !== undefined && value.exceptIds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['exceptIds'],
        message: '“排除的学生”只用于按筛选条件全选',
      });
    } else if (value.studentIds?.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['studentIds'], message: '请至少选择一名学生' });
    }
  });

export interface SignupCreateResult {
  created: number;
  /** Already signed up for this batch: left as they were. */
  skipped: number;
  /** The warnings the user confirmed (empty when there were none). */
  warnings: string[];
}

export const signupSortKeys = [
  'studentNo',
  'name',
  'major',
  'className',
  'status',
  'score',
  'updatedAt',
] as const;
export type SignupSortKey = (typeof signupSortKeys)[number];

export const signupListSchema = z
  .object({
    batchId: idField('考核批次'),
    statuses: z.array(z.enum(signupStatuses, { error: '状态无效' })).default([]),
    /** Prefix of a name or 学号. */
    search: searchField,
    ...sortedPageFields(signupSortKeys, 'studentNo', 'asc', 50),
  })
  .strict();

export interface Signup extends SavedResult {
  id: number;
  batchId: number;
  studentId: number;
  studentNo: string;
  name: string;
  majorName: string;
  className: string;
  pilot: boolean;
  feeFen: number;
  payer: Payer;
  createdAt: string;
  updatedAt: string;
}

export interface SignupPage {
  items: Signup[];
  page: number;
  pageSize: number;
  /** Sign-ups matching the query. */
  total: number;
  /** The batch's sign-ups by status (whatever the filters). */
  statusCounts: Record<SignupStatus, number>;
}

const signupIds = z
  .array(idField('报名记录'), { error: '请选择报名记录' })
  .min(1, { error: '请至少选择一条报名记录' })
  .max(100000, { error: '一次最多处理 100000 条' });

export const signupStatusSchema = z
  .object({ ids: signupIds, status: z.enum(signupStatuses, { error: '请选择状态' }) })
  .strict();

/** `exams.signups.planStatus`: what `setStatus` with these ids would change and skip. */
export interface SignupStatusPlan extends BulkPlan {
  /** Withdrawing: the pilot students it leaves without a school-paid exam (rule 13), 姓名（学号）. */
  schoolPaidLost: string[];
}

export interface SignupStatusResult {
  updated: number;
  /** Already in that status. */
  unchanged: number;
}

const scoreMessage = '成绩应为 0–1000 之间的数字';

export const signupResultSchema = z
  .object({
    id: idField('报名记录'),
    /** Optional: move to this status in the same step (e.g. 已考 → 通过 with the certificate). */
    status: z.enum(signupStatuses, { error: '状态无效' }).optional(),
    score: z
      .number({ error: scoreMessage })
      .min(0, { error: scoreMessage })
      .max(1000, { error: scoreMessage })
      .nullable()
      .default(null),
    certificateNo: optionalText('证书编号', 50),
    issuedOn: z
      .union([isoDate('发证日期'), z.literal('')], {
        error: '发证日期应为有效日期，格式如 2020-09-01',
      })
      .default(''),
    platformRegistered: z.boolean({ error: '“平台已登记”应为是或否' }).default(false),
    creditBank: z.boolean({ error: '“已转入学分银行”应为是或否' }).default(false),
  })
  .strict();

/** One row of the batch page's result table: the result as entered. */
export const resultEntrySchema = z
  .object({
    id: idField('报名记录'),
    status: z.enum(resultStatuses, { error: '结果应为已考、通过、未通过、缺考或违纪' }),
    score: signupResultSchema.shape.score,
    certificateNo: signupResultSchema.shape.certificateNo,
    issuedOn: signupResultSchema.shape.issuedOn,
  })
  .strict();

/** `exams.signups.saveResults`: the rows of one batch's result table, all or none. */
export const resultEntriesSchema = z
  .object({
    batchId: idField('考核批次'),
    entries: z
      .array(resultEntrySchema, { error: '请填写要保存的结果' })
      .min(1, { error: '没有要保存的更改' })
      .max(5000, { error: '一次最多保存 5000 条' }),
  })
  .strict();

export interface ResultEntriesSaved {
  updated: number;
  /** Entered as they already were. */
  unchanged: number;
}

/** What the audit log records for every sign-up change (entity 'signup'). */
export interface SignupAuditView extends SavedResult {
  studentId: number;
  batchId: number;
  feeFen: number;
  payer: Payer;
}

// ---------------------------------------------------------------- 考勤登记 (attendance)

/** One candidate on the attendance screen, in seat order. */
export interface AttendanceRow {
  signupId: number;
  studentId: number;
  studentNo: string;
  name: string;
  className: string;
  status: SignupStatus;
  /** What is recorded: null while attendance is not (已报名, 已缴费). */
  mark: AttendanceMark | null;
  score: number | null;
  /** 考场 and 座位 once the batch is arranged; null until then. */
  seat: string | null;
}

export interface AttendanceSheet {
  batchId: number;
  /** True when the rows follow the room arrangement's seats; false: by 学号. */
  seatOrder: boolean;
  items: AttendanceRow[];
  counts: AttendanceCounts;
}

export const attendanceSaveSchema = z
  .object({
    batchId: idField('考核批次'),
    entries: z
      .array(
        z
          .object({
            id: idField('报名记录'),
            mark: z.enum(attendanceMarks, { error: '考勤应为实考、缺考或违纪' }),
          })
          .strict(),
        { error: '请登记考勤' },
      )
      .min(1, { error: '没有要保存的考勤' })
      .max(5000, { error: '一次最多保存 5000 条' }),
  })
  .strict();

export interface AttendanceSaved {
  updated: number;
  /** Recorded as they already were. */
  unchanged: number;
  counts: AttendanceCounts;
}

// ---------------------------------------------------------------- 成绩导入 (results back in)

/**
 * The evaluation organization's result sheet for one batch: the import request every sheet
 * import shares, plus the batch whose sign-ups the rows are matched to.
 */
export const resultImportSchema = importRequestSchema
  .extend({ batchId: idField('考核批次') })
  .strict();

export const examsContract = {
  'exams.batches.list': { input: batchListSchema, output: {} as ExamBatch[] },
  'exams.batches.get': { input: byIdSchema.strict(), output: {} as ExamBatch },
  'exams.batches.save': { input: batchSaveSchema, output: {} as ExamBatch },
  'exams.batches.usage': { input: byIdSchema.strict(), output: {} as Usage },
  'exams.batches.delete': { input: deleteSchema.strict(), output: {} as DeleteResult },

  'exams.signups.candidates': { input: candidatesSchema, output: {} as CandidatePage },
  'exams.signups.create': { input: signupCreateSchema, output: {} as SignupCreateResult },
  'exams.signups.list': { input: signupListSchema, output: {} as SignupPage },
  'exams.signups.planStatus': { input: signupStatusSchema, output: {} as SignupStatusPlan },
  'exams.signups.setStatus': { input: signupStatusSchema, output: {} as SignupStatusResult },
  'exams.signups.saveResult': { input: signupResultSchema, output: {} as Signup },
  'exams.signups.saveResults': {
    input: resultEntriesSchema,
    output: {} as ResultEntriesSaved,
  },
  /** The batch's candidates for 考勤登记, in seat order (by 学号 until arranged). */
  'exams.attendance.list': {
    input: z.object({ batchId: idField('考核批次') }).strict(),
    output: {} as AttendanceSheet,
  },
  /** 实考 / 缺考 / 违纪 for these sign-ups, in one audited transaction, all or none. */
  'exams.attendance.save': { input: attendanceSaveSchema, output: {} as AttendanceSaved },
  /** 缺考名单 (缺考 and 违纪) as an .xlsx in the shared sheet style. */
  'exams.attendance.absentSheet': {
    input: z.object({ batchId: idField('考核批次') }).strict(),
    output: {} as GeneratedFile,
  },

  /** Matched to the batch's sign-ups; commit sets statuses, scores, certificate numbers and dates, audited. */
  ...importHandlers('exams.results', resultImportSchema),
} as const;

/** What each handler reads and writes (see topics.ts). */
export const examsTopics = {
  'exams.batches.list': { reads: ['batches', 'catalogue', 'rooms', 'sites', 'signups'] },
  'exams.batches.get': { reads: ['batches', 'catalogue', 'rooms', 'sites', 'signups'] },
  'exams.batches.save': { writes: ['batches'] },
  'exams.batches.usage': { reads: ['batches', 'signups', 'payments'] },
  'exams.batches.delete': { writes: ['batches', 'payments'] },
  'exams.signups.candidates': { reads: feeData },
  'exams.signups.create': { writes: ['signups'] },
  'exams.signups.list': { reads: feeData },
  'exams.signups.planStatus': { reads: ['signups', 'students', 'batches'] },
  'exams.signups.setStatus': { writes: ['signups'] },
  'exams.signups.saveResult': { writes: ['signups'] },
  'exams.signups.saveResults': { writes: ['signups'] },
  'exams.attendance.list': { reads: ['signups', 'students', 'batches'] },
  'exams.attendance.save': { writes: ['signups'] },
  'exams.attendance.absentSheet': { reads: ['signups', 'students', 'batches'] },
  'exams.results.importPreview': {
    reads: ['signups', 'students', 'batches'],
    writes: ['uploads'],
  },
  'exams.results.importCommit': { writes: ['signups', 'uploads'] },
  'exams.results.importProblems': {
    reads: ['signups', 'students', 'batches'],
    writes: ['uploads'],
  },
  'exams.results.importTemplate': { reads: ['system'] },
} as const satisfies TopicsOf<typeof examsContract>;

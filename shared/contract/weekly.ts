import * as z from 'zod';
import type { SpendingCategory } from '../domain/funds';
import type { CertificateLevel } from '../domain/certificate';
import {
  cadences,
  dueTimePattern,
  NOT_ON_TIME_THRESHOLD_MAX,
  NOT_ON_TIME_THRESHOLD_MIN,
  type AlertSummary,
  type Cadence,
  type DueReminder,
  type NotOnTimeRun,
  type PeriodState,
  type ScheduleRule,
} from '../domain/weeklyReports';
import { intField, isoDate, optionalText } from './fields';
import { feeData, type TopicsOf } from './topics';

/** The schedule of weekly reports; the settings form and the core validate with it. */
export const weeklySettingsSchema = z.object({
  pilotStart: isoDate('试点开始日期').refine((v) => v >= '2019-01-01' && v <= '2100-12-31', {
    error: '试点开始日期应在 2019 年至 2100 年之间',
  }),
  cadence: z.enum(cadences, { error: '请选择报送周期（每周或每两周）' }),
  dueWeekday: intField('截止日（星期几）', 1, 7),
  dueTime: z
    .string({ error: '请填写截止时间' })
    .regex(dueTimePattern, { error: '截止时间格式应为 HH:MM，例如 17:00' }),
  /** 连续几期未按时报送算作取消资格风险; absent: keep the current value (3 at first). */
  notOnTimeThreshold: intField(
    '连续未按时报送期数',
    NOT_ON_TIME_THRESHOLD_MIN,
    NOT_ON_TIME_THRESHOLD_MAX,
    '期',
  ).optional(),
  /** Desktop app: start with the system, minimised, and notify before due times. */
  startWithSystem: z.boolean({ error: '“开机启动”应为是或否' }).optional(),
  /** A new pilot start that changes periods already due is saved only when confirmed. */
  confirm: z.boolean({ error: '“确认”应为是或否' }).optional(),
});
export type WeeklySettingsInput = z.input<typeof weeklySettingsSchema>;

/** The four narrative parts of a report (本周工作进展 … 典型经验). */
export const weeklyNarrativeFields = {
  progress: optionalText('本周工作进展', 5000),
  problems: optionalText('存在的问题与困难', 5000),
  nextPlan: optionalText('下周工作计划', 5000),
  experience: optionalText('典型经验', 5000),
};
export const narrativeKeys = ['progress', 'problems', 'nextPlan', 'experience'] as const;
export type NarrativeKey = (typeof narrativeKeys)[number];

const periodStart = isoDate('周报期次（开始日期）');

export const weeklyDraftSchema = z.object({ periodStart, ...weeklyNarrativeFields });
export type WeeklyDraftInput = z.input<typeof weeklyDraftSchema>;

export const weeklySubmitSchema = z.object({
  periodStart,
  ...weeklyNarrativeFields,
  /** Who files it; empty: the school's 周报填报人. */
  submitter: optionalText('报送人', 50),
});
export type WeeklySubmitInput = z.input<typeof weeklySubmitSchema>;

const exportFormat = z.enum(['docx', 'xlsx'], { error: '导出格式应为 docx 或 xlsx' });

export const weeklyExportSchema = z.object({
  periodStart,
  /** A revision number; absent: the newest. */
  revision: intField('版本号', 1, 10_000).optional(),
  /** pdf: the report as it prints, in the documents' house style. */
  format: z.enum(['docx', 'xlsx', 'pdf'], { error: '导出格式应为 docx、xlsx 或 pdf' }),
});

export const weeklyExportRangeSchema = z
  .object({ from: isoDate('起始日期'), to: isoDate('截止日期'), format: exportFormat })
  .strict()
  .refine((v) => v.from <= v.to, { error: '起始日期不能晚于截止日期', path: ['to'] });

export interface WeeklySettings {
  pilotStart: string;
  /** The rule in force now. */
  cadence: Cadence;
  dueWeekday: number;
  dueTime: string;
  /** Consecutive periods not on time that put the pilot status at risk (3 by the notice). */
  notOnTimeThreshold: number;
  /** The desktop app starts with the system, minimised, to notify before due times. */
  startWithSystem: boolean;
  /** Every rule from the pilot start, oldest first (a change mid-pilot adds one). */
  rules: ScheduleRule[];
  updatedAt: string;
}

/**
 * Figures of one certificate level in one period: what was recorded in the period's window
 * (`weeklyFiguresMethod` in shared/domain/weeklyReports.ts), net of corrections.
 */
export interface WeeklyFigureRow {
  certificateId: number | null;
  certificateName: string;
  level: CertificateLevel | null;
  /** Sign-ups recorded (新增报名). */
  signups: number;
  /** Sign-ups withdrawn (撤销报名). */
  withdrawn: number;
  /** Change in the fees of live sign-ups, in fen (费用变动). */
  feeFen: number;
  /** Change in the sign-ups that sat the exam (已考, 通过, 未通过) — results recorded. */
  examined: number;
  /** Change in the sign-ups passed. */
  passed: number;
  /** Change in the certificates issued (issue date recorded). */
  issued: number;
  /** Change in payments to evaluation organizations, in fen. */
  paidFen: number;
  /** Old reports only (figures by exam date, before flows): exam batches held. */
  exams?: number;
}

/** A payment recorded in the period, with its 缴费日期. */
export interface WeeklyPaymentLine {
  paymentId: number;
  organization: string;
  /** 缴费日期 (the date on the payment, which may fall outside the period). */
  paidOn: string;
  /** What the entry added to the payments total (negative for a deletion or a reduction). */
  amountFen: number;
  action: 'create' | 'update' | 'delete';
  /** When it was recorded (ISO). */
  recordedAt: string;
}

export interface WeeklyFigures {
  from: string;
  to: string;
  /**
   * recorded: flows by audit-log time (the method now); eventDate: a report sent before flows,
   * counted by exam, issue and payment dates — kept as it was sent.
   */
  basis: 'recorded' | 'eventDate';
  /** The audit-log window counted (ISO instants; `windowFrom` null: from the beginning). */
  windowFrom: string | null;
  windowTo: string;
  totals: Omit<WeeklyFigureRow, 'certificateId' | 'certificateName' | 'level'>;
  byCertificate: WeeklyFigureRow[];
  payments: WeeklyPaymentLine[];
  /** 试点经费 recorded in the window; absent from reports sent before funds were kept. */
  funds?: WeeklyFundsFlow;
}

/**
 * 试点经费 of a period, as flows like the rest: income and spending records changed in the
 * window, and 考核费 — the payments recorded in it (`totals.paidFen`, never a second figure).
 */
export interface WeeklyFundsFlow {
  incomeFen: number;
  /** Entered spending plus 考核费. */
  spendingFen: number;
  spendingByCategory: Record<SpendingCategory, number>;
}

export interface WeeklyRevision {
  revision: number;
  status: 'draft' | 'submitted';
  progress: string;
  problems: string;
  nextPlan: string;
  experience: string;
  /** Frozen when sent; for a draft, the figures as they are now. */
  figures: WeeklyFigures;
  submitter: string;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WeeklyReportDetail {
  period: PeriodState;
  /** Newest first; empty when nothing was saved for the period. */
  revisions: WeeklyRevision[];
  /** The figures of the period computed now (what a draft shows). */
  liveFigures: WeeklyFigures;
  /** Standing facts of rule 16 (the same as in the calendar), for the report's header. */
  notOnTimeRuns: NotOnTimeRun[];
  /** The school's 周报填报人, who files by default. */
  defaultSubmitter: string;
}

export interface WeeklyCalendar {
  settings: WeeklySettings | null;
  /** Oldest first. */
  periods: PeriodState[];
  alert: AlertSummary;
  /** The core clock's now (ISO). */
  now: string;
  defaultSubmitter: string;
  /** A report due within a day (from 00:00 the day before), for the reminder on opening. */
  reminder: DueReminder | null;
}

/** For the desktop shell: the reminder due now and the notifications to come. */
export interface WeeklyReminders {
  reminder: DueReminder | null;
  /** Soonest first; `at` is when to notify (ISO). */
  upcoming: (DueReminder & { at: string })[];
}

export interface WeeklyFile {
  fileName: string;
  contentBase64: string;
}

const byPeriod = z.object({ periodStart });

export const weeklyContract = {
  'weekly.getSettings': { input: z.object({}).strict(), output: {} as WeeklySettings | null },
  'weekly.saveSettings': { input: weeklySettingsSchema.strict(), output: {} as WeeklySettings },
  'weekly.calendar': { input: z.object({}).strict(), output: {} as WeeklyCalendar },
  'weekly.alert': { input: z.object({}).strict(), output: {} as AlertSummary },
  'weekly.reminders': { input: z.object({}).strict(), output: {} as WeeklyReminders },
  'weekly.get': { input: byPeriod.strict(), output: {} as WeeklyReportDetail },
  'weekly.saveDraft': { input: weeklyDraftSchema.strict(), output: {} as WeeklyReportDetail },
  'weekly.submit': { input: weeklySubmitSchema.strict(), output: {} as WeeklyReportDetail },
  'weekly.revise': { input: byPeriod.strict(), output: {} as WeeklyReportDetail },
  'weekly.export': { input: weeklyExportSchema.strict(), output: {} as WeeklyFile },
  'weekly.exportRange': { input: weeklyExportRangeSchema, output: {} as WeeklyFile },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const weeklyTopics = {
  'weekly.getSettings': { reads: ['weekly', 'school'] },
  'weekly.saveSettings': { writes: ['weekly'] },
  'weekly.calendar': { reads: ['weekly'] },
  'weekly.alert': { reads: ['weekly'] },
  'weekly.reminders': { reads: ['weekly'] },
  'weekly.get': { reads: ['weekly', 'school', ...feeData] },
  'weekly.saveDraft': { writes: ['weekly'] },
  'weekly.submit': { writes: ['weekly'] },
  'weekly.revise': { writes: ['weekly'] },
  'weekly.export': { reads: ['weekly', 'school', ...feeData] },
  'weekly.exportRange': { reads: ['weekly', 'school', ...feeData] },
} as const satisfies TopicsOf<typeof weeklyContract>;

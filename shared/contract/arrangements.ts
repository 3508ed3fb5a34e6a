import * as z from 'zod';
import {
  arrangementModes,
  normalizeTime,
  SESSION_TIME,
  type ArrangementMode,
} from '../domain/arrangement';
import type { CertificateLevel } from '../domain/certificate';
import type { SignupStatus } from '../domain/exams';
import { idField, intField, optionalText, requiredText } from './fields';
import type { GeneratedFile, SheetDownload } from './files';
import { importRequestSchema, importHandlers } from './imports';
import type { TopicsOf } from './topics';

/** 考场编排: rooms, sessions, seats and 准考证号 of one exam batch. */

const batchIdField = idField('考核批次');

const timeField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .transform(normalizeTime)
    .pipe(
      z.string().regex(SESSION_TIME, {
        error: `${label}应为 时:分，例如 09:00`,
      }),
    );

export const examRoomInputSchema = z.object({
  /** Present when the room already exists, so its seats stay. */
  id: idField('考场编号').optional(),
  /** The 实训室 it is held in, or null for a typed name. */
  roomId: idField('实训室').nullable().default(null),
  name: requiredText('考场名称', 50),
  capacity: intField('考场容量', 1, 1000, '人'),
});

export const examSessionInputSchema = z
  .object({
    id: idField('场次编号').optional(),
    date: z.iso.date({ error: '场次日期应为 年-月-日，例如 2020-11-15' }),
    start: timeField('开始时间'),
    end: timeField('结束时间'),
  })
  .refine((s) => s.start < s.end, { error: '场次的结束时间应晚于开始时间', path: ['end'] });

/** Rooms, sessions and the ticket number settings of a batch, saved together. */
/** The person confirmed changing seats or numbers although tickets were already printed. */
const confirmPrintedField = z.boolean({ error: '“确认”应为是或否' }).default(false);

export const arrangementSetupSchema = z
  .object({
    batchId: batchIdField,
    rooms: z
      .array(examRoomInputSchema, { error: '考场列表格式不正确' })
      .max(100, { error: '一个批次最多 100 个考场' }),
    sessions: z
      .array(examSessionInputSchema, { error: '场次列表格式不正确' })
      .max(20, { error: '一个批次最多 20 个场次' }),
    ticketPattern: requiredText('准考证号规则', 100),
    batchCode: optionalText('批次代码', 30),
    /** Asked only when the change alters what printed tickets show (room, seat, number). */
    confirmPrinted: confirmPrintedField,
  })
  .strict();
export type ArrangementSetupInput = z.input<typeof arrangementSetupSchema>;

export const arrangementRunSchema = z
  .object({
    batchId: batchIdField,
    mode: z.enum(arrangementModes, { error: '请选择编排方式：原班或打乱' }),
    seed: z
      .number({ error: '随机种子应为整数' })
      .int({ error: '随机种子应为整数' })
      .min(0, { error: '随机种子应为 0–999999999 的整数' })
      .max(999_999_999, { error: '随机种子应为 0–999999999 的整数' }),
    /** The person confirmed rearranging although tickets were already printed. */
    confirmPrinted: confirmPrintedField,
  })
  .strict();

export const arrangementMoveSchema = z
  .object({
    signupId: idField('报名记录'),
    examRoomId: idField('考场'),
    sessionId: idField('场次'),
    seat: intField('座位号', 1, 1000),
    confirmPrinted: confirmPrintedField,
  })
  .strict();

export const arrangementClearSchema = z
  .object({ batchId: batchIdField, confirmPrinted: confirmPrintedField })
  .strict();

export const ticketsPdfSchema = z
  .object({
    batchId: batchIdField,
    perPage: z.union([z.literal(1), z.literal(2), z.literal(4)], {
      error: '每页张数应为 1、2 或 4',
    }),
  })
  .strict();

const batchOnly = z.object({ batchId: batchIdField }).strict();

export const admissionImportSchema = importRequestSchema.extend({ batchId: batchIdField }).strict();
export const admissionImportCommitSchema = admissionImportSchema
  .extend({ confirmPrinted: confirmPrintedField })
  .strict();

export interface ExamRoom {
  id: number;
  roomId: number | null;
  name: string;
  capacity: number;
  /** 考场号: its 1-based place in the batch's list. */
  no: number;
}

export interface ExamSession {
  id: number;
  date: string;
  start: string;
  end: string;
  /** 场次号, 1-based. */
  no: number;
}

export interface ArrangedCandidate {
  signupId: number;
  studentId: number;
  studentNo: string;
  name: string;
  className: string;
  idNumber: string;
  status: SignupStatus;
  examRoomId: number | null;
  sessionId: number | null;
  seat: number | null;
  /** The 准考证号 ('' when none yet). */
  admissionNo: string;
  /** The evaluation organization issued it (never replaced by a generated one). */
  issued: boolean;
}

export interface SeatCount {
  examRoomId: number;
  sessionId: number;
  seated: number;
  capacity: number;
}

export interface ArrangementPlan {
  batchId: number;
  batchLabel: string;
  certificateName: string;
  level: CertificateLevel;
  place: string;
  organization: string;
  mode: ArrangementMode;
  seed: number;
  ticketPattern: string;
  batchCode: string;
  arrangedAt: string | null;
  printedAt: string | null;
  rooms: ExamRoom[];
  sessions: ExamSession[];
  counts: SeatCount[];
  /** Every sign-up that is not withdrawn, seated or not, by 学号. */
  candidates: ArrangedCandidate[];
  seated: number;
  /** Seats of every room in every session. */
  capacity: number;
}

export const arrangementsContract = {
  'arrangements.get': { input: batchOnly, output: {} as ArrangementPlan },
  'arrangements.setup': { input: arrangementSetupSchema, output: {} as ArrangementPlan },
  /** What `arrangements.run` would save, saving nothing. */
  'arrangements.preview': { input: arrangementRunSchema, output: {} as ArrangementPlan },
  'arrangements.run': { input: arrangementRunSchema, output: {} as ArrangementPlan },
  'arrangements.move': { input: arrangementMoveSchema, output: {} as ArrangementPlan },
  'arrangements.clear': { input: arrangementClearSchema, output: {} as ArrangementPlan },
  'arrangements.ticketsPdf': { input: ticketsPdfSchema, output: {} as GeneratedFile },
  'arrangements.signInPdf': { input: batchOnly, output: {} as GeneratedFile },
  'arrangements.doorPdf': { input: batchOnly, output: {} as GeneratedFile },
  'arrangements.sheet': { input: batchOnly, output: {} as SheetDownload },
  /** The evaluation organization's 准考证号 list, matched to the batch's sign-ups. */
  ...importHandlers('arrangements', admissionImportSchema, admissionImportCommitSchema),
} as const;

const reads = ['batches', 'signups', 'students', 'rooms', 'catalogue', 'sites'] as const;

/** Rooms, sessions and seats are batch data; the 准考证号 lives on the sign-up. */
export const arrangementsTopics = {
  'arrangements.get': { reads },
  'arrangements.setup': { reads, writes: ['batches', 'signups'] },
  'arrangements.preview': { reads },
  'arrangements.run': { reads, writes: ['batches', 'signups'] },
  'arrangements.move': { reads, writes: ['batches', 'signups'] },
  'arrangements.clear': { reads, writes: ['batches', 'signups'] },
  // Printing tickets records when they were printed (rearranging afterwards asks first).
  'arrangements.ticketsPdf': { reads, writes: ['batches'] },
  'arrangements.signInPdf': { reads },
  'arrangements.doorPdf': { reads },
  'arrangements.sheet': { reads },
  'arrangements.importPreview': { reads, writes: ['uploads'] },
  'arrangements.importCommit': { reads, writes: ['signups', 'batches', 'uploads'] },
  'arrangements.importProblems': { reads, writes: ['uploads'] },
  'arrangements.importTemplate': { reads: ['system'] },
} as const satisfies TopicsOf<typeof arrangementsContract>;

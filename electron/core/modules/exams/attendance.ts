import type { z } from 'zod';
import type { GeneratedFile } from '../../../../shared/contract/files';
import type {
  AttendanceRow,
  AttendanceSaved,
  AttendanceSheet,
  Signup,
  attendanceSaveSchema,
} from '../../../../shared/contract/exams';
import {
  attendanceMarkLabels,
  attendanceOf,
  attendanceProblem,
  attendanceStatus,
} from '../../../../shared/domain/exams';
import { batchLabel } from '../../../../shared/domain/batchLabel';
import { safeFileName } from '../../../../shared/domain/fileNames';
import { attendanceCounts } from '../../../../shared/domain/signupFigures';
import { addSheet, newWorkbook, workbookBytes } from '../../io/sheetWriter';
import type { CoreContext } from '../../context';
import type { Db } from '../../db/open';
import { beforeExamProblem } from '../../../../shared/domain/examDay';
import { saveBatchEntries } from './batchEntries';
import { examDaysOf, getBatch } from './batches';
import { batchSeats, liveBatchSignups, signupSheetDetails } from './repository';
import { signupStateWriter } from './signupRepository';

/**
 * Where each sign-up sits, in the order of the sign-in sheets (session, room, seat): a map from
 * sign-up id to its label (e.g. “第1考场 第1场 05号”) in seat order; null while the batch is not
 * arranged (考场编排).
 */
export function seatOrder(db: Db, batchId: number): ReadonlyMap<number, string> | null {
  const seats = batchSeats(db, batchId);
  if (seats.length === 0) return null;
  return new Map(
    seats.map((s) => [
      s.signupId,
      `${s.room} 第${s.session + 1}场 ${String(s.seat).padStart(2, '0')}号`,
    ]),
  );
}

/** The batch's live sign-ups for 考勤登记: in seat order when arranged, else by 学号. */
function candidates(db: Db, batchId: number): { rows: AttendanceRow[]; seatOrder: boolean } {
  const rows = liveBatchSignups(db, batchId);
  const seats = seatOrder(db, batchId);
  const toRow = (s: Signup): AttendanceRow => ({
    signupId: s.id,
    studentId: s.studentId,
    studentNo: s.studentNo,
    name: s.name,
    className: s.className,
    status: s.status,
    mark: attendanceOf(s.status),
    score: s.score,
    seat: seats?.get(s.id) ?? null,
  });
  if (!seats) return { rows: rows.map(toRow), seatOrder: false };
  // Seated candidates in seat order, then anyone the arrangement left out, by 学号.
  const position = new Map([...seats.keys()].map((id, i) => [id, i]));
  const at = (s: Signup) => position.get(s.id) ?? Number.MAX_SAFE_INTEGER;
  return { rows: [...rows].sort((a, b) => at(a) - at(b)).map(toRow), seatOrder: true };
}

/**
 * 考勤登记: 实考 / 缺考 / 违纪 per candidate from the sign-in sheet. 实考 moves
 * 已报名 or 已缴费 to 已考 (a result already there stays); 缺考 and 违纪 are statuses of their own.
 * The counts are the batch's sign-up figures (`attendanceCounts`), as on 首页.
 */
export function attendanceService(ctx: CoreContext) {
  const { db } = ctx;

  const countsOf = (batchId: number) => attendanceCounts(getBatch(db, batchId).figures);

  function list(batchId: number): AttendanceSheet {
    getBatch(db, batchId);
    const { rows, seatOrder: seated } = candidates(db, batchId);
    return { batchId, seatOrder: seated, items: rows, counts: countsOf(batchId) };
  }

  /** Every row checked first, each refusal naming its student; all saved or none. */
  const save = db.transaction((input: z.output<typeof attendanceSaveSchema>): AttendanceSaved => {
    const day = examDaysOf(ctx, [input.batchId])(input.batchId);
    const at = ctx.now();
    const seen = new Set<number>();
    const write = signupStateWriter(db);
    const saved = saveBatchEntries(ctx, {
      batchId: input.batchId,
      entries: input.entries,
      what: '考勤',
      at,
      check: (entry, before) => {
        if (seen.has(entry.id)) return ['重复登记'];
        seen.add(entry.id);
        const problem = attendanceProblem(before.status, entry.mark, before.score);
        if (problem) return [`不能登记为“${attendanceMarkLabels[entry.mark]}”，${problem}`];
        if (attendanceOf(before.status) === entry.mark) return null;
        const early = beforeExamProblem(day, attendanceStatus[entry.mark]);
        return early ? [early] : { ...before, status: attendanceStatus[entry.mark] };
      },
      write: (after, when) => write.status(after.id, after.status, when),
    });
    return { ...saved, counts: countsOf(input.batchId) };
  });

  /**
   * 缺考名单: the batch's 缺考 and 违纪 candidates in seat order (by 学号 until
   * arranged), in the shared sheet style, with the counts in the title.
   */
  async function absentSheet(batchId: number): Promise<GeneratedFile> {
    const batch = getBatch(db, batchId);
    const { rows } = candidates(db, batchId);
    const missing = rows.filter((r) => r.mark === 'absent' || r.mark === 'violation');
    const details = new Map(signupSheetDetails(db, batchId).map((r) => [r.id, r]));
    const counts = attendanceCounts(batch.figures);
    const label = batchLabel(batch);
    const wb = await newWorkbook();
    addSheet(
      wb,
      '缺考名单',
      ['序号', '考场座位', '准考证号', '学号', '姓名', '身份证号', '专业', '班级', '考勤'],
      missing.map((r, i) => {
        const d = details.get(r.signupId);
        return [
          i + 1,
          r.seat ?? '',
          d?.admission_no ?? '',
          r.studentNo,
          r.name,
          d?.id_number ?? '',
          d?.major_text ?? '',
          r.className,
          attendanceMarkLabels[r.mark!],
        ];
      }),
      {
        textColumns: [2, 3, 5],
        title: {
          text: `${label} 缺考名单（应考 ${counts.expected} 人，实考 ${counts.present} 人，缺考 ${counts.absent} 人，违纪 ${counts.violation} 人）`,
          madeOn: ctx.today(),
        },
      },
    );
    const bytes = await workbookBytes(wb);
    return {
      fileName: `${safeFileName(`${label} 缺考名单`)}.xlsx`,
      contentBase64: bytes.toString('base64'),
    };
  }

  return {
    list,
    absentSheet,
    save: (input: z.output<typeof attendanceSaveSchema>) => save(input),
  };
}

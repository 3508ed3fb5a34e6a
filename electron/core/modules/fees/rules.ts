import type {
  FeeViolations,
  OverCapViolation,
  SchoolPaidViolation,
} from '../../../../shared/contract/fees';
import { limitText } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import type { Payer, SignupStatus } from '../../../../shared/domain/fees';
import type { Db } from '../../db/open';
import { loadBatches, marks, type BatchInfo } from './batches';

interface ViolatorRow {
  id: number;
  student_no: string;
  name: string;
  class_name: string;
}

/**
 * Rule 13: every pilot student with a non-withdrawn sign-up has at least one non-withdrawn
 * sign-up paid by the school or a subsidy. Returns the students who have none, by 学号, each
 * with all their sign-ups. One pass over the sign-ups' student index, grouped by student.
 */
export function schoolPaidViolations(
  db: Db,
  batches: Map<number, BatchInfo> = loadBatches(db),
): SchoolPaidViolation[] {
  const students = db
    .prepare<[], ViolatorRow>(
      // Only students paying a live sign-up themselves can break it: they are few, listed by the
      // covering partial index signups_student_pays (migration 011); each is checked for a live
      // school or subsidy sign-up in the index before their student row is read.
      `SELECT s.id, s.student_no, s.name, s.class_name FROM students s
       WHERE s.pilot = 1 AND s.id IN (
         SELECT p.student_id FROM signups p
         WHERE p.payer = 'student' AND p.status <> 'withdrawn'
           AND NOT EXISTS (SELECT 1 FROM signups g WHERE g.student_id = p.student_id
                           AND g.status <> 'withdrawn' AND g.payer <> 'student'))
       ORDER BY s.student_no`,
    )
    .all();
  if (students.length === 0) return [];
  const byStudent = new Map<number, SchoolPaidViolation>(
    students.map((s) => [
      s.id,
      {
        studentId: s.id,
        studentNo: s.student_no,
        name: s.name,
        className: s.class_name,
        signups: [],
      },
    ]),
  );
  const ids = [...byStudent.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db
      .prepare<
        unknown[],
        {
          id: number;
          student_id: number;
          batch_id: number;
          status: SignupStatus;
          payer: Payer;
          fee_fen: number;
        }
      >(
        `SELECT id, student_id, batch_id, status, payer, fee_fen FROM signups
         WHERE student_id IN (${marks(chunk)}) ORDER BY id`,
      )
      .all(...chunk);
    for (const r of rows) {
      byStudent.get(r.student_id)?.signups.push({
        id: r.id,
        batchLabel: batches.get(r.batch_id)?.label ?? `#${r.batch_id}`,
        status: r.status,
        payer: r.payer,
        feeFen: r.fee_fen,
      });
    }
  }
  return [...byStudent.values()];
}

/**
 * Rule 11: batches, and non-withdrawn sign-ups, whose fee exceeds the cap (or approved fee) in
 * force on the batch's exam date for its exam form (`ceilingInForce`): an old batch is judged by
 * the figure of its day, not by today's.
 */
export function overCapViolations(
  db: Db,
  batches: Map<number, BatchInfo> = loadBatches(db),
): OverCapViolation[] {
  const out: OverCapViolation[] = [];
  const signupsOver = db.prepare<
    [number, number],
    { id: number; student_id: number; fee_fen: number; student_no: string; name: string }
  >(
    `SELECT g.id, g.student_id, g.fee_fen, s.student_no, s.name
     FROM signups g INDEXED BY signups_batch_fee JOIN students s ON s.id = g.student_id
     WHERE g.batch_id = ? AND g.status <> 'withdrawn' AND g.fee_fen > ?
     ORDER BY s.student_no`,
  );
  for (const b of batches.values()) {
    const limit = b.feeLimit;
    if (limit === null) continue;
    const base = {
      batchId: b.id,
      batchLabel: b.label,
      certificateName: b.certificateName,
      level: b.level,
      capFen: limit.amountFen,
      capDocument: limit.document,
      examDate: b.examDate,
      limitText: `${formatChineseDate(b.examDate)} 适用的${limitText(limit)}`,
    };
    if (b.feeFen > limit.amountFen) {
      out.push({
        ...base,
        kind: 'batch',
        id: b.id,
        studentId: null,
        studentNo: null,
        name: null,
        feeFen: b.feeFen,
      });
    }
    for (const g of signupsOver.all(b.id, limit.amountFen)) {
      out.push({
        ...base,
        kind: 'signup',
        id: g.id,
        studentId: g.student_id,
        studentNo: g.student_no,
        name: g.name,
        feeFen: g.fee_fen,
      });
    }
  }
  return out;
}

export function feeViolations(db: Db): FeeViolations {
  const batches = loadBatches(db);
  return { schoolPaid: schoolPaidViolations(db, batches), overCap: overCapViolations(db, batches) };
}

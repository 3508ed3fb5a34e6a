import {
  UNSCHEDULED_LISTED,
  type AboveAgreementViolation,
  type CapMissingViolation,
  type FeeViolations,
  type OverCapViolation,
  type SchoolPaidViolation,
} from '../../../../shared/contract/fees';
import { limitText } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { schoolPaidStanding } from '../../../../shared/domain/fees';
import type { Signup } from '../../../../shared/contract/exams';
import type { Db } from '../../db/open';
import { loadBatches, type BatchInfo } from './batches';
import { batchCapStandings, type BatchCapStanding } from './capStandings';
import {
  schoolPaidCandidates,
  signupFactsOfStudents,
  signupsOverCapFinder,
  type CandidateRow,
  type SignupFactRow,
} from './repository';

/**
 * Rule 13 (`schoolPaidStanding` in shared/domain/fees.ts decides): the pilot students whose live
 * sign-ups are all self-paid (只有自费, violations) and those with no live sign-up yet (尚未安排,
 * a to-do: all counted, the first `UNSCHEDULED_LISTED` listed), by 学号, each with all their
 * sign-ups. SQL only narrows the candidates to pilot students without a live school-paid or
 * subsidised sign-up (one seek each into `signups_student_fee`); their sign-ups are then read
 * and judged by the domain rule.
 */
export function schoolPaidViolations(
  db: Db,
  batches: Map<number, BatchInfo> = loadBatches(db),
): Pick<FeeViolations, 'schoolPaid' | 'unscheduled'> {
  const candidates = schoolPaidCandidates(db);
  const signupsOf = new Map<number, SignupFactRow[]>();
  const ids = candidates.map((c) => c.id);
  for (const r of signupFactsOfStudents(db, ids)) {
    const list = signupsOf.get(r.student_id);
    if (list) list.push(r);
    else signupsOf.set(r.student_id, [r]);
  }
  const listed = (c: CandidateRow, signups: SignupFactRow[]): SchoolPaidViolation => ({
    studentId: c.id,
    studentNo: c.student_no,
    name: c.name,
    className: c.class_name,
    signups: signups.map((r) => ({
      id: r.id,
      batchLabel: batches.get(r.batch_id)?.label ?? `#${r.batch_id}`,
      status: r.status,
      payer: r.payer,
      feeFen: r.fee_fen,
    })),
  });
  const schoolPaid: SchoolPaidViolation[] = [];
  const unscheduled: FeeViolations['unscheduled'] = { count: 0, students: [] };
  for (const c of candidates) {
    const signups = signupsOf.get(c.id) ?? [];
    const standing = schoolPaidStanding(signups);
    if (standing === 'selfPaidOnly') schoolPaid.push(listed(c, signups));
    if (standing === 'unscheduled') {
      unscheduled.count += 1;
      if (unscheduled.students.length < UNSCHEDULED_LISTED) {
        unscheduled.students.push(listed(c, signups));
      }
    }
  }
  return { schoolPaid, unscheduled };
}

/**
 * Rule 13 before a withdrawal: the pilot students whom withdrawing these sign-ups leaves without
 * a live sign-up paid by the school or a subsidy (they have one now), as 姓名（学号）, by 学号.
 */
export function schoolPaidLostBy(
  db: Db,
  withdrawing: readonly Pick<Signup, 'id' | 'studentId' | 'studentNo' | 'name' | 'pilot'>[],
): string[] {
  const leaving = new Set(withdrawing.map((s) => s.id));
  const students = new Map(withdrawing.filter((s) => s.pilot).map((s) => [s.studentId, s]));
  const signupsOf = new Map<number, SignupFactRow[]>();
  for (const r of signupFactsOfStudents(db, [...students.keys()])) {
    signupsOf.set(r.student_id, [...(signupsOf.get(r.student_id) ?? []), r]);
  }
  return [...students.values()]
    .filter((s) => {
      const now = signupsOf.get(s.studentId) ?? [];
      const after = now.map((g) =>
        leaving.has(g.id) ? { ...g, status: 'withdrawn' as const } : g,
      );
      return schoolPaidStanding(now) === 'met' && schoolPaidStanding(after) !== 'met';
    })
    .sort((a, b) => a.studentNo.localeCompare(b.studentNo))
    .map((s) => `${s.name}（${s.studentNo}）`);
}

/**
 * Rule 11: batches, and non-withdrawn sign-ups, whose fee exceeds the cap (or approved fee) in
 * force on the batch's exam date for its exam form (`ceilingInForce`): an old batch is judged by
 * the figure of its day, not by today's. `standings` is `batchCapStandings`, read once.
 */
export function overCapViolations(
  db: Db,
  batches: Map<number, BatchInfo> = loadBatches(db),
  standings: readonly BatchCapStanding[] = batchCapStandings(db, batches),
): OverCapViolation[] {
  const out: OverCapViolation[] = [];
  const signupsOver = signupsOverCapFinder(db);
  for (const { batch: b, standing } of standings) {
    const limit = b.feeLimit;
    if (standing !== 'over' || limit === null) continue;
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
    for (const g of signupsOver(b.id, limit.amountFen)) {
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

/**
 * Rule 11 that cannot be checked: batches charging a fee with no cap or approved fee in force on
 * their exam date for their level and exam form. Flagged, not refused (a cap may be entered
 * later), and never counted as within the cap.
 */
export function capMissingViolations(
  standings: readonly BatchCapStanding[],
): CapMissingViolation[] {
  return standings.flatMap(({ batch: b, highestFen, standing }) =>
    standing === 'unchecked'
      ? [
          {
            batchId: b.id,
            batchLabel: b.label,
            certificateId: b.certificateId,
            certificateName: b.certificateName,
            level: b.level,
            examForm: b.examForm,
            examDate: b.examDate,
            feeFen: highestFen,
          },
        ]
      : [],
  );
}

/** Batches charging more than the 费用协商 in force for them, by exam date. */
export function aboveAgreementViolations(
  batches: Map<number, BatchInfo>,
): AboveAgreementViolation[] {
  return [...batches.values()].flatMap((b) =>
    b.agreedFee !== null && b.feeFen > b.agreedFee.feeFen
      ? [
          {
            batchId: b.id,
            batchLabel: b.label,
            feeFen: b.feeFen,
            agreedFen: b.agreedFee.feeFen,
            agreedOn: b.agreedFee.agreedOn,
          },
        ]
      : [],
  );
}

export function feeViolations(db: Db): FeeViolations {
  const batches = loadBatches(db);
  const standings = batchCapStandings(db, batches);
  return {
    ...schoolPaidViolations(db, batches),
    overCap: overCapViolations(db, batches, standings),
    capMissing: capMissingViolations(standings),
    aboveAgreement: aboveAgreementViolations(batches),
  };
}

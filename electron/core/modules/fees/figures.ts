import type { Payer, SignupStatus } from '../../../../shared/domain/fees';
import {
  addSignupGroup,
  addUpSignups,
  noSignupFigures,
  type SignupFigures,
} from '../../../../shared/domain/signupFigures';
import type { Db } from '../../db/open';

/**
 * The one query of sign-up counts and fees: groups of sign-ups per batch × status × payer ×
 * the student's major, read from `signup_sums` (kept by the triggers of migration 009, so it
 * never disagrees with `signups`). Every page adds these groups up with the domain's
 * `addUpSignups`, which decides what counts (withdrawn sign-ups apart). The few queries that
 * must narrow to live sign-ups in SQL (to reach the partial indexes of migrations 009 and 011)
 * spell `isLiveSignup` as `status <> 'withdrawn'`, exactly as those indexes do.
 */
export interface BatchSignupGroup {
  batchId: number;
  status: SignupStatus;
  payer: Payer;
  /** `id:<major id>` or `text:<typed major>`. */
  majorKey: string;
  n: number;
  fen: number;
}

export function signupGroups(db: Db, batchId: number | null = null): BatchSignupGroup[] {
  return db
    .prepare<[number | null, number | null], BatchSignupGroup>(
      `SELECT batch_id AS batchId, status, payer, major_key AS majorKey, n, fen FROM signup_sums
       WHERE n > 0 AND (? IS NULL OR batch_id = ?)`,
    )
    .all(batchId, batchId);
}

/** The figures of every batch that has sign-ups, by batch id. */
export function figuresByBatch(db: Db, batchId: number | null = null): Map<number, SignupFigures> {
  const out = new Map<number, SignupFigures>();
  for (const g of signupGroups(db, batchId)) {
    let f = out.get(g.batchId);
    if (!f) out.set(g.batchId, (f = noSignupFigures()));
    addSignupGroup(f, g);
  }
  return out;
}

/** The figures of every sign-up: 报名人次, 费用合计 by payer, results, withdrawn apart. */
export function allSignupFigures(db: Db): SignupFigures {
  return addUpSignups(signupGroups(db));
}

import type { Db } from '../../db/open';

/** Whether the school is saved, and how many students and pilot students there are. */
export function dashboardCounts(db: Db): () => { school: number; students: number; pilot: number } {
  const counts = db.prepare<[], { school: number; students: number; pilot: number }>(
    `SELECT (SELECT count(*) FROM school) AS school,
            (SELECT count(*) FROM students) AS students,
            (SELECT count(*) FROM students WHERE pilot = 1) AS pilot`,
  );
  return () => counts.get()!;
}

/**
 * Each batch's highest live sign-up fee (null without one): prepared once, run per batch, one
 * index probe each (`signups_batch_fee`).
 */
export function batchMaxFeeReader(db: Db): (batchId: number) => number | null {
  const maxFee = db.prepare<[number], { fee: number | null }>(
    `SELECT max(fee_fen) AS fee FROM signups INDEXED BY signups_batch_fee
     WHERE batch_id = ? AND status <> 'withdrawn'`,
  );
  return (batchId) => maxFee.get(batchId)?.fee ?? null;
}

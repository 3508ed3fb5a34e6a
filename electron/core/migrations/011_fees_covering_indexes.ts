/**
 * Fee ledger at 100,000 sign-ups, second pass (target: a ledger query in ≤ 30 ms in the core, as
 * `npm run bench` measures in test/bench/fees.bench.ts).
 *
 * - `signups_student_fee` replaces `signups_student` with the fee added, so the ledger's count
 *   and fee sum for a 学号/name search (sign-ups reached through their students) read the index
 *   alone instead of every matching sign-up's row.
 * - `signups_student_pays` replaces `signups_student_paid` with the columns its WHERE names, so
 *   rule 13 lists the students paying a live sign-up themselves from the index alone.
 */
export default /* sql */ `
CREATE INDEX signups_student_fee ON signups (student_id, status, payer, batch_id, fee_fen);
DROP INDEX signups_student;
CREATE INDEX signups_student_pays ON signups (student_id, status, payer)
  WHERE payer = 'student' AND status <> 'withdrawn';
DROP INDEX signups_student_paid;
`;

/**
 * The fee ledger at 100,000 sign-ups (target: a ledger query in ≤ 30 ms in the core, as
 * `npm run bench` measures in test/bench/fees.bench.ts).
 *
 * - `signup_sums`: count and fee sum of sign-ups per batch × status × payer × the student's
 *   major, kept by triggers in the same statement as every change to a sign-up or a student's
 *   major (so it can never disagree with `signups`). Totals by certificate, level, major and
 *   payer, and the reconciliation, read its few thousand rows instead of every sign-up.
 * - `signups_student_paid`: the live sign-ups a student pays; rule 13 (a school-paid exam for
 *   every pilot student) only needs to look at those students.
 * - `signups_batch_fee`: live fees per batch in order, so “fee above the cap” is one seek per
 *   batch.
 */
const majorKey = (s: string) =>
  `(SELECT CASE WHEN major_id IS NOT NULL THEN 'id:' || major_id ELSE 'text:' || major_text END
    FROM students WHERE id = ${s})`;

const addToSums = (row: string) => `
  INSERT INTO signup_sums (batch_id, status, payer, major_key, n, fen)
  SELECT ${row}.batch_id, ${row}.status, ${row}.payer, ${majorKey(`${row}.student_id`)}, 1, ${row}.fee_fen
  WHERE true
  ON CONFLICT (batch_id, status, payer, major_key)
  DO UPDATE SET n = n + 1, fen = fen + excluded.fen;`;

const subtractFromSums = (row: string) => `
  UPDATE signup_sums SET n = n - 1, fen = fen - ${row}.fee_fen
  WHERE batch_id = ${row}.batch_id AND status = ${row}.status AND payer = ${row}.payer
    AND major_key = ${majorKey(`${row}.student_id`)};`;

const majorKeyOf = (row: string) =>
  `CASE WHEN ${row}.major_id IS NOT NULL THEN 'id:' || ${row}.major_id ELSE 'text:' || ${row}.major_text END`;

const groupsOfStudent = (student: string) => `(SELECT batch_id, status, payer, count(*) AS n,
    sum(fee_fen) AS fen FROM signups WHERE student_id = ${student} GROUP BY batch_id, status, payer)`;

/** The triggers on `signups` that keep `signup_sums` (migration 021 rebuilds them with the table). */
export const signupSumsTriggers = `CREATE TRIGGER signup_sums_insert AFTER INSERT ON signups BEGIN ${addToSums('NEW')} END;
CREATE TRIGGER signup_sums_delete AFTER DELETE ON signups BEGIN ${subtractFromSums('OLD')} END;
CREATE TRIGGER signup_sums_update
AFTER UPDATE OF batch_id, status, payer, fee_fen, student_id ON signups
BEGIN ${subtractFromSums('OLD')} ${addToSums('NEW')} END;`;

/** The trigger on `students` that moves a student's sums when their major changes. */
export const studentMajorTrigger = `CREATE TRIGGER signup_sums_student_major
AFTER UPDATE OF major_id, major_text ON students
WHEN (${majorKeyOf('OLD')}) IS NOT (${majorKeyOf('NEW')})
BEGIN
  UPDATE signup_sums SET n = signup_sums.n - g.n, fen = signup_sums.fen - g.fen
  FROM ${groupsOfStudent('NEW.id')} AS g
  WHERE signup_sums.batch_id = g.batch_id AND signup_sums.status = g.status
    AND signup_sums.payer = g.payer AND signup_sums.major_key = ${majorKeyOf('OLD')};
  INSERT INTO signup_sums (batch_id, status, payer, major_key, n, fen)
  SELECT g.batch_id, g.status, g.payer, ${majorKeyOf('NEW')}, g.n, g.fen FROM ${groupsOfStudent('NEW.id')} AS g
  WHERE true
  ON CONFLICT (batch_id, status, payer, major_key)
  DO UPDATE SET n = n + excluded.n, fen = fen + excluded.fen;
END;`;

export default /* sql */ `
CREATE TABLE signup_sums (
  batch_id INTEGER NOT NULL,
  status TEXT NOT NULL,
  payer TEXT NOT NULL,
  major_key TEXT NOT NULL,
  n INTEGER NOT NULL,
  fen INTEGER NOT NULL,
  PRIMARY KEY (batch_id, status, payer, major_key)
) WITHOUT ROWID;

INSERT INTO signup_sums (batch_id, status, payer, major_key, n, fen)
SELECT g.batch_id, g.status, g.payer, ${majorKeyOf('s')}, count(*), sum(g.fee_fen)
FROM signups g JOIN students s ON s.id = g.student_id
GROUP BY g.batch_id, g.status, g.payer, 4;

${signupSumsTriggers}

-- A student's major changed (also when a deleted major sets it to NULL): move their sign-ups.
${studentMajorTrigger}

CREATE INDEX signups_student_paid ON signups (student_id)
  WHERE payer = 'student' AND status <> 'withdrawn';
CREATE INDEX signups_batch_fee ON signups (batch_id, fee_fen) WHERE status <> 'withdrawn';
`;

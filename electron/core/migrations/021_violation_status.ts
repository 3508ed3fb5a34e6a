import { signupSumsTriggers, studentMajorTrigger } from './009_fees_indexes';

/**
 * 违纪: a sign-up's status may be 'violation' — the candidate sat but broke
 * the exam rules, so the sitting is void: no score, fee still owed, final like 缺考.
 *
 * SQLite cannot change a CHECK, so `signups` is rebuilt the way SQLite documents it (the
 * migration runs with foreign key enforcement off — `fund_entries` points at it — and is checked
 * with `foreign_key_check` before it commits): the new table built beside the old one with every
 * column in the same order (migration 016's three included), the rows copied with their ids, the
 * old table dropped, the new one renamed into its place, then its indexes and the `signup_sums`
 * triggers (migration 009) created again exactly as they were. The sums are not touched: the
 * rows, their statuses and fees are the same. The trigger on `students` names `signups`, so it is
 * dropped first and created again after the rename.
 */
export default /* sql */ `
DROP TRIGGER signup_sums_student_major;

CREATE TABLE signups_v21 (
  id INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  batch_id INTEGER NOT NULL REFERENCES exam_batches (id) ON DELETE RESTRICT,
  status TEXT NOT NULL DEFAULT 'registered'
    CHECK (status IN ('registered', 'paid', 'examined', 'passed', 'failed', 'absent', 'violation', 'withdrawn')),
  score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1000)),
  certificate_no TEXT NOT NULL DEFAULT '',
  issued_on TEXT NOT NULL DEFAULT '',
  platform_registered INTEGER NOT NULL DEFAULT 0 CHECK (platform_registered IN (0, 1)),
  credit_bank INTEGER NOT NULL DEFAULT 0 CHECK (credit_bank IN (0, 1)),
  fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0 AND fee_fen = CAST(fee_fen AS INTEGER)),
  payer TEXT NOT NULL DEFAULT 'school' CHECK (payer IN ('school', 'subsidy', 'student')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  theory_score REAL
    CHECK (theory_score IS NULL OR (theory_score >= 0 AND theory_score <= 1000)),
  practical_score REAL
    CHECK (practical_score IS NULL OR (practical_score >= 0 AND practical_score <= 1000)),
  admission_no TEXT NOT NULL DEFAULT '',
  UNIQUE (student_id, batch_id),
  CHECK (platform_registered = 0 OR status = 'passed'),
  CHECK (credit_bank = 0 OR platform_registered = 1)
);
INSERT INTO signups_v21 (id, student_id, batch_id, status, score, certificate_no, issued_on,
    platform_registered, credit_bank, fee_fen, payer, created_at, updated_at, theory_score,
    practical_score, admission_no)
  SELECT id, student_id, batch_id, status, score, certificate_no, issued_on,
    platform_registered, credit_bank, fee_fen, payer, created_at, updated_at, theory_score,
    practical_score, admission_no
  FROM signups ORDER BY id;

DROP TABLE signups;
ALTER TABLE signups_v21 RENAME TO signups;

CREATE INDEX signups_batch ON signups (batch_id, status, payer, fee_fen, student_id);
CREATE INDEX signups_updated ON signups (updated_at);
CREATE INDEX signups_batch_fee ON signups (batch_id, fee_fen) WHERE status <> 'withdrawn';
CREATE INDEX signups_created ON signups (created_at, batch_id);
CREATE INDEX signups_issued ON signups (issued_on, batch_id) WHERE issued_on <> '';
CREATE INDEX signups_student_fee ON signups (student_id, status, payer, batch_id, fee_fen);
CREATE INDEX signups_student_pays ON signups (student_id, status, payer)
  WHERE payer = 'student' AND status <> 'withdrawn';
CREATE INDEX signups_admission_no ON signups (batch_id, admission_no) WHERE admission_no <> '';

${signupSumsTriggers}

${studentMajorTrigger}
`;

/**
 * Exams and money (notice rules 9–13): exam batches (考核批次), fee agreements (费用协商),
 * sign-ups (考核报名) carrying their fee and payer, and payments to evaluation organizations.
 *
 * - Money is integer fen everywhere.
 * - A sign-up's payer is 学校承担 / 财政补助 / 学生自愿自费; there is deliberately no column or
 *   value for a training fee charged to a student (rule 12).
 * - Credit-bank flags only on a pass registered on the platform (rule 10), enforced here too.
 * - A batch or student with sign-ups cannot be deleted from under them (RESTRICT); the core
 *   says which sign-ups first.
 * - Fee agreements keep the cap in force and its document as they were when agreed; the fee
 *   never exceeds that cap (rule 11), enforced here too.
 */
export default /* sql */ `
CREATE TABLE exam_batches (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  level TEXT NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  name TEXT NOT NULL DEFAULT '',
  exam_date TEXT NOT NULL CHECK (exam_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  site_id INTEGER REFERENCES training_sites (id) ON DELETE SET NULL,
  site_text TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0 AND fee_fen = CAST(fee_fen AS INTEGER)),
  capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX exam_batches_certificate ON exam_batches (certificate_id, level, exam_date);
CREATE INDEX exam_batches_date ON exam_batches (exam_date);

CREATE TABLE fee_agreements (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  level TEXT NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0 AND fee_fen = CAST(fee_fen AS INTEGER)),
  cap_fen INTEGER NOT NULL CHECK (cap_fen > 0),
  cap_document TEXT NOT NULL CHECK (cap_document <> ''),
  agreed_on TEXT NOT NULL CHECK (agreed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  partner_schools_json TEXT NOT NULL DEFAULT '[]',
  attachment_id INTEGER REFERENCES attachments (id) ON DELETE SET NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (fee_fen <= cap_fen)
);
CREATE INDEX fee_agreements_certificate ON fee_agreements (certificate_id, level, agreed_on);

CREATE TABLE signups (
  id INTEGER PRIMARY KEY,
  student_id INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  batch_id INTEGER NOT NULL REFERENCES exam_batches (id) ON DELETE RESTRICT,
  status TEXT NOT NULL DEFAULT 'registered'
    CHECK (status IN ('registered', 'paid', 'examined', 'passed', 'failed', 'absent', 'withdrawn')),
  score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 1000)),
  certificate_no TEXT NOT NULL DEFAULT '',
  issued_on TEXT NOT NULL DEFAULT '',
  platform_registered INTEGER NOT NULL DEFAULT 0 CHECK (platform_registered IN (0, 1)),
  credit_bank INTEGER NOT NULL DEFAULT 0 CHECK (credit_bank IN (0, 1)),
  fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0 AND fee_fen = CAST(fee_fen AS INTEGER)),
  payer TEXT NOT NULL DEFAULT 'school' CHECK (payer IN ('school', 'subsidy', 'student')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (student_id, batch_id),
  CHECK (platform_registered = 0 OR status = 'passed'),
  CHECK (credit_bank = 0 OR platform_registered = 1)
);
-- Covering indexes for the batch list, the per-student view, and the aggregates (by status and
-- payer with the fee) at 100,000 sign-ups.
CREATE INDEX signups_batch ON signups (batch_id, status, payer, fee_fen, student_id);
CREATE INDEX signups_student ON signups (student_id, status, payer, batch_id);
CREATE INDEX signups_updated ON signups (updated_at);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  organization TEXT NOT NULL CHECK (organization <> ''),
  batch_id INTEGER REFERENCES exam_batches (id) ON DELETE SET NULL,
  invoice_no TEXT NOT NULL DEFAULT '',
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0 AND amount_fen = CAST(amount_fen AS INTEGER)),
  paid_on TEXT NOT NULL CHECK (paid_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX payments_batch ON payments (batch_id, paid_on);
CREATE INDEX payments_organization ON payments (organization, paid_on);
`;

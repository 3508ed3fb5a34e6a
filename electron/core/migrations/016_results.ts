/**
 * Results as the evaluation organization sends them back: each sign-up keeps
 * the theory and practical parts of its score beside the total, and the organization's own
 * 准考证号 when its sheet gives one, so a later sheet can be matched by it. A batch may record
 * the organization's pass line and the theory share of the total (practical: the rest), both
 * unset (NULL) until known.
 */
export default /* sql */ `
ALTER TABLE signups ADD COLUMN theory_score REAL
  CHECK (theory_score IS NULL OR (theory_score >= 0 AND theory_score <= 1000));
ALTER TABLE signups ADD COLUMN practical_score REAL
  CHECK (practical_score IS NULL OR (practical_score >= 0 AND practical_score <= 1000));
ALTER TABLE signups ADD COLUMN admission_no TEXT NOT NULL DEFAULT '';
ALTER TABLE exam_batches ADD COLUMN pass_score REAL
  CHECK (pass_score IS NULL OR (pass_score >= 0 AND pass_score <= 1000));
ALTER TABLE exam_batches ADD COLUMN theory_weight INTEGER
  CHECK (theory_weight IS NULL OR (theory_weight >= 0 AND theory_weight <= 100));
CREATE INDEX signups_admission_no ON signups (batch_id, admission_no) WHERE admission_no <> '';
`;

/**
 * Results as the evaluation organization sends them back (issue 14, item 5): each sign-up keeps
 * the theory and practical parts of its score beside the total, and the organization's own
 * 准考证号 when its sheet gives one, so a later sheet can be matched by it.
 */
export default /* sql */ `
ALTER TABLE signups ADD COLUMN theory_score REAL
  CHECK (theory_score IS NULL OR (theory_score >= 0 AND theory_score <= 1000));
ALTER TABLE signups ADD COLUMN practical_score REAL
  CHECK (practical_score IS NULL OR (practical_score >= 0 AND practical_score <= 1000));
ALTER TABLE signups ADD COLUMN admission_no TEXT NOT NULL DEFAULT '';
CREATE INDEX signups_admission_no ON signups (batch_id, admission_no) WHERE admission_no <> '';
`;

/**
 * Caps by exam form and date (rule 11 over time): a level's cost caps and province-approved fees
 * move from one figure per level (certificate_levels.cost_cap_fen) to `certificate_fee_limits`,
 * each with its kind, exam form, document and validity period, so an old batch is judged by the
 * figure in force on its exam date. Batches and fee agreements record their exam form.
 *
 * Existing caps become caps of form 'any' (未区分: applies to every form) valid with both ends
 * open: the figure the user had entered, from the beginning and without end, so every batch is
 * judged exactly as before until the user records dates or forms. No data is lost; the old
 * columns go, their values live on here.
 */
// The new levels table is built beside the old one, the old one dropped, the new one renamed
// into its place.
export default /* sql */ `
CREATE TABLE certificate_levels_v12 (
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  level TEXT NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (certificate_id, level)
) WITHOUT ROWID;
INSERT INTO certificate_levels_v12 (certificate_id, level, updated_at)
  SELECT certificate_id, level, updated_at FROM certificate_levels;

CREATE TABLE certificate_fee_limits (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE CASCADE,
  level TEXT NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  kind TEXT NOT NULL CHECK (kind IN ('cap', 'approved_fee')),
  exam_form TEXT NOT NULL DEFAULT 'any'
    CHECK (exam_form IN ('any', 'paper', 'computer', 'practical', 'special_practical')),
  amount_fen INTEGER NOT NULL
    CHECK (amount_fen > 0 AND amount_fen = CAST(amount_fen AS INTEGER)),
  document TEXT NOT NULL CHECK (length(trim(document)) > 0),
  valid_from TEXT CHECK (valid_from IS NULL OR valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  valid_until TEXT CHECK (valid_until IS NULL OR valid_until GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at TEXT NOT NULL,
  CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until),
  -- The approved fee is one figure per certificate level in a province, whatever the form.
  CHECK (kind = 'cap' OR exam_form = 'any')
);
CREATE INDEX certificate_fee_limits_by_level
  ON certificate_fee_limits (certificate_id, level, kind, exam_form, valid_from);
INSERT INTO certificate_fee_limits
    (certificate_id, level, kind, exam_form, amount_fen, document, valid_from, valid_until, updated_at)
  SELECT certificate_id, level, 'cap', 'any', cost_cap_fen, cap_document, NULL, NULL, updated_at
  FROM certificate_levels WHERE cost_cap_fen IS NOT NULL
  ORDER BY certificate_id, level;

DROP TABLE certificate_levels;
ALTER TABLE certificate_levels_v12 RENAME TO certificate_levels;

-- Limits go with their level (the core deletes and audits them first; this keeps the file
-- consistent whatever writes it).
CREATE TRIGGER certificate_fee_limits_level_gone AFTER DELETE ON certificate_levels
BEGIN
  DELETE FROM certificate_fee_limits
  WHERE certificate_id = OLD.certificate_id AND level = OLD.level;
END;

ALTER TABLE exam_batches ADD COLUMN exam_form TEXT
  CHECK (exam_form IS NULL OR exam_form IN ('paper', 'computer', 'practical', 'special_practical'));
ALTER TABLE fee_agreements ADD COLUMN exam_form TEXT
  CHECK (exam_form IS NULL OR exam_form IN ('paper', 'computer', 'practical', 'special_practical'));
`;

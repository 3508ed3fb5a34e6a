/**
 * Candidate photos (证件照).
 *
 * - `student_photos`: a student's 证件照, one per student, its content stored once like every
 *   attachment (`attachments`, migration 005) with its pixel size and the name of the file it
 *   came from. It goes with the student (CASCADE); the content stays while anything names it.
 * - `photo_rules`: what an evaluation organization asks of a photo (file size range in KB,
 *   minimum pixel size) and how it wants the files named; the row of organization '' is the
 *   default for every organization without its own.
 * - `signup_documents`: a candidate's other papers for a batch (职业技能等级证书申请表, ID scan,
 *   在读证明), one of each kind per sign-up, stored like attachments; they go with the sign-up.
 */
export default /* sql */ `
CREATE TABLE student_photos (
  student_id INTEGER PRIMARY KEY REFERENCES students (id) ON DELETE CASCADE,
  attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE RESTRICT,
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  source_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX student_photos_attachment ON student_photos (attachment_id);

CREATE TABLE photo_rules (
  organization TEXT PRIMARY KEY,
  min_kb INTEGER NOT NULL CHECK (min_kb >= 0),
  max_kb INTEGER NOT NULL CHECK (max_kb > min_kb),
  min_width INTEGER NOT NULL CHECK (min_width >= 0),
  min_height INTEGER NOT NULL CHECK (min_height >= 0),
  name_pattern TEXT NOT NULL CHECK (name_pattern <> ''),
  updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE signup_documents (
  id INTEGER PRIMARY KEY,
  signup_id INTEGER NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('application_form', 'id_scan', 'enrolment_proof')),
  attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE RESTRICT,
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 255),
  created_at TEXT NOT NULL,
  UNIQUE (signup_id, kind)
);
CREATE INDEX signup_documents_attachment ON signup_documents (attachment_id);
`;

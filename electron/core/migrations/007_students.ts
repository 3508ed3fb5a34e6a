/**
 * Students (学生).
 * - 学号 is unique ignoring letter case; (证件类型, 证件号码) is unique.
 * - major_id links to a major of the school; ON DELETE SET NULL leaves no dangling id, and
 *   major_text keeps the major as the roster (or the form) named it, so a student whose major
 *   was deleted or never matched still shows it and can be linked again by name or code.
 * - Indexes serve the list page at 50,000 students: prefix search on name, 学号 and ID number,
 *   filters on major, class, entry year and the pilot flag, and sorting by any column.
 */
export default /* sql */ `
CREATE TABLE students (
  id INTEGER PRIMARY KEY,
  student_no TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (student_no <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  id_type TEXT NOT NULL CHECK (id_type IN ('resident', 'hk_macao', 'taiwan', 'passport', 'other')),
  id_number TEXT NOT NULL CHECK (id_number <> ''),
  gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  major_id INTEGER REFERENCES majors (id) ON DELETE SET NULL,
  major_text TEXT NOT NULL DEFAULT '',
  class_name TEXT NOT NULL DEFAULT '',
  entry_year INTEGER CHECK (entry_year IS NULL OR entry_year BETWEEN 1950 AND 2100),
  phone TEXT NOT NULL DEFAULT '',
  pilot INTEGER NOT NULL DEFAULT 1 CHECK (pilot IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (id_type, id_number)
);
-- Each search/filter index carries pilot and gender, so the counts shown with the list
-- (matching, pilot, male, female) are read from the index alone.
CREATE INDEX students_no_counts ON students (student_no, pilot, gender);
CREATE INDEX students_name ON students (name, student_no, pilot, gender);
CREATE INDEX students_id_number ON students (id_number, pilot, gender);
CREATE INDEX students_class ON students (class_name, student_no, pilot, gender);
CREATE INDEX students_entry_year ON students (entry_year, student_no, pilot, gender);
CREATE INDEX students_pilot ON students (pilot, student_no, gender);
CREATE INDEX students_gender ON students (gender, student_no);
CREATE INDEX students_major ON students (major_id, major_text, student_no, pilot, gender);
CREATE INDEX students_major_text ON students (major_text, student_no);
CREATE INDEX students_phone ON students (phone, student_no);
CREATE INDEX students_updated ON students (updated_at, student_no);
-- Old 15-digit resident ID numbers, to count and list them at once.
CREATE INDEX students_legacy_id ON students (student_no)
  WHERE id_type = 'resident' AND length(id_number) = 15;
`;

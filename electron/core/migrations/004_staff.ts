/**
 * Majors, teachers, training rooms with their equipment, and internship/training sites.
 * - Money: equipment unit values in integer fen.
 * - Areas: REAL m² with at most two decimals (checked by the contract); areas are summed and
 *   compared, never used as money, so a REAL is exact enough and reads naturally in SQL.
 * - Teachers keep a major with ON DELETE RESTRICT: the core asks before deleting a major in use
 *   and clears the teachers' major in the same transaction (electron/core/modules/majors/usage.ts).
 * - Equipment belongs to its room and goes with it (CASCADE).
 */
export default /* sql */ `
CREATE TABLE majors (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) = 6 AND code NOT GLOB '*[^0-9]*'),
  name TEXT NOT NULL CHECK (name <> ''),
  level TEXT NOT NULL CHECK (level IN ('secondary', 'junior_college', 'vocational_bachelor', 'bachelor')),
  catalogue_year INTEGER NOT NULL CHECK (catalogue_year BETWEEN 1950 AND 2100),
  first_enrolment_year INTEGER NOT NULL CHECK (first_enrolment_year BETWEEN 1950 AND 2100),
  annual_enrolment INTEGER NOT NULL CHECK (annual_enrolment >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (level, name)
);

CREATE TABLE teachers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL CHECK (name <> ''),
  gender TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  staff_no TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (staff_no <> ''),
  title TEXT NOT NULL DEFAULT '',
  major_id INTEGER REFERENCES majors (id) ON DELETE RESTRICT,
  full_time INTEGER NOT NULL CHECK (full_time IN (0, 1)),
  dual_qualified INTEGER NOT NULL CHECK (dual_qualified IN (0, 1)),
  can_teach_independently INTEGER NOT NULL CHECK (can_teach_independently IN (0, 1)),
  assessor INTEGER NOT NULL CHECK (assessor IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX teachers_major ON teachers (major_id);

CREATE TABLE training_rooms (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  area_m2 REAL NOT NULL CHECK (area_m2 > 0),
  workstations INTEGER NOT NULL CHECK (workstations >= 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE room_equipment (
  id INTEGER PRIMARY KEY,
  room_id INTEGER NOT NULL REFERENCES training_rooms (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL CHECK (name <> ''),
  model TEXT NOT NULL DEFAULT '',
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  unit_value_fen INTEGER NOT NULL CHECK (typeof(unit_value_fen) = 'integer' AND unit_value_fen >= 0)
);
CREATE INDEX room_equipment_room ON room_equipment (room_id, position);

CREATE TABLE training_sites (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  campus TEXT NOT NULL CHECK (campus IN ('on', 'off')),
  partner TEXT NOT NULL DEFAULT '',
  capacity INTEGER NOT NULL CHECK (capacity >= 1),
  agreement_start TEXT,
  agreement_end TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (campus = 'on' OR partner <> ''),
  CHECK ((agreement_start IS NULL) = (agreement_end IS NULL)),
  CHECK (agreement_end IS NULL OR agreement_end >= agreement_start)
);
`;

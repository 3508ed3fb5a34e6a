/**
 * Pilot projects (试点项目): one certificate at this school in one year, with its levels, related
 * majors, staff, rooms, sites, planned numbers, hardware checklist, implementation plan and
 * commitments. Members (majors, teachers, rooms, sites) leave a project when they are deleted —
 * the core asks the user first and names the projects; the certificate itself cannot be deleted
 * from under a project.
 */
export default /* sql */ `
CREATE TABLE pilot_projects (
  id INTEGER PRIMARY KEY,
  certificate_id INTEGER NOT NULL REFERENCES certificates (id) ON DELETE RESTRICT,
  year INTEGER NOT NULL CHECK (year BETWEEN 2019 AND 2100),
  status TEXT NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'confirmed', 'rejected', 'revoked')),
  revoke_reason TEXT NOT NULL DEFAULT '',
  confirmation_document TEXT NOT NULL DEFAULT '',
  confirmation_date TEXT NOT NULL DEFAULT '',
  plan_json TEXT NOT NULL DEFAULT '{}',
  commitments_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (certificate_id, year)
);

CREATE TABLE project_levels (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  level TEXT NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  PRIMARY KEY (project_id, level)
);

CREATE TABLE project_majors (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  major_id INTEGER NOT NULL REFERENCES majors (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, major_id)
);
CREATE INDEX project_majors_major ON project_majors (major_id);

CREATE TABLE project_teachers (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  teacher_id INTEGER NOT NULL REFERENCES teachers (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, teacher_id)
);
CREATE INDEX project_teachers_teacher ON project_teachers (teacher_id);

CREATE TABLE project_rooms (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  room_id INTEGER NOT NULL REFERENCES training_rooms (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, room_id)
);
CREATE INDEX project_rooms_room ON project_rooms (room_id);

CREATE TABLE project_sites (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  site_id INTEGER NOT NULL REFERENCES training_sites (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, site_id)
);
CREATE INDEX project_sites_site ON project_sites (site_id);

CREATE TABLE project_planned_students (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  level TEXT NOT NULL CHECK (level IN ('junior', 'intermediate', 'senior')),
  year INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (project_id, level, year)
);

CREATE TABLE project_hardware_checks (
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  requirement_id INTEGER NOT NULL REFERENCES certificate_requirements (id) ON DELETE CASCADE,
  PRIMARY KEY (project_id, requirement_id)
);

CREATE TABLE project_status_history (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX project_status_history_project ON project_status_history (project_id, id);
`;

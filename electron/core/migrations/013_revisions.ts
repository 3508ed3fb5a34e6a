/**
 * What was submitted stays what was submitted.
 *
 * - `project_revisions`: the project as the province holds it, taken when it became 已申报
 *   (`kind = 'submitted'`), and each edit saved while it is 已申报 or 省级确认 (`'revision'`).
 *   `record_json` holds `{ data, record }`: the saved fields (ids) and the same as read (names).
 * - `pilot_projects.data_updated_at`: when the project's own fields were last saved (a status
 *   change is not an edit), so marking a package as submitted can tell whether a project was
 *   edited after the package was built.
 * - `submitted_packages`: each package marked as submitted, its kept copy in `submitted/`
 *   (read-only) and its SHA-256; `submitted_package_projects` the projects in it as they were.
 */
export default /* sql */ `
CREATE TABLE project_revisions (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES pilot_projects (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('submitted', 'revision')),
  at TEXT NOT NULL,
  record_json TEXT NOT NULL
);
CREATE INDEX project_revisions_project ON project_revisions (project_id, id);

ALTER TABLE pilot_projects ADD COLUMN data_updated_at TEXT NOT NULL DEFAULT '';

CREATE TABLE submitted_packages (
  id INTEGER PRIMARY KEY,
  submitted_at TEXT NOT NULL,
  built_at TEXT NOT NULL,
  file_name TEXT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size > 0),
  kind TEXT NOT NULL CHECK (kind IN ('application', 'batch')),
  draft INTEGER NOT NULL CHECK (draft IN (0, 1))
);

CREATE TABLE submitted_package_projects (
  package_id INTEGER NOT NULL REFERENCES submitted_packages (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  project_id INTEGER REFERENCES pilot_projects (id) ON DELETE SET NULL,
  certificate_name TEXT NOT NULL,
  year INTEGER NOT NULL,
  record_json TEXT NOT NULL,
  PRIMARY KEY (package_id, position)
);
CREATE INDEX submitted_package_projects_project ON submitted_package_projects (project_id);
`;

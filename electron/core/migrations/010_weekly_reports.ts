/**
 * Weekly reports (周报, rule 16): the schedule, and the reports with every revision kept.
 *
 * - `weekly_settings` (one row): the pilot start date.
 * - `weekly_schedule`: cadence, due weekday and time, each from a Monday (`effective_from`), so a
 *   change mid-pilot leaves the earlier periods as they were scheduled.
 * - `weekly_reports`: one per period, keyed by the period's first day; `first_submitted_at` is
 *   when the period was first sent (on time or late is decided against the due time by
 *   shared/domain/weeklyReports.ts) and never changes afterwards.
 * - `weekly_report_revisions`: revision 1 is the first draft; once sent (报送) a revision is
 *   read-only (triggers below) and a correction is a new revision, so the history stays readable.
 *   The figures are frozen into the revision when it is sent.
 * - Two indexes on migration 008's sign-ups for the period figures (sign-ups created and
 *   certificates issued in a week), so a report or a year's summary does not scan every sign-up.
 */
export default /* sql */ `
CREATE TABLE weekly_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  pilot_start TEXT NOT NULL CHECK (pilot_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  updated_at TEXT NOT NULL
);

CREATE TABLE weekly_schedule (
  id INTEGER PRIMARY KEY,
  effective_from TEXT NOT NULL UNIQUE
    CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  cadence TEXT NOT NULL CHECK (cadence IN ('weekly', 'biweekly')),
  due_weekday INTEGER NOT NULL CHECK (due_weekday BETWEEN 1 AND 7),
  due_time TEXT NOT NULL CHECK (due_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  created_at TEXT NOT NULL
);

CREATE TABLE weekly_reports (
  id INTEGER PRIMARY KEY,
  period_start TEXT NOT NULL UNIQUE
    CHECK (period_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period_end TEXT NOT NULL CHECK (period_end >= period_start),
  first_submitted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE weekly_report_revisions (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES weekly_reports (id) ON DELETE RESTRICT,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
  progress TEXT NOT NULL DEFAULT '',
  problems TEXT NOT NULL DEFAULT '',
  next_plan TEXT NOT NULL DEFAULT '',
  experience TEXT NOT NULL DEFAULT '',
  figures_json TEXT,
  submitter TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (report_id, revision),
  CHECK (status = 'draft' OR (submitted_at IS NOT NULL AND figures_json IS NOT NULL AND submitter <> ''))
);

CREATE INDEX signups_created ON signups (created_at, batch_id);
CREATE INDEX signups_issued ON signups (issued_on, batch_id) WHERE issued_on <> '';

CREATE TRIGGER weekly_revisions_locked_update BEFORE UPDATE ON weekly_report_revisions
  WHEN OLD.status = 'submitted'
  BEGIN SELECT RAISE(ABORT, '已报送的周报不能修改，请新建更正版本'); END;
CREATE TRIGGER weekly_revisions_locked_delete BEFORE DELETE ON weekly_report_revisions
  WHEN OLD.status = 'submitted'
  BEGIN SELECT RAISE(ABORT, '已报送的周报不能删除'); END;
`;

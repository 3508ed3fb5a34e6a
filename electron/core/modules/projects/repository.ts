import type {
  ProjectCheck,
  Project,
  ProjectData,
  ProjectStatusEntry,
  ProjectSummary,
} from '../../../../shared/contract/projects';
import { certificateLevels, type CertificateLevel } from '../../../../shared/domain/certificate';
import type { ProjectStatus } from '../../../../shared/domain/projectStatus';
import { selfCheckProject, selfCheckSummary } from '../../../../shared/domain/selfCheck';
import { defaultThresholds } from '../../../../shared/domain/thresholds';
import type { Db } from '../../db/open';
import { projectFacts } from './facts';
import { parseCommitments, parsePlan } from './plan';
import { submissionOf, type ProjectFields } from './revisions';

/** 初级 → 中级 → 高级, the order every list and document shows levels in. */
const levelOrderSql = `CASE level ${certificateLevels.map((l, i) => `WHEN '${l}' THEN ${i}`).join(' ')} END`;

interface ProjectRow {
  id: number;
  certificate_id: number;
  certificate_name: string;
  organization: string;
  year: number;
  status: ProjectStatus;
  revoke_reason: string;
  confirmation_document: string;
  confirmation_date: string;
  plan_json: string;
  commitments_json: string;
  created_at: string;
  updated_at: string;
}

const selectProject = `SELECT p.*, c.name AS certificate_name, c.organization
  FROM pilot_projects p JOIN certificates c ON c.id = p.certificate_id`;

const ids = (db: Db, sql: string, id: number) =>
  db
    .prepare<[number], { id: number }>(sql)
    .all(id)
    .map((r) => r.id);

/** A project's levels, 初级 first. */
const levelsOf = (db: Db, id: number): CertificateLevel[] =>
  db
    .prepare<[number], { level: CertificateLevel }>(
      `SELECT level FROM project_levels WHERE project_id = ? ORDER BY ${levelOrderSql}`,
    )
    .all(id)
    .map((r) => r.level);

export function verdictsOf(db: Db, id: number) {
  const verdicts = selfCheckProject(projectFacts(db, id), defaultThresholds);
  return { verdicts, selfCheck: selfCheckSummary(verdicts) };
}

export function loadProject(db: Db, id: number): Project | undefined {
  const row = db.prepare<[number], ProjectRow>(`${selectProject} WHERE p.id = ?`).get(id);
  if (!row) return undefined;
  const project = loadFields(db, row);
  return { ...project, submission: submissionOf(db, project) };
}

/** What both a project and its summary open with: which certificate, by whom, when, how far. */
function projectHeading(row: ProjectRow) {
  return {
    id: row.id,
    certificateId: row.certificate_id,
    certificateName: row.certificate_name,
    organization: row.organization,
    year: row.year,
    status: row.status,
  };
}

function loadFields(db: Db, row: ProjectRow): ProjectFields {
  const id = row.id;
  const history = db
    .prepare<
      [number],
      { at: string; from_status: ProjectStatus | null; to_status: ProjectStatus; note: string }
    >(
      'SELECT at, from_status, to_status, note FROM project_status_history WHERE project_id = ? ORDER BY id',
    )
    .all(id)
    .map((h): ProjectStatusEntry => ({
      at: h.at,
      from: h.from_status,
      to: h.to_status,
      note: h.note,
    }));
  return {
    ...projectHeading(row),
    revokeReason: row.revoke_reason,
    confirmationDocument: row.confirmation_document,
    confirmationDate: row.confirmation_date,
    levels: levelsOf(db, id),
    majorIds: ids(
      db,
      'SELECT major_id AS id FROM project_majors WHERE project_id = ? ORDER BY major_id',
      id,
    ),
    teacherIds: ids(
      db,
      'SELECT teacher_id AS id FROM project_teachers WHERE project_id = ? ORDER BY teacher_id',
      id,
    ),
    roomIds: ids(
      db,
      'SELECT room_id AS id FROM project_rooms WHERE project_id = ? ORDER BY room_id',
      id,
    ),
    siteIds: ids(
      db,
      'SELECT site_id AS id FROM project_sites WHERE project_id = ? ORDER BY site_id',
      id,
    ),
    hardwareChecks: ids(
      db,
      'SELECT requirement_id AS id FROM project_hardware_checks WHERE project_id = ? ORDER BY requirement_id',
      id,
    ),
    plannedStudents: db
      .prepare<[number], { level: CertificateLevel; year: number; count: number }>(
        `SELECT level, year, count FROM project_planned_students WHERE project_id = ?
         ORDER BY year, ${levelOrderSql}`,
      )
      .all(id),
    courses: db
      .prepare<[number], { courseNo: string; courseName: string }>(
        `SELECT course_no AS courseNo, course_name AS courseName FROM project_courses
         WHERE project_id = ? ORDER BY position`,
      )
      .all(id),
    plan: parsePlan(row.plan_json),
    commitments: parseCommitments(row.commitments_json),
    ...verdictsOf(db, id),
    history,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listProjects(db: Db): ProjectSummary[] {
  return db
    .prepare<[], ProjectRow & { major_count: number; teacher_count: number }>(
      `${selectProject.replace(
        'SELECT p.*,',
        `SELECT p.*,
          (SELECT count(*) FROM project_majors m WHERE m.project_id = p.id) AS major_count,
          (SELECT count(*) FROM project_teachers t WHERE t.project_id = p.id) AS teacher_count,`,
      )} ORDER BY p.year DESC, c.name`,
    )
    .all()
    .map((row) => ({
      ...projectHeading(row),
      levels: levelsOf(db, row.id),
      majorCount: row.major_count,
      teacherCount: row.teacher_count,
      selfCheck: verdictsOf(db, row.id).selfCheck,
      updatedAt: row.updated_at,
    }));
}

/** Every project with its self-check verdicts, for the self-check page and the dashboard. */
export function projectChecks(db: Db): ProjectCheck[] {
  return db
    .prepare<[], { id: number; certificate_name: string; year: number; status: ProjectStatus }>(
      `SELECT p.id, c.name AS certificate_name, p.year, p.status
       FROM pilot_projects p JOIN certificates c ON c.id = p.certificate_id
       ORDER BY p.year DESC, c.name`,
    )
    .all()
    .map((row) => ({
      id: row.id,
      certificateName: row.certificate_name,
      year: row.year,
      status: row.status,
      ...verdictsOf(db, row.id),
    }));
}

/** Replaces a project's members and details; call inside a transaction. */
export function writeProjectData(db: Db, id: number, data: ProjectData, at: string): void {
  db.prepare(
    `UPDATE pilot_projects SET certificate_id = ?, year = ?, plan_json = ?, commitments_json = ?,
       updated_at = ?, data_updated_at = ? WHERE id = ?`,
  ).run(
    data.certificateId,
    data.year,
    JSON.stringify(data.plan),
    JSON.stringify(data.commitments),
    at,
    at,
    id,
  );
  const replace = (table: string, column: string, values: readonly (string | number)[]) => {
    db.prepare(`DELETE FROM ${table} WHERE project_id = ?`).run(id);
    const insert = db.prepare(`INSERT INTO ${table} (project_id, ${column}) VALUES (?, ?)`);
    for (const value of values) insert.run(id, value);
  };
  replace('project_levels', 'level', data.levels);
  replace('project_majors', 'major_id', data.majorIds);
  replace('project_teachers', 'teacher_id', data.teacherIds);
  replace('project_rooms', 'room_id', data.roomIds);
  replace('project_sites', 'site_id', data.siteIds);
  replace('project_hardware_checks', 'requirement_id', data.hardwareChecks);
  db.prepare('DELETE FROM project_planned_students WHERE project_id = ?').run(id);
  const insertPlanned = db.prepare(
    'INSERT INTO project_planned_students (project_id, level, year, count) VALUES (?, ?, ?, ?)',
  );
  for (const p of data.plannedStudents) insertPlanned.run(id, p.level, p.year, p.count);
  db.prepare('DELETE FROM project_courses WHERE project_id = ?').run(id);
  const insertCourse = db.prepare(
    'INSERT INTO project_courses (project_id, position, course_no, course_name) VALUES (?, ?, ?, ?)',
  );
  data.courses.forEach((c, index) => insertCourse.run(id, index + 1, c.courseNo, c.courseName));
}

/** A new project row (its data is written by `writeProjectData`); returns its id. */
export function insertProject(db: Db, certificateId: number, year: number, at: string): number {
  return Number(
    db
      .prepare(
        'INSERT INTO pilot_projects (certificate_id, year, created_at, updated_at) VALUES (?, ?, ?, ?)',
      )
      .run(certificateId, year, at, at).lastInsertRowid,
  );
}

export function addStatusHistory(
  db: Db,
  id: number,
  from: ProjectStatus | null,
  to: ProjectStatus,
  note: string,
  at: string,
): void {
  db.prepare(
    'INSERT INTO project_status_history (project_id, at, from_status, to_status, note) VALUES (?, ?, ?, ?, ?)',
  ).run(id, at, from, to, note);
}

export function setProjectStatus(
  db: Db,
  id: number,
  values: {
    status: ProjectStatus;
    revokeReason: string;
    confirmationDocument: string;
    confirmationDate: string | null;
    at: string;
  },
): void {
  db.prepare(
    `UPDATE pilot_projects SET status = @status, revoke_reason = @revokeReason,
       confirmation_document = @confirmationDocument, confirmation_date = @confirmationDate,
       updated_at = @at WHERE id = @id`,
  ).run({ ...values, id });
}

export function deleteProject(db: Db, id: number): void {
  db.prepare('DELETE FROM pilot_projects WHERE id = ?').run(id);
}

/** A course of a project, with the project's certificate and year, for the data centre sheet. */
interface CourseCertificateRow {
  course_no: string;
  course_name: string;
  certificate_name: string;
  year: number;
}

/**
 * Every course of the projects not rejected or revoked, the latest year first, then by
 * certificate name and the course's position in its project.
 */
export function coursesOfLiveProjects(db: Db): CourseCertificateRow[] {
  return db
    .prepare<[], CourseCertificateRow>(
      `SELECT pc.course_no, pc.course_name, c.name AS certificate_name, p.year
       FROM project_courses pc
       JOIN pilot_projects p ON p.id = pc.project_id
       JOIN certificates c ON c.id = p.certificate_id
       WHERE p.status NOT IN ('rejected', 'revoked')
       ORDER BY p.year DESC, c.name, pc.position`,
    )
    .all();
}

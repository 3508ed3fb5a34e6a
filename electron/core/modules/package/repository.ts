import type { AttachmentKind } from '../../../../shared/domain/attachments';
import type { CampusKind } from '../../../../shared/domain/facilities';
import type { Degree, Education, Gender } from '../../../../shared/domain/teachers';
import type { Db } from '../../db/open';

/*
 * Package SQL: what a submission package shows of each project (in a stable order), and the
 * record of submitted packages with each project as it stood (migration 013).
 */

export interface TeacherRow {
  name: string;
  gender: Gender;
  staff_no: string;
  title: string;
  birth_month: string | null;
  education: Education | null;
  degree: Degree | null;
  studied_major: string;
  skill_certificates: string;
  major: string | null;
  full_time: number;
  dual_qualified: number;
  can_teach_independently: number;
  assessor: number;
}

export interface RoomRow {
  id: number;
  name: string;
  area_m2: number;
  workstations: number;
  equipment: { name: string; model: string; quantity: number; unit_value_fen: number }[];
}

export interface SiteRow {
  name: string;
  campus: CampusKind;
  partner: string;
  capacity: number;
  agreement_start: string | null;
  agreement_end: string | null;
}

export interface AttachmentRow {
  sha256: string;
  ext: string;
  size: number;
  kind: AttachmentKind;
  owner_type: string;
  owner_name: string | null;
  display_name: string;
}

export function projectMajors(db: Db, projectId: number): { code: string; name: string }[] {
  return db
    .prepare<[number], { code: string; name: string }>(
      `SELECT m.code, m.name FROM project_majors pm JOIN majors m ON m.id = pm.major_id
       WHERE pm.project_id = ? ORDER BY m.code`,
    )
    .all(projectId);
}

export function projectTeachers(db: Db, projectId: number): TeacherRow[] {
  return db
    .prepare<[number], TeacherRow>(
      `SELECT t.name, t.gender, t.staff_no, t.title, t.birth_month, t.education, t.degree,
         t.studied_major, t.skill_certificates, m.name AS major, t.full_time,
         t.dual_qualified, t.can_teach_independently, t.assessor
       FROM project_teachers pt JOIN teachers t ON t.id = pt.teacher_id
       LEFT JOIN majors m ON m.id = t.major_id
       WHERE pt.project_id = ? ORDER BY t.staff_no`,
    )
    .all(projectId);
}

/** The project's rooms by name, each with its equipment lines in their order. */
export function projectRooms(db: Db, projectId: number): RoomRow[] {
  const equipment = db.prepare<[number], RoomRow['equipment'][number]>(
    'SELECT name, model, quantity, unit_value_fen FROM room_equipment WHERE room_id = ? ORDER BY position, id',
  );
  return db
    .prepare<[number], Omit<RoomRow, 'equipment'>>(
      `SELECT r.id, r.name, r.area_m2, r.workstations FROM project_rooms pr
       JOIN training_rooms r ON r.id = pr.room_id WHERE pr.project_id = ? ORDER BY r.name`,
    )
    .all(projectId)
    .map((r) => ({ ...r, equipment: equipment.all(r.id) }));
}

export function projectSites(db: Db, projectId: number): SiteRow[] {
  return db
    .prepare<[number], SiteRow>(
      `SELECT s.name, s.campus, s.partner, s.capacity, s.agreement_start, s.agreement_end
       FROM project_sites ps JOIN training_sites s ON s.id = ps.site_id
       WHERE ps.project_id = ? ORDER BY s.name`,
    )
    .all(projectId);
}

/** The school's files and every file linked to the projects, their rooms and sites. */
export function packageAttachmentRows(db: Db, projectIds: readonly number[]): AttachmentRow[] {
  const placeholders = projectIds.map(() => '?').join(', ');
  return db
    .prepare<number[], AttachmentRow>(
      `SELECT a.sha256, a.ext, a.size, l.kind, l.owner_type, l.display_name,
         CASE l.owner_type
           WHEN 'project' THEN (SELECT c.name || ' ' || p.year FROM pilot_projects p
             JOIN certificates c ON c.id = p.certificate_id WHERE p.id = l.owner_id)
           WHEN 'room' THEN (SELECT name FROM training_rooms WHERE id = l.owner_id)
           WHEN 'site' THEN (SELECT name FROM training_sites WHERE id = l.owner_id)
           ELSE '学校' END AS owner_name
       FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
       WHERE l.owner_type = 'school'
         OR (l.owner_type = 'project' AND l.owner_id IN (${placeholders}))
         OR (l.owner_type = 'room' AND l.owner_id IN
           (SELECT room_id FROM project_rooms WHERE project_id IN (${placeholders})))
         OR (l.owner_type = 'site' AND l.owner_id IN
           (SELECT site_id FROM project_sites WHERE project_id IN (${placeholders})))
       ORDER BY l.owner_type, l.owner_id, l.kind, l.display_name, a.sha256`,
    )
    .all(...projectIds, ...projectIds, ...projectIds);
}

export interface PackageRow {
  id: number;
  submitted_at: string;
  built_at: string;
  file_name: string;
  stored_name: string;
  sha256: string;
  size: number;
  kind: 'application' | 'batch';
  draft: number;
}

export interface PackageProjectRow {
  project_id: number | null;
  certificate_name: string;
  year: number;
  record_json: string;
}

export function submittedPackageById(db: Db, id: number): PackageRow | undefined {
  return db.prepare<[number], PackageRow>('SELECT * FROM submitted_packages WHERE id = ?').get(id);
}

export function submittedPackageBySha(db: Db, sha256: string): PackageRow | undefined {
  return db
    .prepare<[string], PackageRow>('SELECT * FROM submitted_packages WHERE sha256 = ?')
    .get(sha256);
}

/** Newest first. */
export function listSubmittedPackages(db: Db): PackageRow[] {
  return db
    .prepare<[], PackageRow>('SELECT * FROM submitted_packages ORDER BY submitted_at DESC, id DESC')
    .all();
}

export function insertSubmittedPackage(db: Db, row: Omit<PackageRow, 'id'>): number {
  return Number(
    db
      .prepare(
        `INSERT INTO submitted_packages
                   (submitted_at, built_at, file_name, stored_name, sha256, size, kind, draft)
                 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.submitted_at,
        row.built_at,
        row.file_name,
        row.stored_name,
        row.sha256,
        row.size,
        row.kind,
        row.draft,
      ).lastInsertRowid,
  );
}

/** The package's projects, kept in the manifest's order. */
export function insertPackageProjects(
  db: Db,
  packageId: number,
  projects: readonly PackageProjectRow[],
): void {
  const insert = db.prepare(
    `INSERT INTO submitted_package_projects
               (package_id, position, project_id, certificate_name, year, record_json)
             VALUES (?, ?, ?, ?, ?, ?)`,
  );
  projects.forEach((p, position) => {
    insert.run(packageId, position, p.project_id, p.certificate_name, p.year, p.record_json);
  });
}

export function packageProjectRows(db: Db, packageId: number): PackageProjectRow[] {
  return db
    .prepare<[number], PackageProjectRow>(
      `SELECT project_id, certificate_name, year, record_json FROM submitted_package_projects
       WHERE package_id = ? ORDER BY position`,
    )
    .all(packageId);
}

/** When the project's data last changed ('' for a project that is gone). */
export function dataUpdatedAt(db: Db, projectId: number): string {
  return (
    db
      .prepare<[number], { at: string }>(
        'SELECT data_updated_at AS at FROM pilot_projects WHERE id = ?',
      )
      .get(projectId)?.at ?? ''
  );
}

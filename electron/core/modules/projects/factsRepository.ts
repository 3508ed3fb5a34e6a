import type { Db } from '../../db/open';
import { siteOrderSql } from '../sites/repository';

/*
 * Self-check facts SQL: what `projectFacts` reads about one project. Each function prepares its
 * statement once per call, as the self-check of every project did before the move.
 */

/** The project's certificate and stored plan; undefined when the project is gone. */
export function projectCertificateAndPlan(
  db: Db,
  projectId: number,
): { certificate_id: number; plan_json: string } | undefined {
  return db
    .prepare<[number], { certificate_id: number; plan_json: string }>(
      'SELECT certificate_id, plan_json FROM pilot_projects WHERE id = ?',
    )
    .get(projectId);
}

/** The school's kind and demonstration level; undefined before the school is saved. */
export function schoolKindAndLevel(
  db: Db,
): { kind: string; demonstration_level: string } | undefined {
  return db
    .prepare<[], { kind: string; demonstration_level: string }>(
      'SELECT kind, demonstration_level FROM school WHERE id = 1',
    )
    .get();
}

export interface TeacherQualificationRow {
  full_time: number;
  dual_qualified: number;
  can_teach_independently: number;
}

/** The project's teachers' qualification flags (0/1). */
export function projectTeacherQualifications(db: Db, projectId: number): TeacherQualificationRow[] {
  return db
    .prepare<[number], TeacherQualificationRow>(
      `SELECT t.full_time, t.dual_qualified, t.can_teach_independently
         FROM project_teachers pt JOIN teachers t ON t.id = pt.teacher_id WHERE pt.project_id = ?`,
    )
    .all(projectId);
}

export interface RoomSizeRow {
  name: string;
  area_m2: number;
  workstations: number;
  equipment: number;
}

/** The project's rooms by name, with their size and how many equipment lines each has. */
export function projectRoomSizes(db: Db, projectId: number): RoomSizeRow[] {
  return db
    .prepare<[number], RoomSizeRow>(
      `SELECT r.name, r.area_m2, r.workstations,
           (SELECT count(*) FROM room_equipment e WHERE e.room_id = r.id) AS equipment
         FROM project_rooms pr JOIN training_rooms r ON r.id = pr.room_id
         WHERE pr.project_id = ? ORDER BY r.name`,
    )
    .all(projectId);
}

/** The certificate's hardware requirements in order, each ticked (1) or not (0) by the project. */
export function projectHardwareTicks(
  db: Db,
  projectId: number,
  certificateId: number,
): { text: string; ticked: number }[] {
  return db
    .prepare<[number, number], { text: string; ticked: number }>(
      `SELECT q.text, EXISTS (SELECT 1 FROM project_hardware_checks c
             WHERE c.project_id = ? AND c.requirement_id = q.id) AS ticked
         FROM certificate_requirements q WHERE q.certificate_id = ? ORDER BY q.position, q.id`,
    )
    .all(projectId, certificateId);
}

/** The project's sites' names, in the sites page's order (`siteOrderSql`). */
export function projectSiteNames(db: Db, projectId: number): { name: string }[] {
  return db
    .prepare<[number], { name: string }>(
      `SELECT s.name FROM project_sites ps JOIN training_sites s ON s.id = ps.site_id
         WHERE ps.project_id = ? ORDER BY ${siteOrderSql}`,
    )
    .all(projectId);
}

/** How many talent training plans the project has: its own plus the school's. */
export function talentTrainingPlanCount(db: Db, projectId: number): number {
  return db
    .prepare<[number], { n: number }>(
      `SELECT count(*) AS n FROM attachment_links WHERE kind = 'talent_training_plan'
           AND ((owner_type = 'project' AND owner_id = ?) OR owner_type = 'school')`,
    )
    .get(projectId)!.n;
}

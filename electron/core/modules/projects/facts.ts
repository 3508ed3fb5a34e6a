import type { ProjectFacts } from '../../../../shared/domain/selfCheck';
import type { Db } from '../../db/open';
import { siteOrderSql } from '../sites/repository';
import { parsePlan } from './plan';

/**
 * Gathers what the self-check needs about one project from the database — the same facts, in
 * the same order, the project page assembles from its form and the lists it loads (majors by
 * code, rooms by name, sites as `siteOrderSql`), so both show one verdict; checked by
 * test/core/selfCheckFacts.property.test.ts.
 */
export function projectFacts(db: Db, projectId: number): ProjectFacts {
  const project = db
    .prepare<[number], { certificate_id: number; plan_json: string }>(
      'SELECT certificate_id, plan_json FROM pilot_projects WHERE id = ?',
    )
    .get(projectId);
  if (!project) throw new Error(`project ${projectId} missing`);
  const school = db
    .prepare<[], { kind: string; demonstration_level: string }>(
      'SELECT kind, demonstration_level FROM school WHERE id = 1',
    )
    .get();
  return {
    school: school
      ? {
          kind: school.kind as NonNullable<ProjectFacts['school']>['kind'],
          demonstrationLevel: school.demonstration_level as NonNullable<
            ProjectFacts['school']
          >['demonstrationLevel'],
        }
      : null,
    majors: db
      .prepare<[number], { code: string; name: string }>(
        `SELECT m.code, m.name FROM project_majors pm JOIN majors m ON m.id = pm.major_id
         WHERE pm.project_id = ? ORDER BY m.code`,
      )
      .all(projectId),
    teachers: db
      .prepare<
        [number],
        { full_time: number; dual_qualified: number; can_teach_independently: number }
      >(
        `SELECT t.full_time, t.dual_qualified, t.can_teach_independently
         FROM project_teachers pt JOIN teachers t ON t.id = pt.teacher_id WHERE pt.project_id = ?`,
      )
      .all(projectId)
      .map((t) => ({
        fullTime: t.full_time === 1,
        dualQualified: t.dual_qualified === 1,
        canTeachIndependently: t.can_teach_independently === 1,
      })),
    rooms: db
      .prepare<
        [number],
        { name: string; area_m2: number; workstations: number; equipment: number }
      >(
        `SELECT r.name, r.area_m2, r.workstations,
           (SELECT count(*) FROM room_equipment e WHERE e.room_id = r.id) AS equipment
         FROM project_rooms pr JOIN training_rooms r ON r.id = pr.room_id
         WHERE pr.project_id = ? ORDER BY r.name`,
      )
      .all(projectId)
      .map((r) => ({
        name: r.name,
        areaM2: r.area_m2,
        workstations: r.workstations,
        equipmentCount: r.equipment,
      })),
    hardware: db
      .prepare<[number, number], { text: string; ticked: number }>(
        `SELECT q.text, EXISTS (SELECT 1 FROM project_hardware_checks c
             WHERE c.project_id = ? AND c.requirement_id = q.id) AS ticked
         FROM certificate_requirements q WHERE q.certificate_id = ? ORDER BY q.position, q.id`,
      )
      .all(projectId, project.certificate_id)
      .map((h) => ({ text: h.text, ticked: h.ticked === 1 })),
    sites: db
      .prepare<[number], { name: string }>(
        `SELECT s.name FROM project_sites ps JOIN training_sites s ON s.id = ps.site_id
         WHERE ps.project_id = ? ORDER BY ${siteOrderSql}`,
      )
      .all(projectId),
    talentTrainingPlanCount: db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM attachment_links WHERE kind = 'talent_training_plan'
           AND ((owner_type = 'project' AND owner_id = ?) OR owner_type = 'school')`,
      )
      .get(projectId)!.n,
    plan: parsePlan(project.plan_json),
  };
}

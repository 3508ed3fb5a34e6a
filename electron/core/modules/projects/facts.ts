import type { ProjectFacts } from '../../../../shared/domain/selfCheck';
import type { Db } from '../../db/open';
import { projectMajors } from '../package/repository';
import {
  projectCertificateAndPlan,
  projectHardwareTicks,
  projectRoomSizes,
  projectSiteNames,
  projectTeacherQualifications,
  schoolKindAndLevel,
  talentTrainingPlanCount,
} from './factsRepository';
import { parsePlan } from './plan';

/**
 * Gathers what the self-check needs about one project from the database — the same facts, in
 * the same order, the project page assembles from its form and the lists it loads (majors by
 * code, rooms by name, sites as `siteOrderSql`), so both show one verdict; checked by
 * test/core/selfCheckFacts.property.test.ts.
 */
export function projectFacts(db: Db, projectId: number): ProjectFacts {
  const project = projectCertificateAndPlan(db, projectId);
  if (!project) throw new Error(`project ${projectId} missing`);
  const school = schoolKindAndLevel(db);
  return {
    school: school
      ? {
          kind: school.kind as NonNullable<ProjectFacts['school']>['kind'],
          demonstrationLevel: school.demonstration_level as NonNullable<
            ProjectFacts['school']
          >['demonstrationLevel'],
        }
      : null,
    majors: projectMajors(db, projectId),
    teachers: projectTeacherQualifications(db, projectId).map((t) => ({
      fullTime: t.full_time === 1,
      dualQualified: t.dual_qualified === 1,
      canTeachIndependently: t.can_teach_independently === 1,
    })),
    rooms: projectRoomSizes(db, projectId).map((r) => ({
      name: r.name,
      areaM2: r.area_m2,
      workstations: r.workstations,
      equipmentCount: r.equipment,
    })),
    hardware: projectHardwareTicks(db, projectId, project.certificate_id).map((h) => ({
      text: h.text,
      ticked: h.ticked === 1,
    })),
    sites: projectSiteNames(db, projectId),
    talentTrainingPlanCount: talentTrainingPlanCount(db, projectId),
    plan: parsePlan(project.plan_json),
  };
}

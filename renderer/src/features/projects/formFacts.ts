import type { SchoolProfile } from '../../../../shared/contract/school';
import type { ProjectDataInput } from '../../../../shared/contract/projects';
import {
  planSections,
  type ImplementationPlan,
} from '../../../../shared/domain/implementationPlan';
import type { ProjectFacts } from '../../../../shared/domain/selfCheck';
import type { ReferenceData } from './projectsStore';

/**
 * The self-check facts of the project being edited, from the form's current values and the
 * reference lists — what the core gathers from the database once saved.
 */
export function factsFromForm(
  values: Partial<ProjectDataInput>,
  refs: ReferenceData,
  school: SchoolProfile | null,
  talentTrainingPlanCount: number,
): ProjectFacts {
  const pick = <T extends { id: number }>(
    items: readonly T[],
    ids: readonly number[] | undefined,
  ) => {
    const wanted = new Set(ids ?? []);
    return items.filter((item) => wanted.has(item.id));
  };
  const certificate = refs.certificates.find((c) => c.id === values.certificateId);
  const ticked = new Set(values.hardwareChecks ?? []);
  const plan = Object.fromEntries(
    planSections.map((s) => [s, values.plan?.[s] ?? '']),
  ) as ImplementationPlan;
  return {
    school: school ? { kind: school.kind, demonstrationLevel: school.demonstrationLevel } : null,
    majors: pick(refs.majors, values.majorIds),
    teachers: pick(refs.teachers, values.teacherIds),
    rooms: pick(refs.rooms, values.roomIds),
    hardware: (certificate?.requirements ?? []).map((r) => ({
      text: r.text,
      ticked: ticked.has(r.id),
    })),
    sites: pick(refs.sites, values.siteIds),
    talentTrainingPlanCount,
    plan,
  };
}

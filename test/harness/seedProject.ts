import type { Core } from '../../electron/core';
import type { Certificate } from '../../shared/contract/catalogue';
import type { Project } from '../../shared/contract/projects';
import { planSections } from '../../shared/domain/implementationPlan';
import { makePdf } from './files';
import { call, findCertificate, seedSchool } from './seed';

/**
 * What `projects.create` takes for a 2020 junior project of `certificateId` using everything
 * seedSchool made, with the whole plan and every commitment; `overrides` replace fields.
 */
export function projectInput(
  seeded: Awaited<ReturnType<typeof seedSchool>>,
  certificateId: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    certificateId,
    year: 2020,
    levels: ['junior'],
    majorIds: seeded.majorIds,
    teacherIds: seeded.teacherIds,
    roomIds: seeded.roomIds,
    siteIds: seeded.siteIds,
    plannedStudents: [{ level: 'junior', year: 2020, count: 80 }],
    plan: Object.fromEntries(planSections.map((s) => [s, `${s} 内容`])),
    commitments: { noGraduationRequirement: true, noTrainingFee: true, schoolPaysOneExam: true },
    ...overrides,
  };
}

/**
 * What `projects.create` takes for a bare 初级 project of `certificateId` in `year`: no majors,
 * staff, rooms or sites; `more` adds or replaces fields.
 */
export function bareProject(
  certificateId: number,
  year: number,
  more: Record<string, unknown> = {},
) {
  return {
    certificateId,
    year,
    levels: ['junior'],
    majorIds: [],
    teacherIds: [],
    roomIds: [],
    siteIds: [],
    ...more,
  };
}

/**
 * What a project test starts from: a school (seedSchool, with `teachers` teachers) and the sample
 * certificate Web前端开发, given `requirements` as its hardware requirements when they are named.
 */
export async function seedProjectSchool(
  core: Core,
  options: { teachers?: number; requirements?: readonly string[] } = {},
) {
  const seeded = await seedSchool(core, { teachers: options.teachers });
  const certificate = options.requirements
    ? await webCertificateRequiring(core, options.requirements)
    : await findCertificate(core);
  return { seeded, certificate };
}

/** The sample certificate Web前端开发 with `requirements` as its hardware requirements. */
export async function webCertificateRequiring(
  core: Core,
  requirements: readonly string[],
): Promise<Certificate> {
  const web = await findCertificate(core);
  return call<Certificate>(core, 'catalogue.setRequirements', {
    id: web.id,
    items: requirements.map((text) => ({ text })),
  });
}

/**
 * A school (seedSchool) with one complete 2020 project for Web前端开发: levels, majors, staff,
 * rooms, sites, hardware checks, the whole plan, commitments and a PDF attachment — ready for
 * `package.build`. `projectTeachers` leaves the school's other teachers out of the project;
 * `attachment: null` leaves the talent training plan out.
 */
export async function seedCompleteProject(
  core: Core,
  options: { attachment?: Buffer | null; teachers?: number; projectTeachers?: number } = {},
): Promise<Project> {
  const { seeded, certificate } = await seedProjectSchool(core, {
    teachers: options.teachers,
    requirements: ['每名学生一台计算机'],
  });
  const project = await call<Project>(
    core,
    'projects.create',
    projectInput(seeded, certificate.id, {
      levels: ['junior', 'intermediate'],
      teacherIds: seeded.teacherIds.slice(0, options.projectTeachers),
      hardwareChecks: certificate.requirements.map((r) => r.id),
      plan: Object.fromEntries(planSections.map((s) => [s, `${s} 的具体安排`])),
    }),
  );
  if (options.attachment === null) return call<Project>(core, 'projects.get', { id: project.id });
  await call(core, 'attachments.upload', {
    ownerType: 'project',
    ownerId: project.id,
    kind: 'talent_training_plan',
    file: {
      fileName: '软件技术人才培养方案.pdf',
      contentBase64: (options.attachment ?? makePdf('plan')).toString('base64'),
    },
  });
  return call<Project>(core, 'projects.get', { id: project.id });
}

import Database from 'better-sqlite3';
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { projectFacts } from '../../electron/core/modules/projects/facts';
import type { Certificate } from '../../shared/contract/catalogue';
import type { Major } from '../../shared/contract/majors';
import type { Project } from '../../shared/contract/projects';
import type { TrainingRoom } from '../../shared/contract/rooms';
import type { SchoolProfile } from '../../shared/contract/school';
import type { TrainingSite } from '../../shared/contract/sites';
import type { Teacher } from '../../shared/contract/teachers';
import type { AttachmentLink } from '../../shared/contract/attachments';
import { planSections } from '../../shared/domain/implementationPlan';
import { demonstrationLevels, schoolKinds } from '../../shared/domain/school';
import { selfCheckProject, type ProjectFacts } from '../../shared/domain/selfCheck';
import { factsFromForm } from '../../renderer/src/features/projects/formFacts';
import { createTestCore, type TestCore } from '../harness/core';
import { makePdf } from '../harness/files';
import { call, schoolProfile } from '../harness/seed';
import { webCertificateRequiring } from '../harness/seedProject';

/**
 * The project form's live self-check (`factsFromForm` over what the page
 * loads) and the core's (`projectFacts` over the saved project) must give the same facts and
 * the same verdicts. Random schools — profile or none, majors, teachers with every mix of
 * flags, rooms with and without equipment, sites on and off campus, hardware requirements
 * ticked or not, plan sections filled or blank, talent training plans on the project or the
 * school — are saved through the handlers into a real SQLite file, then read both ways.
 * Fixed seed; rerun another with SELFCHECK_SEED=<n>.
 */
const seed = Number(process.env.SELFCHECK_SEED ?? 20261202);
const RUNS = 20;

const majorPool = [
  { code: '510201', name: '计算机应用技术' },
  { code: '510202', name: '计算机网络技术' },
  { code: '510203', name: '软件技术' },
  { code: '510205', name: '大数据技术' },
];
const roomNames = ['软件开发实训室', 'Web实训室', '网络实训室', 'A机房', '云计算实训室'];
const siteNames = ['某软件公司实习基地', '校内创新中心', 'B科技园', '某网络公司'];

const randomSchool = fc.record({
  profile: fc.option(
    fc.record({
      kind: fc.constantFrom(...schoolKinds),
      demonstrationLevel: fc.constantFrom(...demonstrationLevels),
    }),
  ),
  majors: fc.subarray(majorPool, { minLength: 1 }),
  teachers: fc.array(
    fc.record({ fullTime: fc.boolean(), dual: fc.boolean(), able: fc.boolean() }),
    {
      maxLength: 14,
    },
  ),
  rooms: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom(...roomNames),
      areaM2: fc.constantFrom(0.5, 60, 120.25),
      workstations: fc.nat(60),
      equipment: fc.nat(2),
    }),
    { selector: (r) => r.name, maxLength: 4 },
  ),
  sites: fc.uniqueArray(
    fc.record({ name: fc.constantFrom(...siteNames), offCampus: fc.boolean() }),
    { selector: (s) => s.name, maxLength: 3 },
  ),
  requirements: fc.array(fc.constantFrom('每名学生一台计算机', '投影设备', '网络交换机'), {
    maxLength: 3,
  }),
  plan: fc.dictionary(fc.constantFrom(...planSections), fc.constantFrom('', '  ', '已制定')),
  talentPlans: fc.array(fc.constantFrom('project', 'school'), { maxLength: 2 }),
  /** Which of the school's items the project links: one flag per item, reused cyclically. */
  picks: fc.array(fc.boolean(), { minLength: 1, maxLength: 24 }),
});
type RandomSchool = typeof randomSchool extends fc.Arbitrary<infer T> ? T : never;

async function build(t: TestCore, plan: RandomSchool): Promise<Project> {
  const c = t.core;
  if (plan.profile) await call(c, 'school.save', { ...schoolProfile, ...plan.profile });
  const majors: number[] = [];
  for (const m of plan.majors) {
    const saved = await call<{ id: number }>(c, 'majors.save', {
      ...m,
      level: 'junior_college',
      catalogueYear: 2021,
      firstEnrolmentYear: 2015,
      annualEnrolment: 100,
    });
    majors.push(saved.id);
  }
  const teachers: number[] = [];
  for (const [i, x] of plan.teachers.entries()) {
    const saved = await call<{ id: number }>(c, 'teachers.save', {
      name: `教师${i + 1}`,
      gender: 'female',
      staffNo: `T${String(i + 1).padStart(4, '0')}`,
      title: '讲师',
      majorId: majors[i % majors.length],
      fullTime: x.fullTime,
      dualQualified: x.dual,
      canTeachIndependently: x.able,
      assessor: false,
    });
    teachers.push(saved.id);
  }
  const rooms: number[] = [];
  for (const r of plan.rooms) {
    const equipment = Array.from({ length: r.equipment }, (_, i) => ({
      name: `设备${i + 1}`,
      model: '',
      quantity: 1,
      unitValue: 100,
    }));
    rooms.push((await call<{ id: number }>(c, 'rooms.save', { ...r, equipment })).id);
  }
  const sites: number[] = [];
  for (const s of plan.sites) {
    const saved = await call<{ id: number }>(c, 'sites.save', {
      name: s.name,
      campus: s.offCampus ? 'off' : 'on',
      partner: s.offCampus ? '某合作企业' : '',
      capacity: 30,
      agreementStart: null,
      agreementEnd: null,
    });
    sites.push(saved.id);
  }
  const certificate = await webCertificateRequiring(c, plan.requirements);
  let n = 0;
  const picked = (ids: readonly number[]) => ids.filter(() => plan.picks[n++ % plan.picks.length]);
  const project = await call<Project>(c, 'projects.create', {
    certificateId: certificate.id,
    year: 2020,
    levels: ['junior'],
    majorIds: picked(majors),
    teacherIds: picked(teachers),
    roomIds: picked(rooms),
    siteIds: picked(sites),
    plannedStudents: [{ level: 'junior', year: 2020, count: 40 }],
    hardwareChecks: picked(certificate.requirements.map((r) => r.id)),
    plan: plan.plan,
    commitments: { noGraduationRequirement: true, noTrainingFee: true, schoolPaysOneExam: true },
  });
  for (const [i, owner] of plan.talentPlans.entries()) {
    if (owner === 'school' && !plan.profile) continue;
    await call(c, 'attachments.upload', {
      ownerType: owner,
      ownerId: owner === 'school' ? 1 : project.id,
      kind: 'talent_training_plan',
      file: {
        fileName: `人才培养方案${i + 1}.pdf`,
        contentBase64: makePdf(`plan ${i}`).toString('base64'),
      },
    });
  }
  return call<Project>(c, 'projects.get', { id: project.id });
}

/** What the project page loads, turned into facts the way the page does. */
async function pageFacts(t: TestCore, project: Project): Promise<ProjectFacts> {
  const c = t.core;
  const refs = {
    certificates: await call<Certificate[]>(c, 'catalogue.list', { includeArchived: true }),
    majors: await call<Major[]>(c, 'majors.list', {}),
    teachers: await call<Teacher[]>(c, 'teachers.list', {}),
    rooms: await call<TrainingRoom[]>(c, 'rooms.list', {}),
    sites: await call<TrainingSite[]>(c, 'sites.list', {}),
  };
  const school = await call<SchoolProfile | null>(c, 'school.get', {});
  const files = [
    ...(await call<AttachmentLink[]>(c, 'attachments.list', {
      ownerType: 'project',
      ownerId: project.id,
    })),
    ...(await call<AttachmentLink[]>(c, 'attachments.list', { ownerType: 'school', ownerId: 1 })),
  ];
  const talentPlans = files.filter((a) => a.kind === 'talent_training_plan').length;
  return factsFromForm(project, refs, school, talentPlans);
}

/** The facts as the self-check reads them, without the extra fields the page's records carry. */
const essentials = (f: ProjectFacts): ProjectFacts => ({
  school: f.school && { kind: f.school.kind, demonstrationLevel: f.school.demonstrationLevel },
  majors: f.majors.map(({ code, name }) => ({ code, name })),
  teachers: f.teachers.map(({ fullTime, dualQualified, canTeachIndependently }) => ({
    fullTime,
    dualQualified,
    canTeachIndependently,
  })),
  rooms: f.rooms.map(({ name, areaM2, workstations, equipmentCount }) => ({
    name,
    areaM2,
    workstations,
    equipmentCount,
  })),
  hardware: f.hardware,
  sites: f.sites.map(({ name }) => ({ name })),
  talentTrainingPlanCount: f.talentTrainingPlanCount,
  plan: f.plan,
});

describe('self-check facts: the project page and the core agree (property)', () => {
  it('gives the same facts and verdicts for random projects', async () => {
    await fc.assert(
      fc.asyncProperty(randomSchool, async (plan) => {
        const t = createTestCore();
        try {
          const project = await build(t, plan);
          const page = essentials(await pageFacts(t, project));
          const db = new Database(path.join(t.dataDir, DATABASE_FILE), { readonly: true });
          const core = essentials(projectFacts(db, project.id));
          db.close();
          expect(page).toEqual(core);
          expect(selfCheckProject(page)).toEqual(project.verdicts);
          expect(selfCheckProject(core)).toEqual(project.verdicts);
        } finally {
          t.dispose();
        }
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});

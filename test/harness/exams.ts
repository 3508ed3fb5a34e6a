import type { Core } from '../../electron/core';
import type { Certificate } from '../../shared/contract/catalogue';
import type { ExamBatch } from '../../shared/contract/exams';
import type { Student } from '../../shared/contract/students';
import { planSections } from '../../shared/domain/implementationPlan';
import { call, findCertificate, seedSchool } from './seed';
import { residentId } from './students';

/**
 * A school ready for exams, through the handlers: two majors (软件技术, 计算机应用技术), a site,
 * the sample certificate “Web前端开发” with cost caps (初级 ¥500.00, 中级 ¥800.00; 高级 none),
 * and `students` students (学号 2020000001…): the first half in 软件技术, the rest with no major.
 */
export async function seedExamSchool(core: Core, options: { students?: number } = {}) {
  const seeded = await seedSchool(core);
  const web = await findCertificate(core);
  const certificate = await call<Certificate>(core, 'catalogue.setLimits', {
    id: web.id,
    limits: [
      { kind: 'cap', level: 'junior', amountFen: 50000, document: '教职所〔2019〕314号' },
      { kind: 'cap', level: 'intermediate', amountFen: 80000, document: '教职所〔2019〕314号' },
    ],
  });
  const count = options.students ?? 6;
  const students: Student[] = [];
  for (let i = 1; i <= count; i += 1) {
    students.push(
      await call<Student>(core, 'students.save', {
        studentNo: `2020${String(i).padStart(6, '0')}`,
        name: `学生${i}`,
        idType: 'resident',
        idNumber: residentId('20040301', i),
        gender: i % 2 === 1 ? 'male' : 'female',
        majorId: i <= count / 2 ? seeded.majorIds[0] : null,
        className: i <= count / 2 ? '软件2001班' : '其他2001班',
        entryYear: 2020,
        pilot: true,
      }),
    );
  }
  return { ...seeded, certificate, students };
}

/** A pilot project for the certificate and year, with these majors, walked to 省级确认. */
export async function confirmedProject(
  core: Core,
  seeded: Awaited<ReturnType<typeof seedExamSchool>>,
  options: { year?: number; majorIds?: number[]; confirm?: boolean } = {},
) {
  const project = await call<{ id: number }>(core, 'projects.create', {
    certificateId: seeded.certificate.id,
    year: options.year ?? 2020,
    levels: ['junior'],
    majorIds: options.majorIds ?? [seeded.majorIds[0]],
    teacherIds: seeded.teacherIds,
    roomIds: seeded.roomIds,
    siteIds: seeded.siteIds,
    plan: Object.fromEntries(planSections.map((s) => [s, `${s} 内容`])),
    commitments: { noGraduationRequirement: true, noTrainingFee: true, schoolPaysOneExam: true },
  });
  if (options.confirm === false) return project;
  await call(core, 'projects.setStatus', {
    id: project.id,
    status: 'submitted',
    acceptFailures: true,
  });
  await call(core, 'projects.setStatus', {
    id: project.id,
    status: 'confirmed',
    confirmationDocument: '鄂教职成办〔2020〕5号',
    confirmationDate: '2020-05-20',
  });
  return project;
}

/** A batch of the certificate's 初级 on 2020-11-15, fee ¥480 (in yuan, as the form sends it). */
export function batchInput(certificateId: number, overrides: Record<string, unknown> = {}) {
  return {
    certificateId,
    level: 'junior',
    name: '第一批',
    examDate: '2020-11-15',
    siteId: null,
    siteText: '实训楼 301',
    fee: 480,
    capacity: null,
    ...overrides,
  };
}

export const createBatch = (core: Core, input: Record<string, unknown>) =>
  call<ExamBatch>(core, 'exams.batches.save', input);

/** seedExamSchool plus one batch with every student signed up. */
export async function seedSignedUpBatch(core: Core, students: number) {
  const seeded = await seedExamSchool(core, { students });
  const batch = await createBatch(core, batchInput(seeded.certificate.id));
  await call(core, 'exams.signups.create', {
    batchId: batch.id,
    studentIds: seeded.students.map((s) => s.id),
    confirm: true,
  });
  return { seeded, batch };
}

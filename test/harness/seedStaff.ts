import { createCore } from '../../electron/core';

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const titles = ['助教', '讲师', '副教授', '教授', '工程师', '高级讲师'];

export interface SeededStaff {
  majors: { id: number; code: string; name: string }[];
  teachers: number;
}

/**
 * A school with a few majors and `count` teachers, written through the core's own handlers into
 * the data folder (for e2e tests and benches). Flags follow the teacher's index: every 3rd is
 * 双师型, every 7th part-time, every 5th not yet able to teach independently.
 */
export async function seedStaff(dataDir: string, count: number): Promise<SeededStaff> {
  const core = createCore({
    dataDir,
    clock: () => new Date('2026-03-02T08:00:00Z'),
    log: () => undefined,
    appVersion: 'seed',
  });
  try {
    const majors: SeededStaff['majors'] = [];
    for (const [code, name] of [
      ['510203', '软件技术'],
      ['530802', '现代物流管理'],
      ['520801', '老年保健与管理'],
    ]) {
      const result = await core.dispatch('majors.save', {
        code,
        name,
        level: 'junior_college',
        catalogueYear: 2021,
        firstEnrolmentYear: 2015,
        annualEnrolment: 100,
      });
      if (!result.ok) throw new Error(result.error.message);
      const major = result.data as { id: number };
      majors.push({ id: major.id, code, name });
    }
    for (let i = 0; i < count; i += 1) {
      const result = await core.dispatch('teachers.save', {
        name: `${surnames[i % surnames.length]}老师${i + 1}`,
        gender: i % 2 ? 'male' : 'female',
        staffNo: `T${String(i + 1).padStart(5, '0')}`,
        title: titles[i % titles.length],
        majorId: majors[i % majors.length].id,
        fullTime: i % 7 !== 0,
        dualQualified: i % 3 === 0,
        canTeachIndependently: i % 5 !== 0,
        assessor: i % 10 === 0,
      });
      if (!result.ok) throw new Error(result.error.message);
    }
    return { majors, teachers: count };
  } finally {
    core.close();
  }
}

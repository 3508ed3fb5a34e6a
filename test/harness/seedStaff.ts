import type { APIRequestContext } from '@playwright/test';
import type { Envelope } from '../../shared/contract/errors';
import type { RunningWebHost } from './webHost';

/** Calls one handler: the core's dispatch in Vitest or a bench, the web host in an e2e test. */
export type Call = (name: string, input: unknown) => Promise<Envelope<unknown>>;

/** A Call through a running web host, as the page makes it. */
export function webHostCall(request: APIRequestContext, host: RunningWebHost): Call {
  return async (name, input) => {
    const response = await request.post(`${host.origin}/api/invoke/${name}`, {
      headers: host.headers,
      data: input,
    });
    return (await response.json()) as Envelope<unknown>;
  };
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const titles = ['助教', '讲师', '副教授', '教授', '工程师', '高级讲师'];

export interface SeededStaff {
  majors: { id: number; code: string; name: string }[];
  teachers: number;
}

/**
 * A school with a few majors and `count` teachers, written through the handlers (so validated
 * like any input), for e2e tests and benches. Flags follow the teacher's index: every 3rd is
 * 双师型, every 7th part-time, every 5th not yet able to teach independently.
 */
export async function seedStaff(call: Call, count: number): Promise<SeededStaff> {
  const majors: SeededStaff['majors'] = [];
  for (const [code, name] of [
    ['510203', '软件技术'],
    ['530802', '现代物流管理'],
    ['520801', '老年保健与管理'],
  ]) {
    const result = await call('majors.save', {
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
    const result = await call('teachers.save', {
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
}

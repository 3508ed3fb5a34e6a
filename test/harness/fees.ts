import type { Call } from './seedStaff';
import { schoolProfile } from './seed';
import { residentId } from './students';

/** Calls a handler and returns its data (a core or the web host behind it). */
export type DataCall = (name: string, input: unknown) => Promise<unknown>;

/** A DataCall over an envelope call (webHostCall): a refusal fails the test with its message. */
export function dataCall(call: Call): DataCall {
  return async (name, input) => {
    const result = await call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.data;
  };
}

export const WEB_CERT = 2; // Web前端开发 in the bundled sample catalogue
export const BIM_CERT = 1; // 建筑信息模型（BIM）

/** Web前端开发 初级 capped at ¥500.00 (依据 教职所〔2019〕314号), 中级 at ¥800.00. */
export async function setCaps(call: DataCall): Promise<void> {
  await call('catalogue.setLimits', {
    id: WEB_CERT,
    limits: [
      { kind: 'cap', level: 'junior', amountFen: 50_000, document: '教职所〔2019〕314号' },
      { kind: 'cap', level: 'intermediate', amountFen: 80_000, document: '教职所〔2019〕314号' },
    ],
  });
}

/**
 * The exam-day specs' start: the school saved (unless `school` is false: a fresh install then opens
 * on 学校信息), the caps set and `count` students added; returns the students' ids.
 */
export async function examDayStart(
  call: DataCall,
  count: number,
  { school = true }: { school?: boolean } = {},
): Promise<number[]> {
  if (school) await call('school.save', schoolProfile);
  await setCaps(call);
  return addStudents(call, count);
}

/** `count` students 2023000001… through students.save; pilot unless listed in `nonPilot`. */
export async function addStudents(
  call: DataCall,
  count: number,
  options: { start?: number; nonPilot?: number[]; names?: Record<number, string> } = {},
): Promise<number[]> {
  const ids: number[] = [];
  const start = options.start ?? 1;
  for (let n = start; n < start + count; n += 1) {
    const saved = (await call('students.save', {
      studentNo: `2023${String(n).padStart(6, '0')}`,
      name: options.names?.[n] ?? `学生${n}`,
      idType: 'resident',
      idNumber: residentId('20050301', n),
      gender: n % 2 === 1 ? 'male' : 'female',
      className: `软件230${1 + (n % 2)}班`,
      entryYear: 2023,
      pilot: !(options.nonPilot ?? []).includes(n),
    })) as { id: number };
    ids.push(saved.id);
  }
  return ids;
}

export interface BatchSeed {
  certificateId: number;
  level: 'junior' | 'intermediate' | 'senior';
  examDate: string;
  /** Yuan, as the batch form sends it. */
  fee: number;
  name?: string;
  organization?: string;
}

/** The exam-day specs' batch: Web前端开发 初级 on 2020-11-15, 480 yuan, named 第一批. */
export const firstBatch: BatchSeed = {
  certificateId: WEB_CERT,
  level: 'junior',
  examDate: '2020-11-15',
  fee: 480,
  name: '第一批',
};

/** 工业和信息化部教育与考试中心, the organization that examines Web前端开发. */
export const WEB_ORGANIZATION = '工业和信息化部教育与考试中心';

/** The fund specs' batch: Web前端开发 初级 on 2026-05-10, 400 yuan, by `WEB_ORGANIZATION`. */
export const webJunior2026: BatchSeed = {
  certificateId: WEB_CERT,
  level: 'junior',
  examDate: '2026-05-10',
  fee: 400,
  organization: WEB_ORGANIZATION,
};

/** The fee specs' second batch: Web前端开发 中级 on 2026-10-10, 700 yuan, named 2026秋中级. */
export const webIntermediateAutumn2026: BatchSeed = {
  certificateId: WEB_CERT,
  level: 'intermediate',
  name: '2026秋中级',
  examDate: '2026-10-10',
  fee: 700,
};

/** Every one of `students` signed up for `firstBatch`. */
export const signUpForFirstBatch = (call: DataCall, students: readonly number[]) =>
  signUp(
    call,
    [firstBatch],
    students.map((student) => ({ student, batch: 0 })),
  );

/**
 * Batches and sign-ups through the exams handlers (confirming the 未省级确认 warning), then the
 * payers through fees.change: each sign-up starts school-paid at its batch's fee.
 */
export async function signUp(
  call: DataCall,
  batches: BatchSeed[],
  signups: { student: number; batch: number; payer?: 'school' | 'subsidy' | 'student' }[],
): Promise<{ batchIds: number[]; signupId: (student: number, batch: number) => number }> {
  const batchIds: number[] = [];
  for (const b of batches) {
    const saved = (await call('exams.batches.save', {
      certificateId: b.certificateId,
      level: b.level,
      examDate: b.examDate,
      fee: b.fee,
      name: b.name ?? '',
      organization: b.organization ?? '',
    })) as { id: number };
    batchIds.push(saved.id);
  }
  for (const [i, batchId] of batchIds.entries()) {
    const studentIds = signups.filter((g) => g.batch === i).map((g) => g.student);
    if (studentIds.length > 0) {
      await call('exams.signups.create', { batchId, studentIds, confirm: true });
    }
  }
  const ids = new Map<string, number>();
  for (const batchId of batchIds) {
    const page = (await call('fees.ledger', { batchIds: [batchId], pageSize: 1000 })) as {
      items: { id: number; studentId: number }[];
    };
    for (const r of page.items) ids.set(`${r.studentId}/${batchId}`, r.id);
  }
  const signupId = (student: number, batch: number) => ids.get(`${student}/${batchIds[batch]}`)!;
  // School-paid first, so 学生自愿自费 is always an additional certificate.
  for (const payer of ['subsidy', 'student'] as const) {
    const chosen = signups.filter((g) => g.payer === payer);
    if (chosen.length > 0) {
      await call('fees.change', {
        signupIds: chosen.map((g) => signupId(g.student, g.batch)),
        payer,
      });
    }
  }
  return { batchIds, signupId };
}

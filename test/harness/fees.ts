import {
  insertBatches,
  insertSignups,
  openDataFile,
  type Payer,
  type SignupStatus,
} from './seedExams';
import { residentId } from './students';

/** Calls a handler and returns its data (a core or the web host behind it). */
export type DataCall = (name: string, input: unknown) => Promise<unknown>;

export const WEB_CERT = 2; // Web前端开发 in the bundled sample catalogue
export const BIM_CERT = 1; // 建筑信息模型（BIM）

/** Web前端开发 初级 capped at ¥500.00 (依据 教职所〔2019〕314号), 中级 at ¥800.00. */
export async function setCaps(call: DataCall): Promise<void> {
  await call('catalogue.setLevelCaps', {
    id: WEB_CERT,
    caps: [
      { level: 'junior', costCapFen: 50_000, capDocument: '教职所〔2019〕314号' },
      { level: 'intermediate', costCapFen: 80_000, capDocument: '教职所〔2019〕314号' },
    ],
  });
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
  feeFen: number;
  name?: string;
  organization?: string;
}

/**
 * Stop-gap until the exams module's handlers exist: batches and sign-ups written with the SQL
 * seed harness through a second connection to the core's data file.
 */
export function seedSignups(
  dataDir: string,
  batches: BatchSeed[],
  signups: {
    student: number;
    batch: number;
    feeFen: number;
    payer?: Payer;
    status?: SignupStatus;
  }[],
): number[] {
  const db = openDataFile(dataDir);
  try {
    const batchIds = insertBatches(db, batches);
    insertSignups(
      db,
      signups.map((s) => ({
        studentId: s.student,
        batchId: batchIds[s.batch],
        feeFen: s.feeFen,
        payer: s.payer,
        status: s.status,
      })),
    );
    return batchIds;
  } finally {
    db.close();
  }
}

/** Sign-up ids by (student id, batch id), read from the data file. */
export function signupIdsOf(dataDir: string): Map<string, number> {
  const db = openDataFile(dataDir);
  try {
    const rows = db
      .prepare<[], { id: number; student_id: number; batch_id: number }>(
        'SELECT id, student_id, batch_id FROM signups',
      )
      .all();
    return new Map(rows.map((r) => [`${r.student_id}/${r.batch_id}`, r.id]));
  } finally {
    db.close();
  }
}

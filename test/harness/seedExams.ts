import Database from 'better-sqlite3';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/core/dataFiles';
import type { BatchSeed } from './fees';

/**
 * Bulk rows for benches and large fixtures: exam batches and sign-ups written straight into a
 * core's data file through a second connection (WAL lets it share the file with the running
 * core). Functional tests create the same rows through the handlers instead; this exists because
 * 100,000 sign-ups through the dispatcher would take the bench's whole budget.
 */
export function openDataFile(dataDir: string): Database.Database {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
}

/** A batch as the specs seed it, but its fee in fen, as the data file stores it. */
export interface SeedBatch extends Omit<BatchSeed, 'fee'> {
  feeFen: number;
  capacity?: number | null;
}

export type SignupStatus =
  'registered' | 'paid' | 'examined' | 'passed' | 'failed' | 'absent' | 'withdrawn';
export type Payer = 'school' | 'subsidy' | 'student';

export interface SeedSignup {
  studentId: number;
  batchId: number;
  status?: SignupStatus;
  feeFen: number;
  payer?: Payer;
  score?: number | null;
  at?: string;
}

const stamp = '2026-03-02T08:00:00.000Z';

export function insertBatches(db: Database.Database, batches: readonly SeedBatch[]): number[] {
  const insert = db.prepare(
    `INSERT INTO exam_batches (certificate_id, level, name, exam_date, organization, fee_fen,
       capacity, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return db.transaction(() =>
    batches.map((b) =>
      Number(
        insert.run(
          b.certificateId,
          b.level,
          b.name ?? '',
          b.examDate,
          b.organization ?? '',
          b.feeFen,
          b.capacity ?? null,
          stamp,
          stamp,
        ).lastInsertRowid,
      ),
    ),
  )();
}

export function insertSignups(db: Database.Database, signups: readonly SeedSignup[]): void {
  const insert = db.prepare(
    `INSERT INTO signups (student_id, batch_id, status, score, fee_fen, payer, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const s of signups) {
      const at = s.at ?? stamp;
      insert.run(
        s.studentId,
        s.batchId,
        s.status ?? 'registered',
        s.score ?? null,
        s.feeFen,
        s.payer ?? 'school',
        at,
        at,
      );
    }
  })();
}

/**
 * Students straight into the table, from `rosterRows()`-shaped rows (学号, 姓名, 身份证号码,
 * 性别, 专业, 班级, 年级, 联系电话, 试点学生), in one transaction: for large fixtures.
 */
export function insertStudents(db: Database.Database, rows: readonly string[][]): void {
  const insert = db.prepare(
    `INSERT INTO students (student_no, name, id_type, id_number, gender, major_id, major_text,
       class_name, entry_year, phone, pilot, created_at, updated_at)
     VALUES (?, ?, 'resident', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const r of rows) {
      insert.run(
        r[0],
        r[1],
        r[2],
        r[3] === '男' ? 'male' : 'female',
        r[4],
        r[5],
        Number.parseInt(r[6], 10),
        r[7],
        r[8] === '否' ? 0 : 1,
        stamp,
        stamp,
      );
    }
  })();
}

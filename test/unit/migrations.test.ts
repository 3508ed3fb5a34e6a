import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../electron/core/db/migrate';
import { readSchema, referenceSchema, schemaDifferences } from '../../electron/core/db/schema';
import { migrations } from '../../electron/core/migrations';

describe('migrations', () => {
  it('are numbered 1..N without gaps or repeats, so no file can skip one', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });
});

const at = '2020-05-01T00:00:00.000Z';

/**
 * A real file at the version just before migration 021, with sign-ups of every old status, the
 * parts of a score and a 准考证号 (migration 016), and a 试点经费 entry pointing at a sign-up.
 */
function fileBefore21(file: string): void {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  applyMigrations(
    db,
    migrations.filter((m) => m.version < 21),
  );
  const cert = db.prepare<[], number>('SELECT id FROM certificates ORDER BY id').pluck().get()!;
  const batch = Number(
    db
      .prepare(
        `INSERT INTO exam_batches (certificate_id, level, exam_date, fee_fen, created_at, updated_at)
         VALUES (?, 'junior', '2020-09-01', 48000, ?, ?)`,
      )
      .run(cert, at, at).lastInsertRowid,
  );
  const student = db.prepare(
    `INSERT INTO students (student_no, name, id_type, id_number, gender, major_text, created_at, updated_at)
     VALUES (?, ?, 'resident', ?, 'male', ?, ?, ?)`,
  );
  const signup = db.prepare(
    `INSERT INTO signups (student_id, batch_id, status, score, theory_score, practical_score,
       admission_no, certificate_no, fee_fen, payer, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const statuses = ['registered', 'paid', 'examined', 'passed', 'failed', 'absent', 'withdrawn'];
  statuses.forEach((status, i) => {
    const s = Number(
      student.run(
        `2020${i}`,
        `学生${i}`,
        `11010520000101${String(i).padStart(3, '0')}X`,
        '软件技术',
        at,
        at,
      ).lastInsertRowid,
    );
    const scored = ['examined', 'passed', 'failed'].includes(status);
    signup.run(
      s,
      batch,
      status,
      scored ? 60 + i : null,
      scored ? 50 : null,
      scored ? 70 : null,
      `ZK${i}`,
      status === 'passed' ? 'CERT-1' : '',
      48000,
      i % 2 === 0 ? 'school' : 'student',
      at,
      at,
    );
  });
  const project = Number(
    db
      .prepare(
        'INSERT INTO pilot_projects (certificate_id, year, created_at, updated_at) VALUES (?, 2020, ?, ?)',
      )
      .run(cert, at, at).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO fund_entries (project_id, direction, category, amount_fen, occurred_on, signup_id,
       created_at, updated_at) VALUES (?, 'income', 'studentExamFee', 48000, '2020-09-01', 2, ?, ?)`,
  ).run(project, at, at);
  db.close();
}

const dump = (db: Database.Database, sql: string) => db.prepare(sql).all();

describe('migration 021: the 违纪 status', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('rebuilds sign-ups with every row, index, trigger and foreign key, and takes 违纪', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilotdesk-m21-'));
    dirs.push(dir);
    const file = path.join(dir, 'data.sqlite');
    fileBefore21(file);
    const before = new Database(file, { readonly: true });
    const rows = dump(before, 'SELECT * FROM signups ORDER BY id');
    const sums = dump(before, 'SELECT * FROM signup_sums ORDER BY 1, 2, 3, 4');
    const funds = dump(before, 'SELECT * FROM fund_entries');
    before.close();

    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    expect(applyMigrations(db, migrations)).toContain(21);
    // Enforcement is back on after the rebuild.
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(dump(db, 'SELECT * FROM signups ORDER BY id')).toEqual(rows);
    expect(dump(db, 'SELECT * FROM signup_sums ORDER BY 1, 2, 3, 4')).toEqual(sums);
    expect(dump(db, 'SELECT * FROM fund_entries')).toEqual(funds);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const version = db.pragma('user_version', { simple: true }) as number;
    expect(schemaDifferences(readSchema(db), referenceSchema(migrations, version))).toEqual({
      extra: [],
      missing: [],
      changed: [],
    });
    const objects = dump(
      db,
      "SELECT name FROM sqlite_master WHERE tbl_name = 'signups' ORDER BY name",
    ).map((r) => (r as { name: string }).name);
    expect(objects).toEqual(
      expect.arrayContaining([
        'signups',
        'signups_batch',
        'signups_batch_fee',
        'signups_admission_no',
        'signups_student_pays',
        'signup_sums_insert',
        'signup_sums_update',
        'signup_sums_delete',
      ]),
    );
    expect(objects).not.toContain('signups_v21');

    // 违纪 is taken, and the sums follow it (trigger on signups).
    db.prepare("UPDATE signups SET status = 'violation' WHERE id = 2").run();
    const violation = db
      .prepare<[], number>("SELECT sum(n) FROM signup_sums WHERE status = 'violation'")
      .pluck()
      .get();
    expect(violation).toBe(1);
    expect(() => db.prepare("UPDATE signups SET status = 'cheated' WHERE id = 2").run()).toThrow(
      /CHECK/,
    );
    // The student's major trigger still moves their sums.
    db.prepare("UPDATE students SET major_text = '大数据技术' WHERE id = 2").run();
    expect(
      db
        .prepare<[], number>("SELECT n FROM signup_sums WHERE major_key = 'text:大数据技术'")
        .pluck()
        .get(),
    ).toBe(1);
    // The fund entry still holds its sign-up.
    expect(() => db.prepare('DELETE FROM signups WHERE id = 2').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

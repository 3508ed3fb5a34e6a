import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readSchema, referenceSchema, schemaDifferences } from '../../electron/core/db/schema';
import { migrations } from '../../electron/core/migrations';
import type { FeeAgreement } from '../../shared/contract/agreements';
import type { ExamBatch } from '../../shared/contract/exams';
import type { FeeViolations } from '../../shared/contract/fees';
import { migrationHarness, oldRowsAt as at } from '../harness/migrations';
import { call, findCertificate } from '../harness/seed';

const { oldCore, readDatabase } = migrationHarness();

/** A file at version 11 (one cap per level) with caps, a batch over one cap and an agreement. */
function version11Rows(db: Database.Database): void {
  const web = db
    .prepare<[], number>("SELECT id FROM certificates WHERE name = 'Web前端开发'")
    .pluck()
    .get()!;
  const setCap = db.prepare(
    'UPDATE certificate_levels SET cost_cap_fen = ?, cap_document = ? WHERE certificate_id = ? AND level = ?',
  );
  setCap.run(50000, '教职所〔2019〕314号', web, 'junior');
  setCap.run(80000, '教职所〔2019〕314号', web, 'intermediate');
  const batch = db.prepare(
    `INSERT INTO exam_batches (certificate_id, level, exam_date, fee_fen, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  batch.run(web, 'junior', '2020-09-01', 48000, at, at);
  batch.run(web, 'intermediate', '2020-09-02', 85000, at, at);
  db.prepare(
    `INSERT INTO fee_agreements (certificate_id, level, fee_fen, cap_fen, cap_document, agreed_on,
       created_at, updated_at) VALUES (?, 'junior', 48000, 50000, '教职所〔2019〕314号', '2020-06-01', ?, ?)`,
  ).run(web, at, at);
}

describe('migration 012: caps by exam form and date', () => {
  it('keeps every cap as a 未区分 cap valid without end, and judges batches as before', async () => {
    const { core, dataDir } = oldCore('pilotdesk-m12-', 11, version11Rows);

    const web = await findCertificate(core);
    expect(web.levels.map((l) => l.level)).toEqual(['junior', 'intermediate', 'senior']);
    expect(web.limits).toEqual([
      {
        id: expect.any(Number),
        kind: 'cap',
        level: 'junior',
        examForm: 'any',
        amountFen: 50000,
        document: '教职所〔2019〕314号',
        validFrom: null,
        validUntil: null,
      },
      {
        id: expect.any(Number),
        kind: 'cap',
        level: 'intermediate',
        examForm: 'any',
        amountFen: 80000,
        document: '教职所〔2019〕314号',
        validFrom: null,
        validUntil: null,
      },
    ]);
    const batches = await call<ExamBatch[]>(core, 'exams.batches.list', {});
    expect(batches.map((b) => [b.level, b.examForm, b.feeLimit?.amountFen])).toEqual([
      ['intermediate', null, 80000],
      ['junior', null, 50000],
    ]);
    const violations = await call<FeeViolations>(core, 'fees.violations', {});
    expect(violations.overCap.map((v) => [v.kind, v.feeFen, v.capFen])).toEqual([
      ['batch', 85000, 80000],
    ]);
    const [agreement] = await call<FeeAgreement[]>(core, 'agreements.list', {});
    expect(agreement).toMatchObject({ examForm: null, capFen: 50000, feeFen: 48000 });
    // Levels still hold the limits: a level cannot be dropped from under them silently.
    const db = readDatabase(dataDir);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(
      db.prepare("SELECT name FROM pragma_table_info('certificate_levels')").pluck().all(),
    ).toEqual(['certificate_id', 'level', 'updated_at']);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .pluck()
      .all() as string[];
    // A backup of this file is recognised as ours: exactly the schema the migrations build.
    const version = db.pragma('user_version', { simple: true }) as number;
    expect(schemaDifferences(readSchema(db), referenceSchema(migrations, version))).toEqual({
      extra: [],
      missing: [],
      changed: [],
    });
    expect(tables).not.toContain('certificate_levels_v12');
    db.close();
  });
});

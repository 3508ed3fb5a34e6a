import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, createCore, type Core } from '../../electron/core';
import { readSchema, referenceSchema, schemaDifferences } from '../../electron/core/db/schema';
import { migrations } from '../../electron/core/migrations';
import type { Certificate } from '../../shared/contract/catalogue';
import type { FeeAgreement } from '../../shared/contract/agreements';
import type { ExamBatch } from '../../shared/contract/exams';
import type { FeeViolations } from '../../shared/contract/fees';
import { call } from '../harness/seed';
import { makeTempDir } from '../harness/webHost';

const temps: { remove(): void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.close());
  temps.splice(0).forEach((t) => t.remove());
});

const at = '2020-05-01T00:00:00.000Z';

/** A file at version 11 (one cap per level) with caps, a batch over one cap and an agreement. */
function version11File(dataDir: string): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version <= 11)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
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
  db.close();
}

describe('migration 012: caps by exam form and date', () => {
  it('keeps every cap as a 未区分 cap valid without end, and judges batches as before', async () => {
    const t = makeTempDir('pilotdesk-m12-');
    temps.push(t);
    version11File(t.dir);
    const core = createCore({
      dataDir: t.dir,
      clock: () => new Date('2026-03-02T08:00:00Z'),
      log: () => undefined,
      appVersion: 't',
    });
    cores.push(core);

    const [web] = await call<Certificate[]>(core, 'catalogue.list', { search: 'Web前端开发' });
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
    const db = new Database(path.join(t.dir, DATABASE_FILE), { readonly: true });
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

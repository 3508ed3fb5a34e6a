import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/migrations';
import type { ExamBatch } from '../../shared/contract/exams';
import { migrationHarness, oldRowsAt as at } from '../harness/migrations';
import { call } from '../harness/seed';

const { oldCore, readDatabase } = migrationHarness();

/** A file at version 18: one batch at a training site, one at a typed place. */
function version18Rows(db: Database.Database): void {
  const web = db
    .prepare<[], number>("SELECT id FROM certificates WHERE name = 'Web前端开发'")
    .pluck()
    .get()!;
  const site = db
    .prepare(
      `INSERT INTO training_sites (name, campus, capacity, created_at, updated_at)
       VALUES ('校内实训中心', 'on', 100, ?, ?)`,
    )
    .run(at, at).lastInsertRowid;
  const batch = db.prepare(
    `INSERT INTO exam_batches (certificate_id, level, name, exam_date, site_id, site_text, fee_fen,
       created_at, updated_at) VALUES (?, 'junior', ?, '2020-11-15', ?, ?, 48000, ?, ?)`,
  );
  batch.run(web, '场所批次', site, '校内实训中心', at, at);
  batch.run(web, '文字批次', null, '实训楼 301', at, at);
}

describe('migration 019: exam sites', () => {
  it('keeps every batch and its place; none is claimed to be an approved site', async () => {
    const { core, dataDir } = oldCore('pilotdesk-m19-', 18, version18Rows);
    const batches = await call<ExamBatch[]>(core, 'exams.batches.list', {});
    const byName = new Map(batches.map((b) => [b.name, b]));
    expect(byName.get('场所批次')).toMatchObject({
      roomId: null,
      siteName: '校内实训中心',
      examSite: { kind: 'notApproved', reason: 'notCovered' },
    });
    expect(byName.get('场所批次')!.siteId).not.toBeNull();
    expect(byName.get('文字批次')).toMatchObject({
      siteId: null,
      roomId: null,
      siteName: '实训楼 301',
      examSite: { kind: 'unchecked' },
    });
    expect(await call(core, 'examSites.list', {})).toEqual([]);
    const db = readDatabase(dataDir);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    db.close();
  });
});

import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, createCore, type Core } from '../../electron/core';
import { migrations } from '../../electron/core/migrations';
import type { ExamBatch } from '../../shared/contract/exams';
import { call } from '../harness/seed';
import { makeTempDir } from '../harness/webHost';

const temps: { remove(): void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.close());
  temps.splice(0).forEach((t) => t.remove());
});

const at = '2020-05-01T00:00:00.000Z';

/** A file at version 18: one batch at a training site, one at a typed place. */
function version18File(dataDir: string): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  db.pragma('foreign_keys = ON');
  for (const m of migrations.filter((m) => m.version <= 18)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
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
  db.close();
}

describe('migration 019: exam sites', () => {
  it('keeps every batch and its place; none is claimed to be an approved site', async () => {
    const t = makeTempDir('pilotdesk-m19-');
    temps.push(t);
    version18File(t.dir);
    const core = createCore({
      dataDir: t.dir,
      clock: () => new Date('2026-03-02T08:00:00Z'),
      log: () => undefined,
      appVersion: 't',
    });
    cores.push(core);
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
    const db = new Database(path.join(t.dir, DATABASE_FILE), { readonly: true });
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    db.close();
  });
});

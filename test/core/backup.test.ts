import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  readFileSync,
  existsSync,
  openSync,
  readdirSync,
  statSync,
  closeSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../shared/contract';
import type {
  BackupDownload,
  BackupEntry,
  BackupList,
  RestoreResult,
} from '../../shared/contract/backup';
import { BACKUP_DIR, DATABASE_FILE, createCore, type Core } from '../../electron/core';
import { migrations } from '../../electron/core/migrations';
import { applyMigrations, latestVersion } from '../../electron/core/db/migrate';
import { integrityProblems } from '../../electron/core/db/open';
import { makePdf } from '../harness/files';
import { makeTempDir } from '../harness/webHost';
import { downloaded } from '../harness/downloads';
import { staged } from '../harness/uploads';
import { fullSchoolProfile as profile } from '../harness/seed';

const MINUTE = 60_000;
const temps: { remove(): void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.close());
  temps.splice(0).forEach((t) => t.remove());
});

/** A core on a real folder with a clock the test moves by hand. */
function setup(dataDir?: string) {
  if (!dataDir) {
    const temp = makeTempDir('pilotdesk-backup-');
    temps.push(temp);
    dataDir = temp.dir;
  }
  const clock = { now: new Date('2026-03-02T08:00:00Z').getTime() };
  const open = () => {
    const core = createCore({
      dataDir: dataDir!,
      clock: () => new Date(clock.now),
      log: () => undefined,
      appVersion: 'test',
    });
    cores.push(core);
    return core;
  };
  return { dataDir, clock, open, backupDir: path.join(dataDir, BACKUP_DIR) };
}

async function ok<T>(promise: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}

async function fails(promise: Promise<Envelope<unknown>>) {
  const envelope = await promise;
  if (envelope.ok) throw new Error('expected the call to fail');
  return envelope.error;
}

const list = (core: Core) => ok<BackupList>(core.dispatch('backup.list', {}));
const schoolName = async (core: Core) =>
  (await ok<{ name: string } | null>(core.dispatch('school.get', {})))?.name ?? null;
const saveName = (core: Core, name: string) =>
  ok(core.dispatch('school.save', { ...profile, name }));

function closeAndDrop(core: Core) {
  core.close();
  cores.splice(cores.indexOf(core), 1);
}

describe('automatic backups', () => {
  it('skips a brand-new file, then snapshots an existing one at start', async () => {
    const s = setup();
    const first = s.open();
    await first.backups.idle();
    expect((await list(first)).items).toEqual([]);
    await saveName(first, '甲学校');
    closeAndDrop(first);

    s.clock.now += MINUTE;
    const second = s.open();
    await second.backups.idle();
    const { items, totalBytes, dir } = await list(second);
    expect(dir).toBe(s.backupDir);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'auto-20260302T080100Z.sqlite',
      kind: 'auto',
      createdAt: '2026-03-02T08:01:00.000Z',
    });
    expect(items[0].size).toBe(statSync(path.join(s.backupDir, items[0].id)).size);
    expect(totalBytes).toBe(items[0].size);

    // The snapshot is a self-contained, sound copy with the data.
    const copy = new Database(path.join(s.backupDir, items[0].id), { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM school').pluck().get()).toBe('甲学校');
    copy.close();
    expect(readdirSync(s.backupDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('after changes, at most every 15 minutes, and never without a change', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '甲学校');
    expect(await core.backups.tick()).toMatchObject({ kind: 'auto' }); // changed, none yet

    s.clock.now += 5 * MINUTE;
    await saveName(core, '乙学校');
    expect(await core.backups.tick()).toBeNull(); // changed, but the last one is 5 minutes old

    s.clock.now += 10 * MINUTE - 1;
    expect(await core.backups.tick()).toBeNull(); // 14:59.999
    s.clock.now += 1;
    const due = await core.backups.tick();
    expect(due).toMatchObject({ kind: 'auto', createdAt: '2026-03-02T08:15:00.000Z' });

    s.clock.now += 60 * MINUTE;
    expect(await core.backups.tick()).toBeNull(); // nothing changed since
    await saveName(core, '丙学校');
    expect(await core.backups.tick()).toMatchObject({ createdAt: '2026-03-02T09:15:00.000Z' });
    expect((await list(core)).items.map((b) => b.kind)).toEqual(['auto', 'auto', 'auto']);
  });

  it('also notices changes made by another connection to the same file', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '甲学校');
    await core.backups.tick();
    s.clock.now += 20 * MINUTE;
    expect(await core.backups.tick()).toBeNull();
    const other = new Database(path.join(s.dataDir, DATABASE_FILE));
    other.prepare("UPDATE school SET name = '外部修改'").run();
    other.close();
    expect(await core.backups.tick()).toMatchObject({ kind: 'auto' });
  });

  it('keeps the newest 10 plus the newest of each day for 30 days, leaving other kinds alone', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '甲学校');
    const manual = await ok<BackupEntry>(core.dispatch('backup.create', {}));
    await core.backups.tick();
    const seed = path.join(
      s.backupDir,
      (await list(core)).items.find((b) => b.kind === 'auto')!.id,
    );

    // Two automatic backups a day for the 40 days before, at 09:00 and 23:30 Shanghai time.
    const stamp = (ms: number) =>
      new Date(ms)
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    const dayStart = Date.parse('2026-03-02T00:00:00+08:00');
    for (let d = 1; d <= 40; d += 1) {
      for (const hours of [9, 23.5]) {
        const at = dayStart - d * 24 * 3600_000 + hours * 3600_000;
        copyFileSync(seed, path.join(s.backupDir, `auto-${stamp(at)}.sqlite`));
      }
    }
    s.clock.now += 20 * MINUTE;
    await saveName(core, '乙学校');
    await core.backups.tick();

    const autos = (await list(core)).items.filter((b) => b.kind === 'auto');
    const shanghaiDay = (iso: string) =>
      new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
    // Newest 10: today's two, then 23:30 and 09:00 of the 4 previous days.
    const newest = autos.slice(0, 10).map((b) => b.createdAt);
    expect(newest[0]).toBe('2026-03-02T08:20:00.000Z');
    expect(newest.at(-1)).toBe(new Date(dayStart - 4 * 24 * 3600_000 + 9 * 3600_000).toISOString());
    // Then one per day (its 23:30 one) back to 29 days before today; nothing older.
    const older = autos.slice(10);
    expect(older.map((b) => shanghaiDay(b.createdAt))).toEqual(
      Array.from({ length: 25 }, (_, i) =>
        new Date(dayStart + 8 * 3600_000 - (i + 5) * 24 * 3600_000).toISOString().slice(0, 10),
      ),
    );
    expect(older.every((b) => b.createdAt.endsWith('T15:30:00.000Z'))).toBe(true);
    expect(autos).toHaveLength(35);
    expect((await list(core)).items.some((b) => b.id === manual.id)).toBe(true);
  });
});

describe('restore', () => {
  it('restores a listed backup, keeps the current data as 还原前, and undoes by restoring that', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '旧名称学校');
    const manual = await ok<BackupEntry>(core.dispatch('backup.create', {}));
    expect(manual).toMatchObject({ kind: 'manual' });
    await saveName(core, '新名称学校');

    s.clock.now += MINUTE;
    const restored = await ok<RestoreResult>(core.dispatch('backup.restore', { id: manual.id }));
    expect(restored).toMatchObject({
      restoredFrom: manual.id,
      schemaVersion: latestVersion(migrations),
      undoBackup: { kind: 'pre-restore', createdAt: '2026-03-02T08:01:00.000Z' },
    });
    expect(await schoolName(core)).toBe('旧名称学校');
    // Handlers keep working on the reopened file: writes, reads, other features.
    await saveName(core, '旧名称学校（改）');
    expect(await schoolName(core)).toBe('旧名称学校（改）');
    expect(await ok<unknown[]>(core.dispatch('catalogue.list', {}))).not.toHaveLength(0);

    const undo = await ok<RestoreResult>(
      core.dispatch('backup.restore', { id: restored.undoBackup!.id }),
    );
    expect(await schoolName(core)).toBe('新名称学校');
    expect(undo.undoBackup?.kind).toBe('pre-restore');
    expect(readdirSync(s.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);

    // And it persists: a restart opens the restored data.
    closeAndDrop(core);
    expect(await schoolName(s.open())).toBe('新名称学校');
  });

  it('restores an uploaded file (an exported database) and migrates an older one', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '导出时的名称');
    const exported = await ok<BackupDownload>(core.dispatch('backup.exportDatabase', {}));
    expect(exported.fileName).toBe('1+X试点工作台数据-20260302-1600.sqlite');
    const exportedBytes = downloaded(core, exported);
    expect(exportedBytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    await saveName(core, '之后的名称');

    const result = await ok<RestoreResult>(
      core.dispatch('backup.restoreFile', await staged(core, exported.fileName, exportedBytes)),
    );
    expect(result.restoredFrom).toBe(exported.fileName);
    expect(await schoolName(core)).toBe('导出时的名称');

    // A file from an older version (schema 2) is migrated after the restore, with its backup.
    const oldDir = makeTempDir('pilotdesk-old-');
    temps.push(oldDir);
    const oldFile = path.join(oldDir.dir, 'old.sqlite');
    const old = new Database(oldFile);
    for (const m of migrations.filter((m) => m.version <= 2)) old.exec(m.sql);
    old.pragma('user_version = 2');
    old
      .prepare(
        "INSERT INTO school (id, name, kind, demonstration_level, city, updated_at) VALUES (1, ?, 'higher_vocational', 'none', '宜昌市', '2025-01-01')",
      )
      .run('老版本学校');
    old.close();
    const fromOld = await ok<RestoreResult>(
      core.dispatch('backup.restoreFile', await staged(core, 'old.sqlite', readFileSync(oldFile))),
    );
    expect(fromOld.schemaVersion).toBe(latestVersion(migrations));
    expect(await schoolName(core)).toBe('老版本学校');
    expect((await list(core)).items.map((b) => b.kind)).toContain('pre-migration');
  });

  it('refuses a non-SQLite file, a newer-version file and another app’s database, changing nothing', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '原有学校');
    const before = (await list(core)).items.length;
    const dir = makeTempDir('pilotdesk-bad-');
    temps.push(dir);

    const text = await fails(
      core.dispatch('backup.restoreFile', await staged(core, '说明.txt', Buffer.from('hello'))),
    );
    expect(text).toMatchObject({ code: 'BAD_FILE' });
    expect(text.message).toContain('“说明.txt”');
    expect(text.message).toContain('不是 SQLite 数据库文件');
    expect(text.message).toContain('当前数据没有改动');

    const newerFile = path.join(dir.dir, 'newer.sqlite');
    const newer = new Database(newerFile);
    for (const m of migrations) newer.exec(m.sql);
    newer.pragma(`user_version = ${latestVersion(migrations) + 1}`);
    newer.close();
    const tooNew = await fails(
      core.dispatch(
        'backup.restoreFile',
        await staged(core, 'newer.sqlite', readFileSync(newerFile)),
      ),
    );
    expect(tooNew).toMatchObject({ code: 'DB_NEWER_VERSION' });
    expect(tooNew.message).toContain('更新版本');

    const otherFile = path.join(dir.dir, 'other.sqlite');
    const other = new Database(otherFile);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.pragma('user_version = 3');
    other.close();
    const foreign = await fails(
      core.dispatch(
        'backup.restoreFile',
        await staged(core, 'other.sqlite', readFileSync(otherFile)),
      ),
    );
    expect(foreign).toMatchObject({ code: 'BAD_FILE' });
    expect(foreign.message).toMatch(/不是“1\+X试点工作台”的数据文件（缺少数据表 .*school/);

    const missing = await fails(core.dispatch('backup.restore', { id: 'manual-nope.sqlite' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
    const traversal = await fails(core.dispatch('backup.restore', { id: '../pilotdesk.sqlite' }));
    expect(traversal).toMatchObject({ code: 'VALIDATION' });

    expect(await schoolName(core)).toBe('原有学校');
    expect((await list(core)).items).toHaveLength(before); // no 还原前 copy for a refused file
    expect(readdirSync(s.dataDir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('puts the previous data back when a file passes the checks but cannot be migrated', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '原有学校');
    const dir = makeTempDir('pilotdesk-clash-');
    temps.push(dir);
    // Exactly the schema of version 11, but a certificate level whose certificate is gone
    // (written with foreign keys off): migration 12 copies the levels and fails on it.
    const clashFile = path.join(dir.dir, 'clash.sqlite');
    const clash = new Database(clashFile);
    applyMigrations(
      clash,
      migrations.filter((m) => m.version <= 11),
    );
    clash.pragma('foreign_keys = OFF');
    clash
      .prepare(
        "INSERT INTO certificate_levels (certificate_id, level, updated_at) VALUES (999, 'junior', '2025-01-01')",
      )
      .run();
    clash.close();

    const failed = await fails(
      core.dispatch(
        'backup.restoreFile',
        await staged(core, 'clash.sqlite', readFileSync(clashFile)),
      ),
    );
    expect(failed).toMatchObject({ code: 'BAD_FILE' });
    expect(failed.message).toContain('已恢复为还原前的数据');
    expect(await ok<{ mode: string }>(core.dispatch('system.info', {}))).toMatchObject({
      mode: 'normal',
    });
    expect(await schoolName(core)).toBe('原有学校');
  });

  it('deletes a backup, downloads one, and refuses an unknown one', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '甲学校');
    const manual = await ok<BackupEntry>(core.dispatch('backup.create', {}));
    const download = await ok<BackupDownload>(core.dispatch('backup.download', { id: manual.id }));
    expect(download).toMatchObject({ fileName: manual.id, size: manual.size });
    expect(downloaded(core, download).length).toBe(manual.size);
    await ok(core.dispatch('backup.delete', { id: manual.id }));
    expect(existsSync(path.join(s.backupDir, manual.id))).toBe(false);
    expect(await fails(core.dispatch('backup.delete', { id: manual.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('attachments and backups', () => {
  it('keeps the attachment files a backup names, so a restore brings deleted ones back', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '甲学校');
    const pdf = makePdf('kept by the backup');
    const link = await ok<{ id: number; sha256: string }>(
      core.dispatch('attachments.upload', {
        ownerType: 'school',
        ownerId: 1,
        kind: 'other',
        file: { fileName: '方案.pdf', contentBase64: pdf.toString('base64') },
      }),
    );
    const manual = await ok<BackupEntry>(core.dispatch('backup.create', {}));
    const kept = path.join(s.backupDir, 'attachments', link.sha256.slice(0, 2), link.sha256);
    expect(readFileSync(kept).equals(pdf)).toBe(true);
    // Shared with the live file by a hard link: no extra space yet.
    expect((await list(core)).attachmentBytes).toBe(0);

    await ok(core.dispatch('attachments.remove', { linkId: link.id }));
    const live = path.join(s.dataDir, 'attachments', link.sha256.slice(0, 2), link.sha256);
    expect(existsSync(live)).toBe(false);
    expect((await list(core)).attachmentBytes).toBe(pdf.length);

    const restored = await ok<RestoreResult>(core.dispatch('backup.restore', { id: manual.id }));
    expect(restored.missingAttachments).toBe(0);
    const read = await ok<{ contentBase64: string }>(
      core.dispatch('attachments.read', { linkId: link.id }),
    );
    expect(Buffer.from(read.contentBase64, 'base64').equals(pdf)).toBe(true);

    // Once no backup names the file, its copy goes too.
    for (const backup of (await list(core)).items) {
      await ok(core.dispatch('backup.delete', { id: backup.id }));
    }
    expect(existsSync(kept)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('integrity check at open', () => {
  it('a damaged file starts recovery mode, which lists backups and restores the newest good one', async () => {
    const s = setup();
    const core = s.open();
    await saveName(core, '损坏前的学校');
    // Enough rows for many pages, so damage in the middle leaves page 1 readable.
    const db = new Database(path.join(s.dataDir, DATABASE_FILE));
    const insert = db.prepare(
      "INSERT INTO audit_log (at, actor, entity, entity_id, action, after_json) VALUES ('2026-01-01', 'x', 'filler', ?, 'create', ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(String(i), 'y'.repeat(200));
    })();
    db.close();
    const good = await ok<BackupEntry>(core.dispatch('backup.create', {}));
    closeAndDrop(core);

    const file = path.join(s.dataDir, DATABASE_FILE);
    const pageSize = 4096;
    const pages = statSync(file).size / pageSize;
    expect(pages).toBeGreaterThan(20);
    const fd = openSync(file, 'r+');
    for (let page = 3; page < pages; page += 3) {
      writeSync(fd, randomBytes(pageSize), 0, pageSize, page * pageSize);
    }
    closeSync(fd);

    s.clock.now += 60 * MINUTE;
    const broken = s.open();
    const info = await ok<{ mode: string; problem: string }>(broken.dispatch('system.info', {}));
    expect(info.mode).toBe('recovery');
    expect(info.problem).toContain('未通过完整性检查');
    const refused = await fails(broken.dispatch('school.get', {}));
    expect(refused).toMatchObject({ code: 'DB_CORRUPT' });
    expect(refused.message).toContain('还原');
    expect(await fails(broken.dispatch('backup.create', {}))).toMatchObject({
      code: 'DB_CORRUPT',
    });
    // No automatic snapshot of damaged data.
    expect(await broken.backups.tick()).toBeNull();

    // A newer, damaged backup is skipped in favour of the good one.
    const damagedCopy = path.join(s.backupDir, 'manual-20260302T083000Z.sqlite');
    copyFileSync(file, damagedCopy);
    const check = await ok<{ newestGood: BackupEntry; damaged: { id: string }[] }>(
      broken.dispatch('backup.newestGood', {}),
    );
    expect(check.newestGood.id).toBe(good.id);
    expect(check.damaged.map((d) => d.id)).toEqual(['manual-20260302T083000Z.sqlite']);

    const restored = await ok<RestoreResult>(
      broken.dispatch('backup.restore', { id: check.newestGood.id }),
    );
    expect(restored.undoBackup?.kind).toBe('pre-restore');
    expect(await ok<{ mode: string }>(broken.dispatch('system.info', {}))).toMatchObject({
      mode: 'normal',
    });
    expect(await schoolName(broken)).toBe('损坏前的学校');
    // The damaged file was kept, byte for byte, as the 还原前 backup.
    const kept = new Database(path.join(s.backupDir, restored.undoBackup!.id), { readonly: true });
    expect(integrityProblems(kept)).not.toEqual([]);
    kept.close();
  });
});

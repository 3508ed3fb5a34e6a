import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_DIR, DATABASE_FILE, createCore } from '../../electron/core';
import { CoreError } from '../../electron/core/errors';
import { migrations } from '../../electron/core/migrations';
import { latestVersion } from '../../electron/core/db/migrate';
import { connect, openDatabase } from '../../electron/core/db/open';
import { makeTempDir } from '../harness/webHost';

const silent = () => undefined;
const temps: { remove(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function tempDir(): string {
  const t = makeTempDir('pilotdesk-db-');
  temps.push(t);
  return t.dir;
}

const open = (dataDir: string) =>
  createCore({
    dataDir,
    clock: () => new Date('2026-03-02T08:00:00Z'),
    log: silent,
    appVersion: 't',
  });

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('opening the database', () => {
  it('creates the file from empty with WAL, foreign keys, busy timeout and every migration', () => {
    const dataDir = tempDir();
    const core = open(dataDir);
    core.close();

    const db = new Database(path.join(dataDir, DATABASE_FILE));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'school']));
    db.close();
    // A new file needs no backup: there was nothing to lose.
    expect(() => readdirSync(path.join(dataDir, BACKUP_DIR))).toThrow();
  });

  it('sets foreign_keys and busy_timeout on its own connection', async () => {
    const dataDir = tempDir();
    const core = open(dataDir);
    const info = await core.dispatch('system.info', {});
    expect(info).toMatchObject({
      ok: true,
      data: { schemaVersion: latestVersion(migrations), dataDir },
    });
    core.close();
  });

  it('migrates an older file forward, keeping its data and a backup of the old version', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    const old = new Database(file);
    old.exec(migrations[0].sql);
    old.pragma('user_version = 1');
    old
      .prepare(
        "INSERT INTO audit_log (at, actor, entity, entity_id, action) VALUES ('2025-01-01', 'x', 'e', '1', 'create')",
      )
      .run();
    old.close();

    open(dataDir).close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    db.close();

    const backups = readdirSync(path.join(dataDir, BACKUP_DIR));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^pre-migration-v1-to-v\d+-20260302T080000\.sqlite$/);
    const backup = new Database(path.join(dataDir, BACKUP_DIR, backups[0]), { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    backup.close();
  });

  it('refuses a file written by a newer version and leaves it byte-identical', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x)');
    newer.pragma('user_version = 999');
    newer.close();
    const before = sha256(file);

    let error: unknown;
    try {
      open(dataDir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('DB_NEWER_VERSION');
    expect((error as CoreError).message).toContain('数据版本 999');
    expect((error as CoreError).message).toContain('没有改动');
    expect(sha256(file)).toBe(before);
    expect(readdirSync(dataDir)).toEqual([DATABASE_FILE]);
  });

  it('starts in recovery mode on a file that is not a database, and leaves it as it was', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    writeFileSync(file, 'this is not sqlite at all, just text'.repeat(100));
    const before = sha256(file);
    const core = open(dataDir);
    const info = await core.dispatch('system.info', {});
    expect(info).toMatchObject({ ok: true, data: { mode: 'recovery', schemaVersion: null } });
    expect((info as { data: { problem: string } }).data.problem).toMatch(
      /不是有效的数据库文件或已损坏/,
    );
    await core.backups.idle();
    core.close();
    expect(sha256(file)).toBe(before);
  });

  it('rolls a failing migration back to the last complete version', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE);
    const db = new Database(file);
    db.exec('CREATE TABLE school (clash INTEGER)'); // makes migration 2 fail
    db.close();
    expect(() => open(dataDir)).toThrow();
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect(
      after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'").pluck().get(),
    ).toBe(1);
    after.close();
  });
});

describe('connections trust no schema', () => {
  it('opens every connection with trusted_schema off, so a view or trigger cannot call our functions', () => {
    const dataDir = tempDir();
    const db = openDatabase({
      file: path.join(dataDir, DATABASE_FILE),
      backupDir: path.join(dataDir, BACKUP_DIR),
      migrations,
      clock: () => new Date('2026-03-02T08:00:00Z'),
      log: silent,
    });
    try {
      expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
      const calls: unknown[] = [];
      db.function('tell', (value: unknown) => calls.push(value));
      expect(db.prepare('SELECT tell(1)').pluck().get()).toBe(1);
      db.exec('CREATE VIEW tells AS SELECT tell(2)');
      expect(() => db.prepare('SELECT * FROM tells').all()).toThrow(/unsafe use of tell/);
      expect(calls).toEqual([1]);
    } finally {
      db.close();
    }
    const other = connect(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(other.pragma('trusted_schema', { simple: true })).toBe(0);
    other.close();
  });
});

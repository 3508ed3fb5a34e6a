import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { createPrivateFile, makePrivateDir, setFileMode } from '../io/privateFiles';
import type { Logger } from '../log';
import type { Migration } from '../migrations';
import { applyMigrations, latestVersion } from './migrate';

export type Db = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  backupDir: string;
  migrations: readonly Migration[];
  clock: () => Date;
  log: Logger;
  /** Path of a better-sqlite3 binary built for another runtime (Electron), when not Node's. */
  nativeBinding?: string;
}

/**
 * Opens (creating if needed) the SQLite file and brings its schema up to date. A file written by
 * a newer app version is refused before anything writes to it; an older one is copied to the
 * backup folder before it is migrated.
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const { file, migrations, log } = options;
  const target = latestVersion(migrations);
  const existing = existsSync(file) && statSync(file).size > 0;

  if (existing) {
    const found = inspectExisting(options);
    if (found > target) {
      throw new CoreError(
        'DB_NEWER_VERSION',
        `数据文件由更新版本的“1+X试点工作台”写入（数据版本 ${found}，本程序最高支持 ${target}）。为保护数据，程序没有改动该文件，请升级到最新版本后再打开。`,
        { file, found, supported: target },
      );
    }
    if (found < target) backupBeforeMigration(options, found, target);
  }

  makeDatabasePrivate(file);
  const db = connect(file, { nativeBinding: options.nativeBinding });
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    const applied = applyMigrations(db, migrations);
    if (applied.length > 0) log('info', 'database migrated', { file, applied });
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The data file and its WAL files readable by the user alone, an older install's included:
 * SQLite gives the WAL files it creates the data file's mode, so a new file is made 0600 first.
 */
function makeDatabasePrivate(file: string): void {
  if (!existsSync(file)) createPrivateFile(file);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(`${file}${suffix}`)) setFileMode(`${file}${suffix}`);
  }
}

export function nativeOption(options: { nativeBinding?: string }): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

/**
 * Every connection the core opens goes through here. `trusted_schema = OFF`: a file may come
 * from elsewhere (a restored backup), so its views and triggers may not call functions with
 * side effects or use virtual tables not marked safe.
 */
export function connect(
  file: string,
  options: { nativeBinding?: string; readonly?: boolean; fileMustExist?: boolean } = {},
): Db {
  const { nativeBinding, ...rest } = options;
  const db = new Database(file, { ...rest, ...nativeOption({ nativeBinding }) });
  try {
    db.pragma('trusted_schema = OFF');
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * `PRAGMA quick_check` (at most `limit` problems): [] when the file is sound. A file too damaged
 * to run the check counts as damaged, with SQLite's reason.
 */
export function integrityProblems(db: Db, limit = 10): string[] {
  try {
    const rows = db.pragma(`quick_check(${limit})`) as { quick_check: string }[];
    const messages = rows.map((row) => String(row.quick_check));
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
  } catch (error) {
    return [(error as Error).message];
  }
}

/**
 * Reads the schema version and runs the integrity check read-only, so a refused or damaged file
 * stays byte-identical.
 */
function inspectExisting(options: OpenDatabaseOptions): number {
  let db: Db | undefined;
  let version: number;
  let problems: string[];
  try {
    db = connect(options.file, {
      nativeBinding: options.nativeBinding,
      readonly: true,
      fileMustExist: true,
    });
    version = db.pragma('user_version', { simple: true }) as number;
    problems = integrityProblems(db);
  } catch (error) {
    db?.close();
    throw new CoreError(
      'DB_OPEN_FAILED',
      `无法打开数据文件 ${options.file}：它不是有效的数据库文件或已损坏（${(error as Error).message}）。文件未被改动。`,
      { file: options.file },
    );
  }
  db.close();
  if (problems.length > 0) {
    throw new CoreError(
      'DB_CORRUPT',
      `数据文件 ${options.file} 未通过完整性检查，已损坏（${problems.slice(0, 3).join('；')}）。文件未被改动。`,
      { file: options.file, problems },
    );
  }
  return version;
}

function backupBeforeMigration(options: OpenDatabaseOptions, from: number, to: number): void {
  makePrivateDir(options.backupDir);
  const stamp = options.clock().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const target = path.join(options.backupDir, `pre-migration-v${from}-to-v${to}-${stamp}.sqlite`);
  // VACUUM INTO makes a consistent copy (WAL included) from a read-only connection.
  createPrivateFile(target); // VACUUM INTO fills an empty file, keeping its mode
  const db = connect(options.file, { nativeBinding: options.nativeBinding, readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    rmSync(target, { force: true }); // never an empty file listed as a backup
    throw error;
  } finally {
    db.close();
  }
  options.log('info', 'backup before migration', { target, from, to });
}

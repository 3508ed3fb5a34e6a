import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
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

  const db = new Database(file, nativeOption(options));
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

function nativeOption(options: OpenDatabaseOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

/** Reads the schema version read-only, so a refused file stays byte-identical. */
function inspectExisting(options: OpenDatabaseOptions): number {
  let db: Db | undefined;
  try {
    db = new Database(options.file, {
      ...nativeOption(options),
      readonly: true,
      fileMustExist: true,
    });
    return db.pragma('user_version', { simple: true }) as number;
  } catch (error) {
    throw new CoreError(
      'DB_OPEN_FAILED',
      `无法打开数据文件 ${options.file}：它不是有效的数据库文件或已损坏（${(error as Error).message}）。文件未被改动。`,
      { file: options.file },
    );
  } finally {
    db?.close();
  }
}

function backupBeforeMigration(options: OpenDatabaseOptions, from: number, to: number): void {
  mkdirSync(options.backupDir, { recursive: true });
  const stamp = options.clock().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const target = path.join(options.backupDir, `pre-migration-v${from}-to-v${to}-${stamp}.sqlite`);
  // VACUUM INTO makes a consistent copy (WAL included) from a read-only connection.
  const db = new Database(options.file, { ...nativeOption(options), readonly: true });
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  options.log('info', 'backup before migration', { target, from, to });
}

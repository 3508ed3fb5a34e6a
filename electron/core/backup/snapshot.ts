import Database from 'better-sqlite3';
import { closeSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CoreError } from '../errors';
import { integrityProblems, nativeOption, type Db } from '../db/open';
import { latestVersion } from '../db/migrate';
import type { Migration } from '../migrations';

/**
 * A consistent copy of the live database through SQLite's online backup API (better-sqlite3's
 * `db.backup`, which copies in steps without blocking the app): written under a temporary name,
 * switched to a plain rollback journal so the copy is one self-contained file, then renamed into
 * place. A failure leaves no file under the final name.
 */
export async function writeSnapshot(
  db: Db,
  target: string,
  options: { nativeBinding?: string } = {},
): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.tmp`);
  try {
    await db.backup(temp);
    const copy = new Database(temp, nativeOption(options));
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function startsWithSqliteMagic(file: string): boolean {
  const head = Buffer.alloc(SQLITE_MAGIC.length);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Tables a file at `version` must have: created by migrations up to it and not dropped since. */
export function expectedTables(migrations: readonly Migration[], version: number): string[] {
  const tables = new Set<string>();
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version > version) break;
    for (const m of migration.sql.matchAll(
      /\b(CREATE\s+TABLE(?:\s+IF\s+NOT\s+EXISTS)?|DROP\s+TABLE(?:\s+IF\s+EXISTS)?)\s+["`[]?(\w+)/gi,
    )) {
      if (/^CREATE/i.test(m[1])) tables.add(m[2].toLowerCase());
      else tables.delete(m[2].toLowerCase());
    }
    for (const m of migration.sql.matchAll(
      /\bALTER\s+TABLE\s+["`[]?(\w+)["`\]]?\s+RENAME\s+TO\s+["`[]?(\w+)/gi,
    )) {
      tables.delete(m[1].toLowerCase());
      tables.add(m[2].toLowerCase());
    }
  }
  return [...tables].sort();
}

export interface CandidateInfo {
  schemaVersion: number;
}

/**
 * Checks that a file is a sound PilotDesk data file this version can open: an SQLite file that
 * passes `quick_check`, with a schema version no newer than this app's and the tables its
 * version implies. Throws CoreError with a Chinese message naming the file otherwise. Opens the
 * file, so pass a private copy.
 */
export function inspectCandidate(
  file: string,
  label: string,
  migrations: readonly Migration[],
  options: { nativeBinding?: string } = {},
): CandidateInfo {
  const refuse = (message: string, code: 'BAD_FILE' | 'DB_NEWER_VERSION' = 'BAD_FILE') =>
    new CoreError(code, `无法还原“${label}”：${message}当前数据没有改动。`, { file: label });
  if (!startsWithSqliteMagic(file)) {
    throw refuse(
      '它不是 SQLite 数据库文件（请选择“1+X试点工作台”的备份或导出的数据库 .sqlite 文件）。',
    );
  }
  let db: Db;
  try {
    db = new Database(file, { ...nativeOption(options), fileMustExist: true });
  } catch (error) {
    throw refuse(`文件无法打开（${(error as Error).message}）。`);
  }
  try {
    const problems = integrityProblems(db);
    if (problems.length > 0) {
      throw refuse(`文件已损坏，未通过完整性检查（${problems.slice(0, 3).join('；')}）。`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const supported = latestVersion(migrations);
    if (version > supported) {
      throw refuse(
        `它由更新版本的“1+X试点工作台”写入（数据版本 ${version}，本程序最高支持 ${supported}），请先升级程序。`,
        'DB_NEWER_VERSION',
      );
    }
    const present = new Set(
      db
        .prepare("SELECT lower(name) FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all() as string[],
    );
    const missing = expectedTables(migrations, version).filter((t) => !present.has(t));
    if (version < 1 || missing.length > 0) {
      throw refuse(
        `它不是“1+X试点工作台”的数据文件${missing.length > 0 ? `（缺少数据表 ${missing.slice(0, 5).join('、')}）` : '（没有本程序的数据版本号）'}。`,
      );
    }
    return { schemaVersion: version };
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw refuse(`读取文件时出错（${(error as Error).message}）。`);
  } finally {
    db.close();
  }
}

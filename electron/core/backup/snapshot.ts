import { closeSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { visibleName } from '../../../shared/domain/fileNames';
import { CoreError } from '../errors';
import { connect, integrityProblems, type Db } from '../db/open';
import { latestVersion } from '../db/migrate';
import {
  readSchema,
  referenceSchema,
  schemaDifferences,
  type SchemaDifferences,
} from '../db/schema';
import { createPrivateFile } from '../io/privateFiles';
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
  // Private from the start: the copy and its journal take this file's mode.
  createPrivateFile(temp);
  try {
    await db.backup(temp);
    const copy = connect(temp, options);
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

const schemaTypeLabels: Record<string, string> = {
  table: '数据表',
  index: '索引',
  trigger: '触发器',
  view: '视图',
};

/** The differences in words, at most five: “多出触发器“x”；缺少索引“y”；索引“z”的定义被改动”. */
function schemaProblem({ extra, missing, changed }: SchemaDifferences): string | null {
  // A name from the file is shown as it looks, and not at any length.
  const named = (row: { type: string; name: string }) =>
    `${schemaTypeLabels[row.type] ?? row.type}“${visibleName(row.name).slice(0, 60)}”`;
  const parts = [
    ...extra.map((row) => `多出${named(row)}`),
    ...missing.map((row) => `缺少${named(row)}`),
    ...changed.map((row) => `${named(row)}的定义被改动`),
  ];
  if (parts.length === 0) return null;
  const more = parts.length > 5 ? `等 ${parts.length} 处` : '';
  return `${parts.slice(0, 5).join('；')}${more}`;
}

export interface CandidateInfo {
  schemaVersion: number;
}

/**
 * Checks that a file is a sound PilotDesk data file this version can open: an SQLite file that
 * passes `quick_check`, with a schema version no newer than this app's and exactly the schema
 * the migrations build for that version (tables, indexes, triggers, views: a file that brings
 * its own trigger would run it in the live data). Throws CoreError with a Chinese message naming
 * the file otherwise. Opens the file, so pass a private copy.
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
    db = connect(file, { ...options, fileMustExist: true });
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
    if (version < 1) {
      throw refuse('它不是“1+X试点工作台”的数据文件（没有本程序的数据版本号）。');
    }
    const differences = schemaDifferences(
      readSchema(db),
      referenceSchema(migrations, version, options),
    );
    const missingTables = differences.missing.filter((row) => row.type === 'table');
    if (missingTables.length > 0) {
      throw refuse(
        `它不是“1+X试点工作台”的数据文件（缺少数据表 ${missingTables
          .slice(0, 5)
          .map((row) => row.name)
          .join('、')}）。`,
      );
    }
    const problem = schemaProblem(differences);
    if (problem) {
      throw refuse(
        `它的数据库结构与本程序数据版本 ${version} 应有的结构不符（${problem}），文件可能被改动过，为安全起见不能还原。`,
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

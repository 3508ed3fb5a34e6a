import Database from 'better-sqlite3';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/core';

export type DatabaseDump = Record<string, unknown[]>;

/**
 * Every table's rows, in rowid/primary-key order, read straight from the data file through a
 * second read-only connection (so it sees exactly what is committed). Compare two dumps with
 * `toEqual` to prove a call changed nothing.
 */
export function dumpDatabase(dataDir: string): DatabaseDump {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string; withoutRowid: number }>(
        `SELECT name, (sql LIKE '%WITHOUT ROWID%') AS withoutRowid FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all();
    const dump: DatabaseDump = {};
    for (const { name, withoutRowid } of tables) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const columns = db.prepare(`SELECT * FROM ${quoted} LIMIT 0`).columns().length;
      const order = withoutRowid
        ? Array.from({ length: columns }, (_, i) => i + 1).join(', ')
        : 'rowid';
      dump[name] = db.prepare(`SELECT * FROM ${quoted} ORDER BY ${order}`).all();
    }
    dump['#schema'] = db
      .prepare(`SELECT type, name, sql FROM sqlite_schema ORDER BY type, name`)
      .all();
    dump['#user_version'] = [db.pragma('user_version', { simple: true })];
    return dump;
  } finally {
    db.close();
  }
}

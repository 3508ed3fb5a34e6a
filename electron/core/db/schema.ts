import type { Migration } from '../migrations';
import { applyMigrations } from './migrate';
import { connect, type Db } from './open';

/** One row of `sqlite_master`, its SQL with runs of white space made one space. */
export interface SchemaRow {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

/** SQLite's own statistics tables: ANALYZE (run after a roster import) adds them to any file. */
const statisticsTable = /^sqlite_stat\d$/;

export function readSchema(db: Db): SchemaRow[] {
  return db
    .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>(
      'SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name',
    )
    .all()
    .map((row) => ({
      type: row.type,
      name: row.name,
      tblName: row.tbl_name,
      sql: row.sql === null ? null : row.sql.replace(/\s+/g, ' ').trim(),
    }));
}

/**
 * The schema the migrations build up to `version`, built in a database in memory (with the
 * statistics tables ANALYZE adds, which a file may or may not have).
 */
export function referenceSchema(
  migrations: readonly Migration[],
  version: number,
  options: { nativeBinding?: string } = {},
): SchemaRow[] {
  const db = connect(':memory:', options);
  try {
    applyMigrations(
      db,
      migrations.filter((m) => m.version <= version),
    );
    db.exec('ANALYZE');
    return readSchema(db);
  } finally {
    db.close();
  }
}

export interface SchemaDifferences {
  /** In the file, not built by the migrations (an added trigger, view, table or index). */
  extra: SchemaRow[];
  /** Built by the migrations, not in the file. */
  missing: SchemaRow[];
  /** In both under the same name, with another definition. */
  changed: SchemaRow[];
}

/** How `actual` differs from `reference`, row by row (type and name identify a row). */
export function schemaDifferences(
  actual: readonly SchemaRow[],
  reference: readonly SchemaRow[],
): SchemaDifferences {
  const key = (row: SchemaRow) => `${row.type}\u0000${row.name.toLowerCase()}`;
  const expected = new Map(reference.map((row) => [key(row), row]));
  const found = new Map(actual.map((row) => [key(row), row]));
  const result: SchemaDifferences = { extra: [], missing: [], changed: [] };
  for (const row of actual) {
    const want = expected.get(key(row));
    if (!want) result.extra.push(row);
    else if (want.tblName.toLowerCase() !== row.tblName.toLowerCase() || want.sql !== row.sql) {
      result.changed.push(row);
    }
  }
  for (const row of reference) {
    if (!found.has(key(row)) && !statisticsTable.test(row.name)) result.missing.push(row);
  }
  return result;
}

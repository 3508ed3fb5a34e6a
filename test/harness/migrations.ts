import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach } from 'vitest';
import { DATABASE_FILE, createCore, type Core } from '../../electron/core';
import { migrations } from '../../electron/core/migrations';
import { makeTempDir } from './webHost';

/** When the old rows of a migration test were written. */
export const oldRowsAt = '2020-05-01T00:00:00.000Z';

/**
 * A data folder whose database stands at schema `version` as that release left it (each
 * migration in its transaction, foreign keys on), with the rows `fill` writes.
 */
export function writeOldDatabase(
  dataDir: string,
  version: number,
  fill: (db: Database.Database) => void,
): void {
  const db = new Database(path.join(dataDir, DATABASE_FILE));
  try {
    db.pragma('foreign_keys = ON');
    for (const m of migrations.filter((m) => m.version <= version)) {
      db.transaction(() => {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    fill(db);
  } finally {
    db.close();
  }
}

/**
 * For a migration's tests: `oldCore(prefix, version, fill)` writes an old database in a new
 * folder and opens it with today's core (which migrates it); `readDatabase(dataDir)` opens the
 * migrated file read-only. Folders and cores go after each test.
 */
export function migrationHarness() {
  const temps: { remove(): void }[] = [];
  const cores: Core[] = [];
  afterEach(() => {
    cores.splice(0).forEach((c) => c.close());
    temps.splice(0).forEach((t) => t.remove());
  });
  return {
    oldCore(
      prefix: string,
      version: number,
      fill: (db: Database.Database) => void,
    ): { core: Core; dataDir: string } {
      const t = makeTempDir(prefix);
      temps.push(t);
      writeOldDatabase(t.dir, version, fill);
      const core = createCore({
        dataDir: t.dir,
        clock: () => new Date('2026-03-02T08:00:00Z'),
        log: () => undefined,
        appVersion: 't',
      });
      cores.push(core);
      return { core, dataDir: t.dir };
    },
    readDatabase: (dataDir: string) =>
      new Database(path.join(dataDir, DATABASE_FILE), { readonly: true }),
  };
}

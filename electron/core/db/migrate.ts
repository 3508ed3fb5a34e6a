import type Database from 'better-sqlite3';
import type { Migration } from '../migrations';

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Applies every migration above the file's `user_version`, each in its own transaction together
 * with the version bump, so a failure leaves the file at the last complete version.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[]): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = [...migrations]
    .filter((m) => m.version > current)
    .sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    const rebuild = migration.rebuildsReferencedTable === true;
    // Only takes effect outside a transaction; restored whatever happens.
    const enforcing = db.pragma('foreign_keys', { simple: true }) === 1;
    if (rebuild && enforcing) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (rebuild) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) {
            throw new Error(
              `migration ${migration.version} would leave ${broken.length} broken foreign keys`,
            );
          }
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (rebuild && enforcing) db.pragma('foreign_keys = ON');
    }
  }
  return pending.map((m) => m.version);
}

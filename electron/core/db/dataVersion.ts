import type { Db } from './open';

/** A number for each connection, so a reopened database (after a restore) never matches. */
const connections = new WeakMap<Db, number>();
let opened = 0;

/**
 * A token that changes whenever the saved data may have changed: this connection's writes
 * (`total_changes()`, which counts rolled-back ones too) and commits by any other connection
 * (`data_version`).
 */
export function dataVersion(db: Db): string {
  let connection = connections.get(db);
  if (connection === undefined) {
    opened += 1;
    connection = opened;
    connections.set(db, connection);
  }
  const others = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${connection}.${others}.${own}`;
}

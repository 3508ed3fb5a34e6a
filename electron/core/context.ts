import type { Db } from './db/open';
import type { EventSource } from './events';
import type { Logger } from './log';

/** What every feature module gets from `createCore`. */
export interface CoreContext {
  db: Db;
  clock: () => Date;
  log: Logger;
  events: EventSource;
  dataDir: string;
  databasePath: string;
  appVersion: string;
  /** Who the audit log names: one coordinator per install. */
  actor: string;
}

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { CoreContext } from './context';
import { openDatabase } from './db/open';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createEventSource, type EventSource } from './events';
import type { Handlers } from './handlers';
import type { Logger } from './log';
import { migrations } from './migrations';
import { attachmentHandlers } from './modules/attachments/service';
import { catalogueHandlers } from './modules/catalogue/service';
import { majorsHandlers } from './modules/majors/service';
import { roomsHandlers } from './modules/rooms/service';
import { packageHandlers } from './modules/package/service';
import { projectHandlers } from './modules/projects/service';
import { schoolHandlers } from './modules/school/service';
import { sitesHandlers } from './modules/sites/service';
import { systemHandlers } from './modules/system/service';
import { teachersHandlers } from './modules/teachers/service';

export const DATABASE_FILE = 'pilotdesk.sqlite';
export const BACKUP_DIR = 'backups';

export interface CoreOptions {
  dataDir: string;
  clock: () => Date;
  log: Logger;
  appVersion: string;
  /** better-sqlite3 binary for the host runtime, when it is not the Node build (Electron). */
  nativeBinding?: string;
}

export interface Core {
  handlers: Handlers;
  dispatch: Dispatch;
  events: EventSource;
  dataDir: string;
  databasePath: string;
  close(): void;
}

/** Builds the core: opens and migrates the data file, and wires every feature's handlers. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const databasePath = path.join(options.dataDir, DATABASE_FILE);
  const db = openDatabase({
    file: databasePath,
    backupDir: path.join(options.dataDir, BACKUP_DIR),
    migrations,
    clock: options.clock,
    log: options.log,
    nativeBinding: options.nativeBinding,
  });
  const events = createEventSource();
  const ctx: CoreContext = {
    db,
    clock: options.clock,
    log: options.log,
    events,
    dataDir: options.dataDir,
    databasePath,
    appVersion: options.appVersion,
    actor: '试点工作负责人',
  };
  const handlers: Handlers = {
    ...systemHandlers(ctx),
    ...schoolHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...catalogueHandlers(ctx),
    ...majorsHandlers(ctx),
    ...teachersHandlers(ctx),
    ...roomsHandlers(ctx),
    ...sitesHandlers(ctx),
    ...projectHandlers(ctx),
    ...packageHandlers(ctx),
  };
  return {
    handlers,
    dispatch: createDispatcher(handlers, options.log),
    events,
    dataDir: options.dataDir,
    databasePath,
    close: () => db.close(),
  };
}

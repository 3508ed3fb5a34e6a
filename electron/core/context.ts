import type { BackupManager } from './backup/manager';
import type { Db } from './db/open';
import type { EventSource } from './events';
import type { DownloadStore } from './io/downloads';
import type { TaskRegistry } from './io/tasks';
import type { UploadStore } from './io/uploads';
import type { Logger } from './log';

/**
 * What a host can do for the core that plain Node cannot do well, passed to `createCore`. Every
 * entry is optional: a handler that needs a missing one tells the user what to do instead.
 */
export interface HostCapabilities {
  /**
   * Shows a folder in the system's file manager (Electron: `shell.openPath`). Resolves to '' on
   * success or to the reason it failed.
   */
  openPath?: (folder: string) => Promise<string>;
}

export interface CoreStatus {
  mode: 'normal' | 'recovery';
  /** Why the core is in recovery mode (Chinese); null in normal mode. */
  problem: string | null;
}

/**
 * What lives as long as the core, across restores: backup and system handlers get only this, so
 * they also work in recovery mode, when no database is open.
 */
export interface CoreServices {
  clock: () => Date;
  /** The instant by `clock` as ISO text: what `updated_at`, `created_at` and the audit log keep. */
  now: () => string;
  /** Today's date in China (YYYY-MM-DD) by `clock`: the “today” of every rule and document. */
  today: () => string;
  log: Logger;
  events: EventSource;
  dataDir: string;
  databasePath: string;
  appVersion: string;
  /** Who the audit log names: one coordinator per install. */
  actor: string;
  host: HostCapabilities;
  backups: BackupManager;
  /** Large files the page sends in pieces (uploads.begin / uploads.chunk). */
  uploads: UploadStore;
  /** Files written for the user to save, fetched once by token from the host's download path. */
  downloads: DownloadStore;
  /** Imports running (preview, commit, problem rows), by the page's task id: imports.cancel. */
  importTasks: TaskRegistry;
  /** The open database, or null in recovery mode. */
  currentDb(): Db | null;
  status(): CoreStatus;
}

/** What every feature module gets from `createCore`: the services plus the open database. */
export interface CoreContext extends CoreServices {
  db: Db;
}

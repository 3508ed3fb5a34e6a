import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { contract, type HandlerName } from '../../shared/contract';
import { chinaDate } from '../../shared/domain/dates';
import { BACKUP_DIR, DATABASE_FILE, SUBMITTED_DIR, UPLOADS_DIR } from './dataFiles';
import { createBackupManager, type BackupManager } from './backup/manager';
import type { CoreContext, CoreServices, CoreStatus, HostCapabilities } from './context';
import { openDatabase, type Db } from './db/open';
import { createDispatcher, type Dispatch } from './dispatcher';
import { CoreError } from './errors';
import { createEventSource, type EventSource } from './events';
import { createDownloadStore, type DownloadStore } from './io/downloads';
import type { Handlers } from './handlers';
import type { Logger } from './log';
import { migrations } from './migrations';
import { agreementsHandlers } from './modules/agreements/service';
import { arrangementsHandlers } from './modules/arrangements/service';
import { attachmentHandlers } from './modules/attachments/service';
import { backupHandlers } from './modules/backup/service';
import { catalogueHandlers } from './modules/catalogue/service';
import { dashboardHandlers } from './modules/dashboard/service';
import { examsHandlers } from './modules/exams/service';
import { examSitesHandlers } from './modules/examSites/service';
import { feesHandlers } from './modules/fees/service';
import { fundsHandlers } from './modules/funds/service';
import { majorsHandlers } from './modules/majors/service';
import { roomsHandlers } from './modules/rooms/service';
import { packageHandlers } from './modules/package/service';
import { photosHandlers } from './modules/photos/service';
import { projectHandlers } from './modules/projects/service';
import { schoolHandlers } from './modules/school/service';
import { sitesHandlers } from './modules/sites/service';
import { studentsHandlers } from './modules/students/service';
import { systemHandlers } from './modules/system/service';
import { teachersHandlers } from './modules/teachers/service';
import { weeklyHandlers } from './modules/weekly/service';
import { uploadHandlers } from './modules/uploads/service';
import { importsHandlers } from './modules/imports/service';
import { createTaskRegistry } from './io/tasks';
import { makePrivateDir } from './io/privateFiles';
import { createUploadStore } from './io/uploads';
import { ATTACHMENTS_DIR } from './modules/attachments/blobStore';
import { EXPORTS_DIR } from './modules/package/exportFile';

export type { HostCapabilities } from './context';

export { BACKUP_DIR, DATABASE_FILE } from './dataFiles';

export interface CoreOptions {
  dataDir: string;
  clock: () => Date;
  log: Logger;
  appVersion: string;
  /** better-sqlite3 binary for the host runtime, when it is not the Node build (Electron). */
  nativeBinding?: string;
  /** What the host can do for the core (open a folder…); see HostCapabilities. */
  host?: HostCapabilities;
  /**
   * Where offered files go: the core's own store by default; in a worker, one that hands each
   * offer to the host thread that serves the downloads (worker/entry.ts).
   */
  downloads?: DownloadStore;
  /**
   * 'reader': a second core on the same data file that answers reads while the first one runs
   * long work (SQLite's WAL lets it read beside the writer). It takes no backup at start; the
   * host sends it no call that writes.
   */
  role?: 'primary' | 'reader';
}

export interface Core {
  /** Every call goes through here: validated against the contract, then handled. */
  dispatch: Dispatch;
  events: EventSource;
  dataDir: string;
  databasePath: string;
  /**
   * Backups. The host calls `backups.tick()` on a timer (about once a minute); the core never
   * starts timers itself, so tests drive it with a fake clock.
   */
  backups: BackupManager;
  /** Offered files: the hosts stream `GET /api/download/<token>` from here. */
  downloads: DownloadStore;
  status(): CoreStatus;
  close(): void;
}

/** Handlers that also work in recovery mode, when the data file is damaged. */
const recoveryHandlerNames = [
  'system.info',
  'system.openDataFolder',
  'backup.list',
  'backup.download',
  'backup.downloadArchive',
  'backup.restore',
  'backup.restoreFile',
  'backup.newestGood',
  'uploads.begin',
  'uploads.chunk',
  'uploads.cancel',
] as const satisfies readonly HandlerName[];

/** Every feature's handlers on one open database; rebuilt after a restore swaps the file. */
function featureHandlers(ctx: CoreContext): Handlers {
  return {
    ...systemHandlers(ctx),
    ...backupHandlers(ctx),
    ...schoolHandlers(ctx),
    ...attachmentHandlers(ctx),
    ...catalogueHandlers(ctx),
    ...majorsHandlers(ctx),
    ...teachersHandlers(ctx),
    ...roomsHandlers(ctx),
    ...sitesHandlers(ctx),
    ...projectHandlers(ctx),
    ...studentsHandlers(ctx),
    ...importsHandlers(ctx),
    ...packageHandlers(ctx),
    ...photosHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...examsHandlers(ctx),
    ...agreementsHandlers(ctx),
    ...examSitesHandlers(ctx),
    ...feesHandlers(ctx),
    ...arrangementsHandlers(ctx),
    ...fundsHandlers(ctx),
    ...weeklyHandlers(ctx),
    ...uploadHandlers(ctx),
  };
}

/** Recovery mode: everything but the backup list and restore says why it cannot run. */
function recoveryHandlers(services: CoreServices, problem: string): Handlers {
  const refuse = () => {
    throw new CoreError(
      'DB_CORRUPT',
      `数据文件已损坏，暂时不能使用此功能：${problem} 请在恢复界面还原一个完好的备份。`,
    );
  };
  const all = Object.fromEntries(
    (Object.keys(contract) as HandlerName[]).map((name) => [name, refuse]),
  ) as unknown as Handlers;
  const working = {
    ...systemHandlers(services),
    ...backupHandlers(services),
    ...uploadHandlers(services),
  };
  for (const name of recoveryHandlerNames) {
    (all as Record<string, unknown>)[name] = working[name];
  }
  return all;
}

interface Session {
  db: Db | null;
  handlers: Handlers;
  status: CoreStatus;
}

/**
 * The data folder and the folders in it for the user alone (0700), an older install's too, whose
 * folders were made with the umask's mode (often 0755): the files inside are out of others' reach.
 */
function makeDataFolderPrivate(dataDir: string): void {
  makePrivateDir(dataDir);
  const inside = [BACKUP_DIR, ATTACHMENTS_DIR, EXPORTS_DIR, UPLOADS_DIR, SUBMITTED_DIR];
  for (const dir of [...inside, path.join(BACKUP_DIR, ATTACHMENTS_DIR)]) {
    if (existsSync(path.join(dataDir, dir))) makePrivateDir(path.join(dataDir, dir));
  }
}

/** Builds the core: opens and migrates the data file, and wires every feature's handlers. */
export function createCore(options: CoreOptions): Core {
  makeDataFolderPrivate(options.dataDir);
  const databasePath = path.join(options.dataDir, DATABASE_FILE);
  const backupDir = path.join(options.dataDir, BACKUP_DIR);
  const events = createEventSource();
  const downloads = options.downloads ?? createDownloadStore(() => options.clock().getTime());
  let session: Session | undefined;

  const backups = createBackupManager({
    dataDir: options.dataDir,
    databasePath,
    backupDir,
    clock: options.clock,
    log: options.log,
    appVersion: options.appVersion,
    migrations,
    nativeBinding: options.nativeBinding,
    downloads,
    currentDb: () => session?.db ?? null,
    reopen(swap) {
      session?.db?.close();
      session = undefined;
      let swapError: unknown;
      try {
        swap();
      } catch (error) {
        swapError = error; // reopen whatever file is there, then report it
      }
      try {
        session = openSession();
      } catch (error) {
        // Never leave the core without handlers: recovery mode can still restore a backup.
        const problem = (error as Error).message;
        session = {
          db: null,
          handlers: recoveryHandlers(services, problem),
          status: { mode: 'recovery', problem },
        };
        throw error;
      }
      if (swapError !== undefined) throw swapError;
    },
  });

  const services: CoreServices = {
    clock: options.clock,
    now: () => options.clock().toISOString(),
    today: () => chinaDate(options.clock()),
    log: options.log,
    events,
    dataDir: options.dataDir,
    databasePath,
    appVersion: options.appVersion,
    actor: '试点工作负责人',
    host: options.host ?? {},
    backups,
    uploads: createUploadStore({
      dataDir: options.dataDir,
      log: (message, data) => options.log('warn', message, data),
      now: () => options.clock().getTime(),
    }),
    downloads,
    importTasks: createTaskRegistry(),
    currentDb: () => session?.db ?? null,
    status: () => session?.status ?? { mode: 'recovery', problem: '数据文件正在切换，请稍候。' },
  };

  /**
   * Opens the data file. A file that fails its integrity check, or is not a database at all,
   * starts the core in recovery mode (the file is left untouched); a file from a newer version
   * or a failing migration still stops the start with its message.
   */
  function openSession(): Session {
    let db: Db;
    try {
      db = openDatabase({
        file: databasePath,
        backupDir,
        migrations,
        clock: options.clock,
        log: options.log,
        nativeBinding: options.nativeBinding,
      });
    } catch (error) {
      if (
        error instanceof CoreError &&
        (error.code === 'DB_CORRUPT' || error.code === 'DB_OPEN_FAILED')
      ) {
        options.log('error', 'data file damaged: recovery mode', { error: error.message });
        return {
          db: null,
          handlers: recoveryHandlers(services, error.message),
          status: { mode: 'recovery', problem: error.message },
        };
      }
      throw error;
    }
    try {
      return {
        db,
        handlers: featureHandlers({ ...services, db }),
        status: { mode: 'normal', problem: null },
      };
    } catch (error) {
      db.close();
      throw error;
    }
  }

  const fresh = !existsSync(databasePath) || statSync(databasePath).size === 0;
  session = openSession();
  if (options.role !== 'reader') {
    void backups
      .start({ fresh })
      .catch((error: unknown) =>
        options.log('error', 'backup at start failed', { error: String(error) }),
      );
  }

  return {
    dispatch: createDispatcher(
      () => {
        if (!session) throw new Error('core is reopening its data file');
        return session.handlers;
      },
      options.log,
      events,
    ),
    events,
    dataDir: options.dataDir,
    databasePath,
    backups: {
      ...backups,
      // The hosts' timer takes automatic backups: the backup list on 设置 reloads.
      async tick() {
        const taken = await backups.tick();
        if (taken) events.emit({ type: 'changed', topics: ['backups'] });
        return taken;
      },
    },
    downloads,
    status: services.status,
    close: () => {
      downloads.clear();
      session?.db?.close();
      session = undefined;
    },
  };
}

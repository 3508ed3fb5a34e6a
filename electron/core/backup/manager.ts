import { randomBytes } from 'node:crypto';
import { constants, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { mimeTypes } from '../../../shared/contract/files';
import type {
  BackupCheck,
  BackupDownload,
  BackupEntry,
  BackupList,
  RestoreResult,
} from '../../../shared/contract/backup';
import {
  AUTO_BACKUP_INTERVAL_MS,
  AUTO_BACKUP_KEEP_DAYS,
  AUTO_BACKUP_KEEP_NEWEST,
  type BackupKind,
} from '../../../shared/domain/backup';
import { UPLOADS_DIR } from '../dataFiles';
import { connect, type Db } from '../db/open';
import { copyPrivateFile, makePrivateDir } from '../io/privateFiles';
import { removeOrphanedTempFiles } from '../io/tempFiles';
import type { DownloadStore } from '../io/downloads';
import { writeExportAtomically } from '../modules/package/exportFile';
import { CoreError } from '../errors';
import type { Logger } from '../log';
import type { Migration } from '../migrations';
import {
  attachmentHashes,
  bringBackAttachments,
  keepAttachments,
  liveRoot,
  poolOwnBytes,
  poolRoot,
  prunePool,
} from './attachments';
import {
  installAttachments,
  isZipFile,
  UNPACK_TEMP_KIND,
  unpackBackupArchive,
  writeBackupArchive,
  type UnpackedArchive,
} from './archive';
import { listBackupFiles, newBackupName, removeBackupFile, removeStaleTempCopies } from './files';
import { installSubmitted, submittedFiles } from './submitted';
import { backupsToKeep, type RetentionPolicy } from './retention';
import { inspectCandidate, writeSnapshot } from './snapshot';

export interface BackupManagerDeps {
  dataDir: string;
  databasePath: string;
  backupDir: string;
  clock: () => Date;
  log: Logger;
  /** Written into a portable archive's manifest. */
  appVersion: string;
  migrations: readonly Migration[];
  nativeBinding?: string;
  /** Where finished files are offered for download. */
  downloads: DownloadStore;
  /** The live connection, or null in recovery mode. */
  currentDb(): Db | null;
  /**
   * Closes the live connection, runs `swap` while no connection is open, then opens the file
   * again (migrating it) and rebuilds the handlers. Throws what opening threw.
   */
  reopen(swap: () => void): void;
  intervalMs?: number;
  retention?: RetentionPolicy;
}

/**
 * A listed backup, or a file elsewhere (a staged upload) shown to the user as `fileName`: a
 * database file, or a portable archive (`downloadArchive`), told apart by content.
 */
export type RestoreSource = { id: string } | { fileName: string; file: string };

export interface BackupManager {
  readonly dir: string;
  /**
   * The snapshot at start: skipped for a file created just now (nothing to lose yet) and when an
   * automatic one is younger than the interval (then the next due tick takes one).
   */
  start(options: { fresh: boolean }): Promise<BackupEntry | null>;
  /**
   * Called by the host's timer (every minute or so): takes an automatic snapshot when the data
   * changed since the last one and the last one is at least the interval old, then applies the
   * retention rule. Resolves to the new backup, or null.
   */
  tick(): Promise<BackupEntry | null>;
  create(kind: 'manual'): Promise<BackupEntry>;
  list(): BackupList;
  remove(id: string): Promise<void>;
  download(id: string): BackupDownload;
  /**
   * A listed backup as a portable `.zip` with every attachment file it names (manifest included),
   * for moving to another PC; also kept in the data folder's `exports/`.
   */
  downloadArchive(id: string): Promise<BackupDownload>;
  exportDatabase(): Promise<BackupDownload>;
  restore(source: RestoreSource): Promise<RestoreResult>;
  newestGood(): BackupCheck;
  /** Resolves when no backup work is queued (tests, shutdown). */
  idle(): Promise<void>;
}

/** `20260302-1600` in Asia/Shanghai, for names the user sees in their downloads folder. */
function localStamp(at: Date): string {
  const shifted = new Date(at.getTime() + 8 * 60 * 60 * 1000).toISOString();
  return `${shifted.slice(0, 10).replace(/-/g, '')}-${shifted.slice(11, 16).replace(':', '')}`;
}

function removeWithJournals(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    rmSync(`${file}${suffix}`, { force: true });
}

export function createBackupManager(deps: BackupManagerDeps): BackupManager {
  const { backupDir: dir, clock, log } = deps;
  const intervalMs = deps.intervalMs ?? AUTO_BACKUP_INTERVAL_MS;
  const retention = deps.retention ?? {
    newest: AUTO_BACKUP_KEEP_NEWEST,
    days: AUTO_BACKUP_KEEP_DAYS,
  };
  const sqliteOptions = { nativeBinding: deps.nativeBinding };

  // One piece of backup work at a time: a restore never overlaps a snapshot.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(work: () => Promise<T> | T): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  }

  // Change detection: `total_changes()` counts every row this connection wrote (any handler,
  // audit log included); `data_version` moves when another connection commits to the file. The
  // pair, taken just before a snapshot, says whether anything changed since. A new connection
  // (after a restore) always counts as changed.
  let lastAutoAt: number | null = (() => {
    const newestAuto = listBackupFiles(dir).find((b) => b.kind === 'auto');
    return newestAuto ? Date.parse(newestAuto.createdAt) : null;
  })();
  let baseline: { db: Db; mark: string } | null = null;
  const markOf = (db: Db) =>
    `${db.prepare('SELECT total_changes()').pluck().get() as number}:${db.pragma('data_version', { simple: true }) as number}`;

  const entry = (id: string): BackupEntry => {
    const found = listBackupFiles(dir).find((b) => b.id === id);
    if (!found) throw new Error(`backup ${id} missing after writing it`);
    return found;
  };

  const requireDb = (what: string): Db => {
    const db = deps.currentDb();
    if (!db) {
      throw new CoreError(
        'DB_CORRUPT',
        `数据文件已损坏，无法${what}。请先在恢复界面还原一个完好的备份。`,
      );
    }
    return db;
  };

  async function snapshot(db: Db, kind: Exclude<BackupKind, 'pre-migration'>) {
    makePrivateDir(dir);
    const name = newBackupName(dir, kind, clock());
    const file = path.join(dir, name);
    await writeSnapshot(db, file, sqliteOptions);
    keepAttachments(attachmentHashes(file, sqliteOptions), deps.dataDir, dir);
    log('info', 'backup written', { name, kind });
    return entry(name);
  }

  /**
   * Makes the kept attachment files match the backups: every file a backup names is kept (the
   * migration step's backups included), the rest removed.
   */
  function syncAttachments(): void {
    const named = new Set<string>();
    for (const backup of listBackupFiles(dir)) {
      const hashes = attachmentHashes(path.join(dir, backup.id), sqliteOptions);
      keepAttachments(hashes, deps.dataDir, dir);
      for (const sha of hashes) named.add(sha);
    }
    const removed = prunePool(dir, named);
    if (removed > 0) log('info', 'attachment copies no backup needs removed', { removed });
  }

  function applyRetention(now: Date): void {
    const autos = listBackupFiles(dir).filter((b) => b.kind === 'auto');
    const keep = backupsToKeep(
      autos.map((b) => ({ id: b.id, at: new Date(b.createdAt) })),
      now,
      retention,
    );
    const dropped = autos.filter((b) => !keep.has(b.id)).map((b) => b.id);
    for (const id of dropped) removeBackupFile(dir, id);
    if (dropped.length > 0) {
      log('info', 'old automatic backups removed', { dropped });
      syncAttachments();
    }
  }

  async function autoSnapshot(db: Db): Promise<BackupEntry> {
    const now = clock();
    const mark = markOf(db);
    const written = await snapshot(db, 'auto');
    lastAutoAt = now.getTime();
    baseline = { db, mark };
    applyRetention(now);
    return written;
  }

  const recentAuto = () => lastAutoAt !== null && clock().getTime() - lastAutoAt < intervalMs;

  /** Keeps the data as it is now as a `pre-restore` backup (a raw copy when it is damaged). */
  async function saveCurrent(): Promise<BackupEntry | null> {
    const db = deps.currentDb();
    if (db) return snapshot(db, 'pre-restore');
    if (!existsSync(deps.databasePath)) return null;
    makePrivateDir(dir);
    const name = newBackupName(dir, 'pre-restore', clock());
    const target = path.join(dir, name);
    // No connection is open in recovery mode: copy the damaged file as it is, with its WAL.
    if (existsSync(`${deps.databasePath}-wal`)) {
      copyPrivateFile(`${deps.databasePath}-wal`, `${target}-wal`);
    }
    copyPrivateFile(deps.databasePath, target);
    keepAttachments(attachmentHashes(target, sqliteOptions), deps.dataDir, dir);
    log('info', 'damaged data file kept before restore', { name });
    return entry(name);
  }

  function swapIn(candidate: string): void {
    rmSync(`${deps.databasePath}-wal`, { force: true });
    rmSync(`${deps.databasePath}-shm`, { force: true });
    rmSync(`${deps.databasePath}-journal`, { force: true });
    renameSync(candidate, deps.databasePath);
  }

  const unpackDir = path.join(deps.dataDir, UPLOADS_DIR);

  const privateCopyPath = (purpose: string) =>
    path.join(deps.dataDir, `.${purpose}-${randomBytes(6).toString('hex')}.sqlite.tmp`);

  const requireListed = (id: string): string => {
    const source = path.join(dir, id);
    if (!existsSync(source)) {
      throw new CoreError('NOT_FOUND', `找不到备份“${id}”，它可能已被删除。请刷新列表。`, { id });
    }
    return source;
  };

  function copyListed(id: string, target: string): void {
    const source = requireListed(id);
    if (existsSync(`${source}-wal`)) copyPrivateFile(`${source}-wal`, `${target}-wal`);
    copyPrivateFile(source, target);
  }

  return {
    dir,
    start({ fresh }) {
      const stale = [
        ...removeStaleTempCopies([dir, deps.dataDir]),
        ...removeOrphanedTempFiles(unpackDir, UNPACK_TEMP_KIND),
      ];
      if (stale.length > 0) log('warn', 'removed unfinished temporary copies', { files: stale });
      const db = deps.currentDb();
      if (!db) return Promise.resolve(null);
      // Taken now, before any handler can write: a change made while this waits is not missed.
      if (fresh) baseline = { db, mark: markOf(db) };
      return serial(async () => {
        syncAttachments();
        if (fresh || deps.currentDb() !== db) return null;
        if (recentAuto()) return null; // baseline stays null: the next due tick takes one
        return autoSnapshot(db);
      });
    },

    tick: () =>
      serial(async () => {
        const db = deps.currentDb();
        if (!db || recentAuto()) return null;
        if (baseline && baseline.db === db && baseline.mark === markOf(db)) return null;
        return autoSnapshot(db);
      }),

    create: () => serial(() => snapshot(requireDb('备份'), 'manual')),

    list() {
      const items = listBackupFiles(dir);
      const attachmentBytes = poolOwnBytes(dir);
      const totalBytes = items.reduce((sum, b) => sum + b.size, attachmentBytes);
      return { dir, items, attachmentBytes, totalBytes };
    },

    async remove(id) {
      if (!existsSync(path.join(dir, id))) {
        throw new CoreError('NOT_FOUND', `找不到备份“${id}”，它可能已被删除。请刷新列表。`, { id });
      }
      return serial(() => {
        removeBackupFile(dir, id);
        log('info', 'backup deleted', { id });
        syncAttachments();
      });
    },

    download(id) {
      const file = requireListed(id);
      return deps.downloads.offer(file, {
        fileName: id,
        mime: mimeTypes.sqlite,
        size: statSync(file).size,
      });
    },

    downloadArchive: (id) =>
      serial(async () => {
        const entry = listBackupFiles(dir).find((b) => b.id === id);
        if (!entry) requireListed(id);
        const copy = privateCopyPath('archive');
        try {
          copyListed(id, copy);
          // One self-contained file: a backup's -wal (if any) is folded in.
          const db = connect(copy, sqliteOptions);
          try {
            db.pragma('journal_mode = DELETE');
          } finally {
            db.close();
          }
          const fileName = `1+X试点工作台备份-${localStamp(new Date(entry?.createdAt ?? clock()))}.zip`;
          const written = await writeExportAtomically(
            deps.dataDir,
            fileName,
            { check: () => undefined },
            (target) =>
              writeBackupArchive({
                database: copy,
                databaseName: id,
                hashes: attachmentHashes(copy, sqliteOptions),
                roots: [liveRoot(deps.dataDir), poolRoot(dir)],
                submitted: submittedFiles(copy, deps.dataDir, sqliteOptions),
                appVersion: deps.appVersion,
                createdAt: clock(),
                target,
              }),
          );
          log('info', 'backup archive written', {
            id,
            fileName,
            attachments: written.value.manifest.attachments.length,
            missing: written.value.missing,
            bytes: written.size,
          });
          return deps.downloads.offer(written.file, {
            fileName,
            mime: mimeTypes.zip,
            size: written.size,
          });
        } finally {
          removeWithJournals(copy);
        }
      }),

    exportDatabase: () =>
      serial(async () => {
        const db = requireDb('导出');
        const temp = privateCopyPath('export');
        try {
          await writeSnapshot(db, temp, sqliteOptions);
        } catch (error) {
          removeWithJournals(temp);
          throw error;
        }
        // The copy is the download's now: removed once fetched or when the offer expires.
        return deps.downloads.offer(
          temp,
          {
            fileName: `1+X试点工作台数据-${localStamp(clock())}.sqlite`,
            mime: mimeTypes.sqlite,
            size: statSync(temp).size,
          },
          { temporary: true },
        );
      }),

    restore: (source) =>
      serial(async () => {
        const label = 'id' in source ? source.id : source.fileName;
        const candidate = privateCopyPath('restore');
        let archive: UnpackedArchive | null = null;
        try {
          if ('id' in source) copyListed(source.id, candidate);
          else {
            if (statSync(source.file).size === 0) {
              throw new CoreError('BAD_FILE', `无法还原“${label}”：文件是空的。当前数据没有改动。`);
            }
            if (isZipFile(source.file)) {
              archive = await unpackBackupArchive(source.file, label, unpackDir);
            }
            copyPrivateFile(archive?.database ?? source.file, candidate, constants.COPYFILE_EXCL);
          }
          inspectCandidate(candidate, label, deps.migrations, sqliteOptions);
          // The archive's attachment files go into the live store before the swap. Should the
          // restore fail after this, they do no harm: the store is content-addressed (an added
          // file never changes one already there), and files no row names are swept later.
          if (archive) installAttachments(archive.attachments, liveRoot(deps.dataDir));
          // Kept submitted packages likewise: a name starts with its SHA-256, never replaced.
          if (archive) installSubmitted(archive.submitted, deps.dataDir);
          const undo = await saveCurrent();
          const attachments = bringBackAttachments(
            attachmentHashes(candidate, sqliteOptions),
            deps.dataDir,
            dir,
          );
          try {
            deps.reopen(() => swapIn(candidate));
          } catch (error) {
            if (!undo) throw error;
            // The file passed every check but did not open: put the previous data back.
            const back = privateCopyPath('undo');
            copyListed(undo.id, back);
            deps.reopen(() => swapIn(back));
            throw new CoreError(
              'BAD_FILE',
              `还原“${label}”失败（${(error as Error).message}），已恢复为还原前的数据。`,
            );
          }
          baseline = null; // the restored data is a change: the next due tick backs it up
          const db = deps.currentDb();
          const schemaVersion = db ? (db.pragma('user_version', { simple: true }) as number) : 0;
          log('info', 'backup restored', { from: label, undo: undo?.id, ...attachments });
          return {
            restoredFrom: label,
            undoBackup: undo,
            schemaVersion,
            missingAttachments: attachments.missing,
          };
        } finally {
          removeWithJournals(candidate);
          archive?.cleanup();
        }
      }),

    newestGood() {
      const damaged: BackupCheck['damaged'] = [];
      for (const item of listBackupFiles(dir)) {
        const copy = privateCopyPath('check');
        try {
          copyListed(item.id, copy);
          inspectCandidate(copy, item.id, deps.migrations, sqliteOptions);
          return { newestGood: item, damaged };
        } catch (error) {
          damaged.push({ id: item.id, problem: (error as Error).message });
        } finally {
          removeWithJournals(copy);
        }
      }
      return { newestGood: null, damaged };
    },

    idle: () => serial(() => undefined),
  };
}

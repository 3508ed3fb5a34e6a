import { create } from 'zustand';
import type {
  BackupCheck,
  BackupEntry,
  BackupList,
  RestoreResult,
} from '../../../../shared/contract/backup';
import type { AppInfo, OpenFolderResult } from '../../../../shared/contract/system';
import { invoke } from '../../api/client';
import { stageFile } from '../../api/files';
import { saveContent } from '../attachments/download';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface SettingsState {
  info: AppInfo | null;
  backups: BackupList | null;
  loadState: LoadState;
  loadError: string | null;
  /** What is running now, to show one spinner at a time. */
  busy: 'backup' | 'export' | 'restore' | null;
  load(): Promise<void>;
  openDataFolder(): Promise<OpenFolderResult>;
  backupNow(): Promise<BackupEntry>;
  exportDatabase(): Promise<string>;
  download(id: string): Promise<void>;
  /** Downloads the backup as a .zip with its attachments; resolves to the file name. */
  downloadArchive(id: string): Promise<string>;
  remove(id: string): Promise<void>;
  /** Rejects with PilotError carrying the core's Chinese message. */
  restore(id: string): Promise<RestoreResult>;
  /**
   * Sends the file to the core in pieces (progress to `onProgress`; `signal` stops the sending,
   * rejecting with CANCELLED), then restores it.
   */
  restoreFile(
    file: File,
    onProgress?: (sent: number, total: number) => void,
    signal?: AbortSignal,
  ): Promise<RestoreResult>;
  newestGood(): Promise<BackupCheck>;
}

const SQLITE_MIME = 'application/vnd.sqlite3';
const ZIP_MIME = 'application/zip';

export const useSettingsStore = create<SettingsState>((set, get) => {
  const refreshBackups = async () => set({ backups: await invoke('backup.list', {}) });
  const busy = async <T>(what: SettingsState['busy'], work: () => Promise<T>): Promise<T> => {
    set({ busy: what });
    try {
      return await work();
    } finally {
      set({ busy: null });
    }
  };

  return {
    info: null,
    backups: null,
    loadState: 'idle',
    loadError: null,
    busy: null,
    async load() {
      if (!get().backups) set({ loadState: 'loading', loadError: null });
      try {
        const [info, backups] = await Promise.all([
          invoke('system.info', {}),
          invoke('backup.list', {}),
        ]);
        set({ info, backups, loadState: 'ready', loadError: null });
      } catch (error) {
        set({ loadState: 'error', loadError: (error as Error).message });
      }
    },
    openDataFolder: () => invoke('system.openDataFolder', {}),
    backupNow: () =>
      busy('backup', async () => {
        const entry = await invoke('backup.create', {});
        await refreshBackups();
        return entry;
      }),
    exportDatabase: () =>
      busy('export', async () => {
        const file = await invoke('backup.exportDatabase', {});
        saveContent({
          fileName: file.fileName,
          mime: SQLITE_MIME,
          contentBase64: file.contentBase64,
        });
        return file.fileName;
      }),
    async download(id) {
      const file = await invoke('backup.download', { id });
      saveContent({
        fileName: file.fileName,
        mime: SQLITE_MIME,
        contentBase64: file.contentBase64,
      });
    },
    async downloadArchive(id) {
      const file = await invoke('backup.downloadArchive', { id });
      saveContent({ fileName: file.fileName, mime: ZIP_MIME, contentBase64: file.contentBase64 });
      return file.fileName;
    },
    async remove(id) {
      await invoke('backup.delete', { id });
      await refreshBackups();
    },
    restore: (id) =>
      busy('restore', async () => {
        try {
          return await invoke('backup.restore', { id });
        } finally {
          await refreshBackups().catch(() => undefined);
        }
      }),
    restoreFile: (file, onProgress, signal) =>
      busy('restore', async () => {
        try {
          return await invoke('backup.restoreFile', await stageFile(file, onProgress, signal));
        } finally {
          await refreshBackups().catch(() => undefined);
        }
      }),
    newestGood: () => invoke('backup.newestGood', {}),
  };
});

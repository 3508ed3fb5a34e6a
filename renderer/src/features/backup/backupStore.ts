import { create } from 'zustand';
import type { BackupCheck, BackupEntry, RestoreResult } from '../../../../shared/contract/backup';
import type { OpenFolderResult } from '../../../../shared/contract/system';
import { invoke } from '../../api/client';
import { invalidate, mutate } from '../../api/queryCache';
import { combined, useQuery } from '../../api/useQuery';
import { saveOffer, stageFile } from '../../api/files';

/** The data folder and its backups; they reload on their own after a change. */
export function useSettingsData() {
  const info = useQuery('system.info', {});
  const backups = useQuery('backup.list', {});
  const { state, error, retry } = combined(info, backups);
  return {
    info: info.data,
    backups: backups.data,
    loadState: state,
    loadError: error,
    load: retry,
  };
}

/** The writes of 设置; every view of the data reloads after them on its own. */
interface SettingsState {
  /** What is running now, to show one spinner at a time. */
  busy: 'backup' | 'export' | 'restore' | null;
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

export const useSettingsStore = create<SettingsState>((set) => {
  // A refused restore emits no change, but it may have saved a 还原前 backup first.
  const refreshBackups = () => invalidate(['backups']);
  const busy = async <T>(what: SettingsState['busy'], work: () => Promise<T>): Promise<T> => {
    set({ busy: what });
    try {
      return await work();
    } finally {
      set({ busy: null });
    }
  };

  return {
    busy: null,
    openDataFolder: () => invoke('system.openDataFolder', {}),
    backupNow: () => busy('backup', () => mutate('backup.create', {})),
    exportDatabase: () =>
      busy('export', async () => {
        const file = await invoke('backup.exportDatabase', {});
        saveOffer(file);
        return file.fileName;
      }),
    async download(id) {
      const file = await invoke('backup.download', { id });
      saveOffer(file);
    },
    async downloadArchive(id) {
      const file = await invoke('backup.downloadArchive', { id });
      saveOffer(file);
      return file.fileName;
    },
    async remove(id) {
      await mutate('backup.delete', { id });
    },
    restore: (id) =>
      busy('restore', async () => {
        try {
          return await mutate('backup.restore', { id });
        } finally {
          refreshBackups();
        }
      }),
    restoreFile: (file, onProgress, signal) =>
      busy('restore', async () => {
        try {
          return await mutate('backup.restoreFile', await stageFile(file, onProgress, signal));
        } finally {
          refreshBackups();
        }
      }),
    newestGood: () => invoke('backup.newestGood', {}),
  };
});

import { z } from 'zod';
import type { TopicsOf } from './topics';

export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  /** The data file's schema version; null in recovery mode (the file could not be read). */
  schemaVersion: number | null;
  /**
   * 'recovery' when the data file failed its integrity check at start: only the backup list and
   * restore work until a backup is restored.
   */
  mode: 'normal' | 'recovery';
  /** Why the app is in recovery mode (Chinese, for the user); null otherwise. */
  problem: string | null;
}

/** What `system.openDataFolder` did: hosts without a file manager (web) say so. */
export interface OpenFolderResult {
  opened: boolean;
  path: string;
  message: string;
}

export const systemContract = {
  'system.info': { input: z.object({}).strict(), output: {} as AppInfo },
  'system.openDataFolder': { input: z.object({}).strict(), output: {} as OpenFolderResult },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const systemTopics = {
  'system.info': { reads: ['system'] },
  'system.openDataFolder': { reads: ['system'] },
} as const satisfies TopicsOf<typeof systemContract>;

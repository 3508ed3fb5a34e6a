import * as z from 'zod';
import { uploadedFileSchema } from './files';
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
  /**
   * The host opens files with the system's programs (the desktop app): a PDF to print goes to the
   * system viewer through `system.openFile`; otherwise (web) the page opens it in a browser tab.
   */
  canOpenFiles: boolean;
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
  /** Saves a generated file (a PDF to print) under exports/打印 and opens it with its program. */
  'system.openFile': { input: uploadedFileSchema.strict(), output: {} as OpenFolderResult },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const systemTopics = {
  'system.info': { reads: ['system'] },
  'system.openDataFolder': { reads: ['system'] },
  'system.openFile': { reads: ['system'] },
} as const satisfies TopicsOf<typeof systemContract>;

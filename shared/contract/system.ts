import { z } from 'zod';

export interface AppInfo {
  version: string;
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
}

export const systemContract = {
  'system.info': { input: z.object({}).strict(), output: {} as AppInfo },
} as const;

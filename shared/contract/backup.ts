import * as z from 'zod';
import { backupIdPattern, type BackupKind } from '../domain/backup';
import { uploadRefSchema } from './uploads';
import type { FileOffer } from './files';
import { topics, type TopicsOf } from './topics';

export const backupIdSchema = z
  .string({ error: '请指定要操作的备份' })
  .regex(backupIdPattern, { error: '备份名称无效：只能是备份文件夹中的 .sqlite 文件名' });

export const backupRefSchema = z.object({ id: backupIdSchema });
/**
 * A file the page staged with `uploads.begin` / `uploads.chunk`: a database file, or a `.zip`
 * from `backup.downloadArchive` (told apart by content), whose attachments come along.
 */
export const backupRestoreFileSchema = uploadRefSchema;

/** One backup file in the data folder's `backups/`. */
export interface BackupEntry {
  /** The file name, e.g. `auto-20260302T080000Z.sqlite`. */
  id: string;
  kind: BackupKind;
  /** When it was taken (ISO 8601). */
  createdAt: string;
  /** Bytes on disk (with its -wal file, if any). */
  size: number;
  /** Pre-migration backups: the schema versions, e.g. `v1 → v5`. */
  note: string | null;
}

export interface BackupList {
  /** The folder the backups live in. */
  dir: string;
  /** Newest first. */
  items: BackupEntry[];
  /**
   * Space the copies of attachment files take that only backups still need (files shared with
   * the live data by a hard link take none), in bytes.
   */
  attachmentBytes: number;
  /** Space all backups take, attachment copies included, in bytes. */
  totalBytes: number;
}

/** A backup or database copy offered for download. */
export type BackupDownload = FileOffer;

export interface RestoreResult {
  /** The listed backup's id, or the uploaded file's name. */
  restoredFrom: string;
  /**
   * The data as it was just before the restore: restoring it undoes the restore. Null only when
   * there was no data file to keep.
   */
  undoBackup: BackupEntry | null;
  /** Schema version of the restored data after any migration. */
  schemaVersion: number;
  /**
   * Attachments the restored data names whose file content is in neither the data folder nor
   * the backups' copies (0 normally): those attachments show as missing.
   */
  missingAttachments: number;
}

export interface BackupCheck {
  /** The newest backup that passes the integrity check, or null when none does. */
  newestGood: BackupEntry | null;
  /** Backups newer than it that failed the check, with the reason. */
  damaged: { id: string; problem: string }[];
}

export const backupContract = {
  'backup.list': { input: z.object({}).strict(), output: {} as BackupList },
  'backup.create': { input: z.object({}).strict(), output: {} as BackupEntry },
  'backup.delete': { input: backupRefSchema.strict(), output: {} as { id: string } },
  'backup.download': { input: backupRefSchema.strict(), output: {} as BackupDownload },
  /** The backup as a `.zip` with its attachment files, for moving to another PC. */
  'backup.downloadArchive': { input: backupRefSchema.strict(), output: {} as BackupDownload },
  'backup.exportDatabase': { input: z.object({}).strict(), output: {} as BackupDownload },
  'backup.restore': { input: backupRefSchema.strict(), output: {} as RestoreResult },
  'backup.restoreFile': { input: backupRestoreFileSchema.strict(), output: {} as RestoreResult },
  'backup.newestGood': { input: z.object({}).strict(), output: {} as BackupCheck },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const backupTopics = {
  'backup.list': { reads: ['backups'] },
  'backup.create': { writes: ['backups'] },
  'backup.delete': { writes: ['backups'] },
  'backup.download': { reads: ['backups'] },
  'backup.downloadArchive': { reads: ['backups', 'attachments'], writes: ['packages'] },
  'backup.exportDatabase': { reads: topics },
  // A restore replaces everything: every view reloads.
  'backup.restore': { writes: topics },
  'backup.restoreFile': { writes: topics },
  'backup.newestGood': { reads: ['backups'] },
} as const satisfies TopicsOf<typeof backupContract>;

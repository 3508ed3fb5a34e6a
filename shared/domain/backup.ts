/** Backups of the data file: kinds, their Chinese labels and the rules the UI states. */
export const backupKinds = ['auto', 'manual', 'pre-migration', 'pre-restore'] as const;
export type BackupKind = (typeof backupKinds)[number];

export const backupKindLabels: Record<BackupKind, string> = {
  auto: '自动',
  manual: '手动',
  'pre-migration': '迁移前',
  'pre-restore': '还原前',
};

/** Automatic snapshots: at start and after changes, at most this often. */
export const AUTO_BACKUP_INTERVAL_MS = 15 * 60 * 1000;
/** Retention of automatic snapshots: the newest N, plus the newest of each day for D days. */
export const AUTO_BACKUP_KEEP_NEWEST = 10;
export const AUTO_BACKUP_KEEP_DAYS = 30;

/** A backup's id is its file name in the backups folder: nothing that could name another path. */
export const backupIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.sqlite$/;

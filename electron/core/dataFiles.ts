/** Names inside the data folder; a module of their own so test tools can import them alone. */
export const DATABASE_FILE = 'pilotdesk.sqlite';
export const BACKUP_DIR = 'backups';

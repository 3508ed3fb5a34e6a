/** Names inside the data folder; a module of their own so test tools can import them alone. */
export const DATABASE_FILE = 'pilotdesk.sqlite';
export const BACKUP_DIR = 'backups';
/** Staged uploads (large files the page sends in pieces) while they arrive: `uploads/`. */
export const UPLOADS_DIR = 'uploads';
/** Packages marked as submitted, kept read-only exactly as sent: `submitted/`. */
export const SUBMITTED_DIR = 'submitted';

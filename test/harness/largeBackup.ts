import type { Core } from '../../electron/core';
import type { BackupEntry } from '../../shared/contract/backup';
import { openBenchCore } from './core';
import { call, schoolProfile } from './seed';
import { insertStudents, openDataFile } from './seedExams';
import { rosterRows } from './students';
import { makeTempDir } from './webHost';

/** Students in the large backup: 85,000 make a data file of about 52 MB. */
export const LARGE_BACKUP_STUDENTS = 85_000;

/**
 * A real backup over 45 MB, as another office PC would have made it: a core on its own folder
 * with the school saved as `schoolName` and 85,000 students, backed up with `backup.create`.
 * `use` gets that core and the backup (to download or copy it); the folder is removed after.
 */
export async function withLargeBackup<T>(
  schoolName: string,
  use: (core: Core, backup: BackupEntry) => Promise<T> | T,
): Promise<T> {
  const temp = makeTempDir('pilotdesk-large-backup-');
  const core = openBenchCore(temp.dir);
  try {
    await call(core, 'school.save', { ...schoolProfile, name: schoolName });
    const db = openDataFile(temp.dir);
    try {
      insertStudents(db, rosterRows(LARGE_BACKUP_STUDENTS));
    } finally {
      db.close();
    }
    return await use(core, await call<BackupEntry>(core, 'backup.create', {}));
  } finally {
    await core.backups.idle();
    core.close();
    temp.remove();
  }
}

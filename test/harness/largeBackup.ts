import type { BackupEntry } from '../../shared/contract/backup';
import { schoolProfile } from './seed';
import { insertStudents, openDataFile } from './seedExams';
import type { Call } from './seedStaff';
import { rosterRows } from './students';

/** Students in the large backup: 85,000 make a data file of about 52 MB. */
export const LARGE_BACKUP_STUDENTS = 85_000;

async function data<T>(call: Call, name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/**
 * A real backup over 45 MB, as another office PC would have made it: the school saved as
 * `schoolName` and 85,000 students (written straight into the data file of the core `call`
 * reaches, in `dataDir`), then `backup.create`. Returns the backup; its file is in `backups/`.
 */
export async function makeLargeBackup(
  dataDir: string,
  call: Call,
  schoolName: string,
): Promise<BackupEntry> {
  await data(call, 'school.save', { ...schoolProfile, name: schoolName });
  const db = openDataFile(dataDir);
  try {
    insertStudents(db, rosterRows(LARGE_BACKUP_STUDENTS));
  } finally {
    db.close();
  }
  return data<BackupEntry>(call, 'backup.create', {});
}

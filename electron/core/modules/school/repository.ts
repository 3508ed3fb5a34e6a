import type { SchoolProfile, SchoolProfileData } from '../../../../shared/contract/school';
import type { Db } from '../../db/open';
import { camelRow, type SnakeRow } from '../../db/rows';

type SchoolRow = SnakeRow<SchoolProfile>;

const fromRow = (row: SchoolRow): SchoolProfile => camelRow(row);

/** The school's one row (id 1): its statements, prepared once per core. */
export function schoolRepository(db: Db) {
  // Exactly a SchoolProfile's fields, in its order (the audit log records them as read).
  const select = db.prepare<[], SchoolRow>(
    `SELECT name, code, kind, demonstration_level, city, address, contact_name, contact_phone,
       email, weekly_reporter_name, weekly_reporter_phone, updated_at
     FROM school WHERE id = 1`,
  );
  const upsert = db.prepare(
    `INSERT INTO school (id, name, code, kind, demonstration_level, city, address, contact_name,
       contact_phone, email, weekly_reporter_name, weekly_reporter_phone, updated_at)
     VALUES (1, @name, @code, @kind, @demonstrationLevel, @city, @address, @contactName,
       @contactPhone, @email, @weeklyReporterName, @weeklyReporterPhone, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code,
       kind = excluded.kind, demonstration_level = excluded.demonstration_level,
       city = excluded.city, address = excluded.address, contact_name = excluded.contact_name,
       contact_phone = excluded.contact_phone, email = excluded.email,
       weekly_reporter_name = excluded.weekly_reporter_name,
       weekly_reporter_phone = excluded.weekly_reporter_phone, updated_at = excluded.updated_at`,
  );
  return {
    get: (): SchoolProfile | null => {
      const row = select.get();
      return row ? fromRow(row) : null;
    },
    upsert: (data: SchoolProfileData, updatedAt: string): void => {
      upsert.run({ ...data, updatedAt });
    },
  };
}

import type { Major } from '../../../../shared/contract/majors';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import { camelRow, type SnakeRow } from '../../db/rows';

type MajorRow = SnakeRow<Major>;

const fromRow = (row: MajorRow): Major => camelRow(row);

// Exactly a Major's fields, in its order (the audit log records them as read).
const selectMajors = `SELECT m.id, m.code, m.name, m.level, m.catalogue_year, m.first_enrolment_year,
    m.annual_enrolment, (SELECT count(*) FROM teachers t WHERE t.major_id = m.id) AS teacher_count,
    m.created_at, m.updated_at
  FROM majors m`;

/** The columns a major's save writes. */
interface MajorValues {
  code: string;
  name: string;
  level: Major['level'];
  catalogueYear: number;
  firstEnrolmentYear: number;
  annualEnrolment: number;
}

const majorRecords = recordWriter<MajorValues>('majors', {
  code: 'code',
  name: 'name',
  level: 'level',
  catalogue_year: 'catalogueYear',
  first_enrolment_year: 'firstEnrolmentYear',
  annual_enrolment: 'annualEnrolment',
});

/** The majors table's statements, prepared once per core. */
export function majorsRepository(db: Db) {
  const listAll = db.prepare<[], MajorRow>(`${selectMajors} ORDER BY m.code`);
  const getOne = db.prepare<[number], MajorRow>(`${selectMajors} WHERE m.id = ?`);
  const byCode = db.prepare<[string, number], { id: number; name: string }>(
    'SELECT id, name FROM majors WHERE code = ? AND id <> ?',
  );
  const byLevelName = db.prepare<[string, string, number], { id: number; code: string }>(
    'SELECT id, code FROM majors WHERE level = ? AND name = ? AND id <> ?',
  );
  return {
    ...majorRecords(db),
    list: (): Major[] => listAll.all().map(fromRow),
    get: (id: number): Major | null => {
      const row = getOne.get(id);
      return row ? fromRow(row) : null;
    },
    /** Another major with this code (`selfId` excluded). */
    withCode: (code: string, selfId: number) => byCode.get(code, selfId),
    /** Another major with this name at this level (`selfId` excluded). */
    withLevelName: (level: string, name: string, selfId: number) =>
      byLevelName.get(level, name, selfId),
  };
}

/** The names of the teachers of a major, by 工号. */
export function teacherNamesOfMajor(db: Db, majorId: number): string[] {
  return db
    .prepare<[number], { name: string }>(
      'SELECT name FROM teachers WHERE major_id = ? ORDER BY staff_no',
    )
    .all(majorId)
    .map((r) => r.name);
}

/** The ids of the teachers of a major, in id order. */
export function teacherIdsOfMajor(db: Db, majorId: number): number[] {
  return db
    .prepare<[number], { id: number }>('SELECT id FROM teachers WHERE major_id = ? ORDER BY id')
    .all(majorId)
    .map((r) => r.id);
}

/** Clears teachers' major one by one (prepared once for all the teachers of a delete). */
export function teacherMajorClearer(db: Db): (teacherId: number, at: string) => void {
  const unlink = db.prepare('UPDATE teachers SET major_id = NULL, updated_at = ? WHERE id = ?');
  return (teacherId, at) => {
    unlink.run(at, teacherId);
  };
}

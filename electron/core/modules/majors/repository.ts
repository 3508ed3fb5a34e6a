import type { Major } from '../../../../shared/contract/majors';
import type { Db } from '../../db/open';

interface MajorRow {
  id: number;
  code: string;
  name: string;
  level: Major['level'];
  catalogue_year: number;
  first_enrolment_year: number;
  annual_enrolment: number;
  teacher_count: number;
  created_at: string;
  updated_at: string;
}

function fromRow(row: MajorRow): Major {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    catalogueYear: row.catalogue_year,
    firstEnrolmentYear: row.first_enrolment_year,
    annualEnrolment: row.annual_enrolment,
    teacherCount: row.teacher_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const selectMajors = `SELECT m.*, (SELECT count(*) FROM teachers t WHERE t.major_id = m.id) AS teacher_count
  FROM majors m`;

/** The columns a major's save writes. */
export interface MajorValues {
  code: string;
  name: string;
  level: Major['level'];
  catalogueYear: number;
  firstEnrolmentYear: number;
  annualEnrolment: number;
  at: string;
}

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
  const insert = db.prepare(
    `INSERT INTO majors (code, name, level, catalogue_year, first_enrolment_year,
       annual_enrolment, created_at, updated_at)
     VALUES (@code, @name, @level, @catalogueYear, @firstEnrolmentYear, @annualEnrolment, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE majors SET code = @code, name = @name, level = @level,
       catalogue_year = @catalogueYear, first_enrolment_year = @firstEnrolmentYear,
       annual_enrolment = @annualEnrolment, updated_at = @at
     WHERE id = @id`,
  );
  const remove = db.prepare<[number]>('DELETE FROM majors WHERE id = ?');
  return {
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
    insert: (values: MajorValues): number => Number(insert.run(values).lastInsertRowid),
    update: (id: number, values: MajorValues): void => {
      update.run({ ...values, id });
    },
    remove: (id: number): void => {
      remove.run(id);
    },
  };
}

import type { Student } from '../../../../shared/contract/students';
import type { Db } from '../../db/open';

/* Roster import SQL: the saved students a row is matched against, and the per-row writes. */

/** A saved student as a roster row meets it: matched by 学号 or ID number, then compared. */
export type ExistingStudent = RosterFacts & Pick<Student, 'id'> & { pilot: number };

/** Every saved student, read once per import to match its rows by 学号 or ID number. */
export function existingStudents(db: Db): ExistingStudent[] {
  return db
    .prepare<[], ExistingStudent>(
      `SELECT id, student_no AS studentNo, name, id_type AS idType, id_number AS idNumber, gender,
              major_id AS majorId, major_text AS majorText, class_name AS className,
              entry_year AS entryYear, phone, pilot
         FROM students`,
    )
    .all();
}

/** A roster row's facts that a student keeps as they are. */
export type RosterFacts = Pick<
  Student,
  | 'studentNo'
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'gender'
  | 'majorId'
  | 'majorText'
  | 'className'
  | 'entryYear'
  | 'phone'
>;

/** The columns one roster row writes; '' and null mean "keep what is saved". */
export type StudentImportColumns = RosterFacts & {
  /** 1/0, or null: new students become pilot students, saved ones keep their flag. */
  pilot: number | null;
  at: string;
};

/**
 * The import's writes, each statement prepared once per import (a roster has tens of thousands
 * of rows) and run inside the caller's transaction.
 */
export function studentImportWriter(db: Db) {
  const insert = db.prepare(
    `INSERT INTO students (student_no, name, id_type, id_number, gender, major_id, major_text,
           class_name, entry_year, phone, pilot, created_at, updated_at)
         VALUES (@studentNo, @name, @idType, @idNumber, @gender, @majorId, @majorText,
           @className, @entryYear, @phone, coalesce(@pilot, 1), @at, @at)`,
  );
  // Empty cells keep what is saved.
  const update = db.prepare(
    `UPDATE students SET student_no = @studentNo, name = @name, id_type = @idType,
           id_number = @idNumber, gender = @gender,
           major_id = CASE WHEN @majorText = '' THEN major_id ELSE @majorId END,
           major_text = CASE WHEN @majorText = '' THEN major_text ELSE @majorText END,
           class_name = CASE WHEN @className = '' THEN class_name ELSE @className END,
           entry_year = coalesce(@entryYear, entry_year),
           phone = CASE WHEN @phone = '' THEN phone ELSE @phone END,
           pilot = coalesce(@pilot, pilot), updated_at = @at
         WHERE id = @id`,
  );
  return {
    insert(columns: StudentImportColumns): void {
      insert.run(columns);
    },
    /** How many rows changed: 0 when the student is gone. */
    update(id: number, columns: StudentImportColumns): number {
      return update.run({ ...columns, id }).changes;
    },
  };
}

/**
 * Whether `saved` already holds what a roster row would write (empty cells keep what is saved),
 * so the import leaves it alone: preview says 未改动 and `updated_at` stays as it was.
 */
export function holdsRoster(
  saved: ExistingStudent,
  row: Omit<StudentImportColumns, 'at'>,
): boolean {
  const kept = (text: string, savedText: string) => text === '' || text === savedText;
  return (
    saved.studentNo === row.studentNo &&
    saved.name === row.name &&
    saved.idType === row.idType &&
    saved.idNumber === row.idNumber &&
    saved.gender === row.gender &&
    (row.majorText === '' ||
      (saved.majorId === row.majorId && saved.majorText === row.majorText)) &&
    kept(row.className, saved.className) &&
    (row.entryYear === null || row.entryYear === saved.entryYear) &&
    kept(row.phone, saved.phone) &&
    (row.pilot === null || row.pilot === saved.pilot)
  );
}

import type { Student } from '../../../../shared/contract/students';
import type { Db } from '../../db/open';

/* Roster import SQL: the saved students a row is matched against, and the per-row writes. */

/** A saved student as far as matching a roster row needs it. */
export type ExistingStudent = Pick<Student, 'id' | 'studentNo' | 'name' | 'idType' | 'idNumber'>;

/** Every saved student, read once per import to match its rows by 学号 or ID number. */
export function existingStudents(db: Db): ExistingStudent[] {
  return db
    .prepare<[], ExistingStudent>(
      'SELECT id, student_no AS studentNo, name, id_type AS idType, id_number AS idNumber FROM students',
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
  // Empty cells keep what is saved; a row that changes nothing leaves updated_at alone.
  const update = db.prepare(
    `UPDATE students SET student_no = @studentNo, name = @name, id_type = @idType,
           id_number = @idNumber, gender = @gender,
           major_id = CASE WHEN @majorText = '' THEN major_id ELSE @majorId END,
           major_text = CASE WHEN @majorText = '' THEN major_text ELSE @majorText END,
           class_name = CASE WHEN @className = '' THEN class_name ELSE @className END,
           entry_year = coalesce(@entryYear, entry_year),
           phone = CASE WHEN @phone = '' THEN phone ELSE @phone END,
           pilot = coalesce(@pilot, pilot), updated_at = @at
         WHERE id = @id AND NOT (
           (student_no COLLATE BINARY) IS @studentNo AND name IS @name AND id_type IS @idType
           AND id_number IS @idNumber AND gender IS @gender
           AND (@majorText = '' OR (major_id IS @majorId AND major_text IS @majorText))
           AND (@className = '' OR class_name IS @className)
           AND (@entryYear IS NULL OR entry_year IS @entryYear)
           AND (@phone = '' OR phone IS @phone)
           AND (@pilot IS NULL OR pilot IS @pilot))`,
  );
  const exists = db.prepare<[number]>('SELECT 1 FROM students WHERE id = ?').pluck();
  return {
    insert(columns: StudentImportColumns): void {
      insert.run(columns);
    },
    /** How many rows changed: 0 when nothing differs, or when the student is gone. */
    update(id: number, columns: StudentImportColumns): number {
      return update.run({ ...columns, id }).changes;
    },
    exists(id: number): boolean {
      return Boolean(exists.get(id));
    },
  };
}

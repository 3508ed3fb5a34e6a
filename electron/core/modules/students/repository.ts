import type {
  Student,
  StudentData,
  StudentFacets,
  StudentListParams,
  StudentListResult,
  StudentSortKey,
} from '../../../../shared/contract/students';
import {
  LEGACY_ID_WARNING,
  idTypeLabels,
  isLegacyResidentId,
  normalizeIdNumber,
  type IdType,
} from '../../../../shared/domain/idNumber';
import { studentNoPattern, type MajorRef } from '../../../../shared/domain/students';
import type { Gender } from '../../../../shared/domain/teachers';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';

export interface StudentRow {
  id: number;
  student_no: string;
  name: string;
  id_type: IdType;
  id_number: string;
  gender: Gender;
  major_id: number | null;
  major_text: string;
  class_name: string;
  entry_year: number | null;
  phone: string;
  pilot: number;
  created_at: string;
  updated_at: string;
  major_code: string | null;
  major_name: string | null;
}

export function fromRow(row: StudentRow): Student {
  return {
    id: row.id,
    studentNo: row.student_no,
    name: row.name,
    idType: row.id_type,
    idNumber: row.id_number,
    gender: row.gender,
    majorId: row.major_id,
    majorCode: row.major_code,
    majorName: row.major_name,
    majorText: row.major_text,
    className: row.class_name,
    entryYear: row.entry_year,
    phone: row.phone,
    pilot: row.pilot === 1,
    idWarning: isLegacyResidentId(row.id_type, row.id_number) ? LEGACY_ID_WARNING : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const selectStudents = `SELECT s.*, m.code AS major_code, m.name AS major_name
  FROM students s LEFT JOIN majors m ON m.id = s.major_id`;

/** SQL for each sortable column; ties are broken by 学号 so pages never overlap. */
const sortColumns: Record<StudentSortKey, string> = {
  studentNo: 's.student_no',
  name: 's.name',
  idNumber: 's.id_number',
  gender: 's.gender',
  // The major's name as last linked (or the roster's text): index-ordered, no join needed.
  major: 's.major_text',
  className: 's.class_name',
  entryYear: 's.entry_year',
  phone: 's.phone',
  pilot: 's.pilot',
  updatedAt: 's.updated_at',
};

/** The largest code point: `text < prefix || MAX` holds for every text starting with prefix. */
const MAX_CHAR = '\u{10FFFF}';

/** The WHERE clause of a list query; every condition is served by an index of migration 007. */
export function listWhere(p: StudentListParams): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const anyOf = (column: string, values: readonly unknown[], noneValue: unknown) => {
    const concrete = values.filter((v) => v !== noneValue);
    const parts: string[] = [];
    if (concrete.length > 0) {
      parts.push(`${column} IN (${concrete.map(() => '?').join(', ')})`);
      params.push(...concrete);
    }
    if (concrete.length < values.length) parts.push(`${column} IS NULL`);
    conditions.push(parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`);
  };

  const q = p.search;
  if (q !== '') {
    // Only the columns the text could start: digits are never a name; Chinese never a 学号.
    const ranges: string[] = [];
    const range = (column: string, prefix: string) => {
      ranges.push(`(${column} >= ? AND ${column} < ?)`);
      params.push(prefix, prefix + MAX_CHAR);
    };
    if (!/^[\d\sXx-]+$/.test(q)) range('s.name', q);
    if (studentNoPattern.test(q)) range('s.student_no', q);
    const id = normalizeIdNumber(q);
    if (/^[A-Z0-9()-]+$/.test(id)) range('s.id_number', id);
    if (ranges.length === 0) range('s.name', q);
    conditions.push(ranges.length === 1 ? ranges[0] : `(${ranges.join(' OR ')})`);
  }
  if (p.majors.length > 0) anyOf('s.major_id', p.majors, 'none');
  if (p.classNames.length > 0) {
    conditions.push(`s.class_name IN (${p.classNames.map(() => '?').join(', ')})`);
    params.push(...p.classNames);
  }
  if (p.entryYears.length > 0) anyOf('s.entry_year', p.entryYears, 'none');
  if (p.genders.length > 0) {
    conditions.push(`s.gender IN (${p.genders.map(() => '?').join(', ')})`);
    params.push(...p.genders);
  }
  if (p.pilot !== null) {
    conditions.push('s.pilot = ?');
    params.push(p.pilot ? 1 : 0);
  }
  if (p.idWarningsOnly) conditions.push("(s.id_type = 'resident' AND length(s.id_number) = 15)");
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

interface StatsRow {
  total: number;
  pilot: number | null;
  male: number | null;
  female: number | null;
}

/** Student rows, the list query, and the lookups a save or an import needs. */
export function studentRepo(db: Db) {
  const statements = new Map<string, Statement<unknown[]>>();
  /** Prepared once per distinct SQL text (filters combine into a few dozen shapes at most). */
  const cached = (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare<unknown[]>(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };

  const getOne = db.prepare<[number], StudentRow>(`${selectStudents} WHERE s.id = ?`);
  const byNo = db.prepare<[string], StudentRow>(
    `${selectStudents} WHERE s.student_no = ? COLLATE NOCASE`,
  );
  const byIdNumber = db.prepare<[string, string], StudentRow>(
    `${selectStudents} WHERE s.id_type = ? AND s.id_number = ?`,
  );
  const majorById = db.prepare<[number], MajorRef>(
    'SELECT id, code, name FROM majors WHERE id = ?',
  );
  const allMajors = db.prepare<[], MajorRef>('SELECT id, code, name FROM majors ORDER BY code');
  const insertStmt = db.prepare(
    `INSERT INTO students (student_no, name, id_type, id_number, gender, major_id, major_text,
       class_name, entry_year, phone, pilot, created_at, updated_at)
     VALUES (@studentNo, @name, @idType, @idNumber, @gender, @majorId, @majorText, @className,
       @entryYear, @phone, @pilot, @at, @at)`,
  );
  const updateStmt = db.prepare(
    `UPDATE students SET student_no = @studentNo, name = @name, id_type = @idType,
       id_number = @idNumber, gender = @gender, major_id = @majorId, major_text = @majorText,
       class_name = @className, entry_year = @entryYear, phone = @phone, pilot = @pilot,
       updated_at = @at
     WHERE id = @id`,
  );

  const columns = (data: StudentData, at: string) => ({
    studentNo: data.studentNo,
    name: data.name,
    idType: data.idType,
    idNumber: data.idNumber,
    gender: data.gender,
    majorId: data.majorId,
    majorText: data.majorText,
    className: data.className,
    entryYear: data.entryYear,
    phone: data.phone,
    pilot: data.pilot ? 1 : 0,
    at,
  });

  return {
    get(id: number): Student | undefined {
      const row = getOne.get(id);
      return row ? fromRow(row) : undefined;
    },
    findByNo(studentNo: string): Student | undefined {
      const row = byNo.get(studentNo);
      return row ? fromRow(row) : undefined;
    },
    findByIdNumber(idType: IdType, idNumber: string): Student | undefined {
      const row = byIdNumber.get(idType, idNumber);
      return row ? fromRow(row) : undefined;
    },
    major(id: number): MajorRef | undefined {
      return majorById.get(id);
    },
    majors(): MajorRef[] {
      return allMajors.all();
    },

    /**
     * Throws CONFLICT when another student holds the 学号 or the ID number, VALIDATION when the
     * major does not exist; `selfId` is the student being edited.
     */
    check(data: StudentData, selfId?: number): void {
      const holder = this.findByNo(data.studentNo);
      if (holder && holder.id !== selfId) {
        const message = `学号 ${holder.studentNo} 已被学生“${holder.name}”使用，同一学号不能登记两次，未保存。`;
        throw new CoreError('CONFLICT', message, {
          fields: [{ path: 'studentNo', message }],
          existingId: holder.id,
        });
      }
      const owner = this.findByIdNumber(data.idType, data.idNumber);
      if (owner && owner.id !== selfId) {
        const message = `${idTypeLabels[data.idType]}号码 ${data.idNumber} 已登记在学号 ${owner.studentNo}（${owner.name}）名下，同一证件不能属于两名学生，未保存。`;
        throw new CoreError('CONFLICT', message, {
          fields: [{ path: 'idNumber', message }],
          existingId: owner.id,
        });
      }
      if (data.majorId !== null && !majorById.get(data.majorId)) {
        const message = '所选专业不存在（可能已被删除），请重新选择专业';
        throw new CoreError('VALIDATION', `输入有误，未保存。${message}`, {
          fields: [{ path: 'majorId', message }],
        });
      }
    },
    insert(data: StudentData, at: string): number {
      return Number(insertStmt.run(columns(data, at)).lastInsertRowid);
    },
    update(id: number, data: StudentData, at: string): void {
      updateStmt.run({ ...columns(data, at), id });
    },

    /** One page of the list and the counts over every matching student, all in SQL. */
    list(p: StudentListParams): StudentListResult {
      const where = listWhere(p);
      const stats = cached(
        `SELECT count(*) AS total, sum(s.pilot) AS pilot, sum(s.gender = 'male') AS male,
           sum(s.gender = 'female') AS female
         FROM students s ${where.sql}`,
      ).get(...where.params) as StatsRow;
      const direction = p.sortOrder === 'desc' ? 'DESC' : 'ASC';
      const order = `${sortColumns[p.sortBy]} ${direction}, s.student_no ${direction}`;
      // The page's ids first (an index walk, cheap even far into the list), then their rows.
      const ids = cached(
        `SELECT s.id FROM students s ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
        .pluck()
        .all(...where.params, p.pageSize, (p.page - 1) * p.pageSize) as number[];
      const byId = new Map(
        ids.length === 0
          ? []
          : (
              cached(`${selectStudents} WHERE s.id IN (${ids.map(() => '?').join(', ')})`).all(
                ...ids,
              ) as StudentRow[]
            ).map((row) => [row.id, row]),
      );
      return {
        items: ids.flatMap((id) => {
          const row = byId.get(id);
          return row ? [fromRow(row)] : [];
        }),
        page: p.page,
        pageSize: p.pageSize,
        stats: {
          total: stats.total,
          pilot: stats.pilot ?? 0,
          male: stats.male ?? 0,
          female: stats.female ?? 0,
        },
      };
    },

    /**
     * Refreshes the planner's statistics of the students table (STAT4 histograms), so that a
     * filter matching most students scans the table and a selective one uses its index. Run
     * after bulk changes; ~70 ms at 50,000 students.
     */
    analyze(): void {
      db.exec('ANALYZE students');
    },

    /** The values the filter menus offer, with counts, over all students. */
    facets(): StudentFacets {
      const count = (sql: string) => (cached(sql).get() as { n: number }).n;
      const total = count('SELECT count(*) AS n FROM students');
      const idWarnings = count(
        "SELECT count(*) AS n FROM students WHERE id_type = 'resident' AND length(id_number) = 15",
      );
      const unlinkedMajor = count(
        "SELECT count(*) AS n FROM students WHERE major_id IS NULL AND major_text <> ''",
      );
      const majors = cached(
        `SELECT g.major_id AS majorId, m.code, m.name, g.count FROM
           (SELECT major_id, count(*) AS count FROM students GROUP BY major_id) g
           LEFT JOIN majors m ON m.id = g.major_id
         ORDER BY m.code IS NULL, m.code`,
      ).all() as StudentFacets['majors'];
      const unmatchedMajors = cached(
        `SELECT major_text AS text, count(*) AS count FROM students
         WHERE major_id IS NULL AND major_text <> '' GROUP BY major_text ORDER BY count DESC, text`,
      ).all() as StudentFacets['unmatchedMajors'];
      const classes = cached(
        'SELECT class_name AS value, count(*) AS count FROM students GROUP BY class_name',
      ).all() as StudentFacets['classes'];
      const entryYears = cached(
        'SELECT entry_year AS value, count(*) AS count FROM students GROUP BY entry_year ORDER BY entry_year DESC',
      ).all() as StudentFacets['entryYears'];
      return { total, idWarnings, unlinkedMajor, majors, unmatchedMajors, classes, entryYears };
    },
    remove(id: number): void {
      cached('DELETE FROM students WHERE id = ?').run(id);
    },
    /** The roster major texts that name no major yet. */
    unlinkedMajorTexts(): string[] {
      return (
        cached(
          "SELECT DISTINCT major_text AS text FROM students WHERE major_id IS NULL AND major_text <> ''",
        ).all() as { text: string }[]
      ).map((r) => r.text);
    },
    /** Links the unlinked students with this major text; returns how many. */
    linkMajorText(text: string, major: { id: number; name: string }, at: string): number {
      return cached(
        'UPDATE students SET major_id = ?, major_text = ?, updated_at = ? WHERE major_id IS NULL AND major_text = ?',
      ).run(major.id, major.name, at, text).changes;
    },
    /** Linked students take their major's current name (it orders the 专业 column). */
    refreshLinkedMajorNames(): void {
      cached(
        `UPDATE students SET major_text = m.name FROM majors m
         WHERE m.id = students.major_id AND students.major_text <> m.name`,
      ).run();
    },
    unlinkedMajorCount(): number {
      return (
        cached(
          "SELECT count(*) AS n FROM students WHERE major_id IS NULL AND major_text <> ''",
        ).get() as {
          n: number;
        }
      ).n;
    },
  };
}

export type StudentRepo = ReturnType<typeof studentRepo>;

/** The students linked to a major, for its usage: the first names in 学号 order and the count. */
export function studentsOfMajor(db: Db, majorId: number): { names: string[]; count: number } {
  const names = db
    .prepare<[number], { name: string }>(
      'SELECT name FROM students WHERE major_id = ? ORDER BY student_no LIMIT 6',
    )
    .all(majorId)
    .map((r) => r.name);
  const count = (
    db
      .prepare<[number], { n: number }>('SELECT count(*) AS n FROM students WHERE major_id = ?')
      .get(majorId) as { n: number }
  ).n;
  return { names, count };
}

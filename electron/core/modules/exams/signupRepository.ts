import type { z } from 'zod';
import type {
  Candidate,
  Signup,
  SignupPage,
  SignupSortKey,
  candidateFilterSchema,
  signupListSchema,
} from '../../../../shared/contract/exams';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { SavedResult } from '../../../../shared/domain/examResults';
import { signupStatuses, type SignupStatus } from '../../../../shared/domain/exams';
import type { StudentListParams } from '../../../../shared/contract/students';
import type { Db } from '../../db/open';
import { camelRowWithFlags, type FlaggedRow } from '../../db/rows';
import { listWhere } from '../students/repository';
import { fromRow, selectSignups, type SignupRow } from './repository';

/* Sign-up SQL: the candidates and sign-ups pages, the students a sign-up picks, and its writes. */

type Filter = z.output<typeof candidateFilterSchema>;

/** The students list's WHERE clause for the filter (same indexes, same meaning). */
function filterWhere(filter: Filter) {
  const params: StudentListParams = {
    ...filter,
    genders: [],
    idWarningsOnly: false,
    sortBy: 'studentNo',
    sortOrder: 'asc',
    page: 1,
    pageSize: 1,
  };
  return listWhere(params);
}

/** The student's major is outside the project's `majorIds` (all are when it lists none; none without a project). */
const majorOutsideSql = (majorIds: readonly number[] | null) =>
  majorIds === null
    ? '0'
    : majorIds.length === 0
      ? '1'
      : `(s.major_id IS NULL OR s.major_id NOT IN (${majorIds.map(Number).join(', ')}))`;

const sortColumns: Record<SignupSortKey, string> = {
  studentNo: 'st.student_no',
  name: 'st.name',
  major: 'st.major_text',
  className: 'st.class_name',
  status: `CASE su.status ${signupStatuses.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`,
  score: 'su.score',
  updatedAt: 'su.updated_at',
};

const candidateFlags = ['pilot', 'signedUp', 'withdrawn', 'majorOutside'] as const;

type CandidateRow = FlaggedRow<Candidate, (typeof candidateFlags)[number]>;

const candidateFromRow = (row: CandidateRow): Candidate => camelRowWithFlags(row, candidateFlags);

/** The largest code point: `text < prefix || MAX` holds for every text starting with prefix. */
const MAX_CHAR = '\u{10FFFF}';

/**
 * One page of the students matching the filter, each marked against the batch (signed up,
 * withdrawn, major outside the project's `majorIds`: null without a project), with the counts.
 */
export function candidatePage(
  db: Db,
  batchId: number,
  filter: Filter,
  majorIds: readonly number[] | null,
  page: number,
  pageSize: number,
): { items: Candidate[]; total: number; signedUp: number; majorOutside: number } {
  const where = filterWhere(filter);
  const signupSql = (status: string) =>
    `EXISTS (SELECT 1 FROM signups su WHERE su.student_id = s.id AND su.batch_id = ? AND su.status ${status})`;
  const signedSql = signupSql("<> 'withdrawn'");
  const outsideSql = majorOutsideSql(majorIds);
  const counts = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(${signedSql}), 0) AS signed,
         coalesce(sum(${outsideSql}), 0) AS outside
       FROM students s ${where.sql}`,
    )
    .get(batchId, ...where.params) as { total: number; signed: number; outside: number };
  const rows = db
    .prepare(
      `SELECT s.id AS student_id, s.student_no, s.name, s.major_text AS major_name, s.class_name,
         s.entry_year, s.pilot, ${signedSql} AS signed_up, ${signupSql("= 'withdrawn'")} AS withdrawn,
         ${outsideSql} AS major_outside
       FROM students s ${where.sql} ORDER BY s.student_no LIMIT ? OFFSET ?`,
    )
    .all(batchId, batchId, ...where.params, pageSize, (page - 1) * pageSize) as CandidateRow[];
  return {
    items: rows.map(candidateFromRow),
    total: counts.total,
    signedUp: counts.signed,
    majorOutside: counts.outside,
  };
}

/** A student a sign-up picks. */
export interface PickedStudent {
  id: number;
  name: string;
  major_id: number | null;
}

/**
 * Of these students, the ones whose sign-up for the batch's certificate and level in another
 * batch has passed or is still open (报名, 缴费, 已考 without a result); a fail, absence or
 * withdrawal is no obstacle to signing up again.
 */
export function sameLevelSignups(
  db: Db,
  batch: { id: number; certificateId: number; level: CertificateLevel },
  studentIds: readonly number[],
): { studentId: number; passed: boolean }[] {
  return db
    .prepare<[number, string, number, string], { studentId: number; passed: number }>(
      `SELECT DISTINCT g.student_id AS studentId, g.status = 'passed' AS passed
         FROM signups g JOIN exam_batches b ON b.id = g.batch_id
        WHERE b.certificate_id = ? AND b.level = ? AND g.batch_id <> ?
          AND g.status IN ('passed', 'registered', 'paid', 'examined')
          AND g.student_id IN (SELECT value FROM json_each(?))`,
    )
    .all(batch.certificateId, batch.level, batch.id, JSON.stringify(studentIds))
    .map((r) => ({ studentId: r.studentId, passed: r.passed === 1 }));
}

/** The students matching the filter, by 学号. */
export function studentsMatching(db: Db, filter: Filter): PickedStudent[] {
  const where = filterWhere(filter);
  return db
    .prepare(`SELECT s.id, s.name, s.major_id FROM students s ${where.sql} ORDER BY s.student_no`)
    .all(...where.params) as PickedStudent[];
}

/** The students of these ids that exist, by 学号. */
export function studentsByIds(db: Db, ids: readonly number[]): PickedStudent[] {
  return db
    .prepare(
      `SELECT s.id, s.name, s.major_id FROM students s
       WHERE s.id IN (SELECT value FROM json_each(?)) ORDER BY s.student_no`,
    )
    .all(JSON.stringify(ids)) as PickedStudent[];
}

/** The batch's sign-ups (withdrawn ones too) by student. */
export function batchSignupsByStudent(db: Db, batchId: number) {
  return new Map(
    db
      .prepare<[number], { student_id: number; id: number; status: string }>(
        'SELECT student_id, id, status FROM signups WHERE batch_id = ?',
      )
      .all(batchId)
      .map((r) => [r.student_id, r]),
  );
}

/**
 * Signs students up for a batch: a new registered, school-paid sign-up at the batch's fee, or a
 * withdrawn one revived on the same terms. A revived one does not keep its old fee or payer: the
 * cap and the 自费 rule were checked for those when they were set, not for today's batch.
 */
export function signupWriter(db: Db) {
  const insert = db.prepare(
    `INSERT INTO signups (student_id, batch_id, status, fee_fen, payer, created_at, updated_at)
     VALUES (?, ?, 'registered', ?, 'school', ?, ?)`,
  );
  const revive = db.prepare(
    `UPDATE signups SET status = 'registered', fee_fen = ?, payer = 'school', updated_at = ?
     WHERE id = ?`,
  );
  const getOne = db.prepare<[number], SignupRow>(`${selectSignups} WHERE su.id = ?`);
  return {
    get: (id: number): Signup => fromRow(getOne.get(id)!),
    insert: (studentId: number, batchId: number, feeFen: number, at: string): number =>
      Number(insert.run(studentId, batchId, feeFen, at, at).lastInsertRowid),
    revive: (id: number, feeFen: number, at: string): void => void revive.run(feeFen, at, id),
  };
}

/** One page of a batch's sign-ups as the list asks for it, with the batch's counts by status. */
export function signupPage(
  db: Db,
  batchId: number,
  input: z.output<typeof signupListSchema>,
): SignupPage {
  const conditions = ['su.batch_id = ?'];
  const params: unknown[] = [batchId];
  if (input.statuses.length > 0) {
    conditions.push(`su.status IN (${input.statuses.map(() => '?').join(', ')})`);
    params.push(...input.statuses);
  }
  if (input.search !== '') {
    conditions.push(
      '((st.name >= ? AND st.name < ?) OR (st.student_no >= ? AND st.student_no < ?))',
    );
    params.push(input.search, input.search + MAX_CHAR, input.search, input.search + MAX_CHAR);
  }
  const where = `WHERE ${conditions.join(' AND ')}`;
  const total = (
    db
      .prepare(
        `SELECT count(*) AS n FROM signups su JOIN students st ON st.id = su.student_id ${where}`,
      )
      .get(...params) as { n: number }
  ).n;
  const direction = input.sortOrder === 'desc' ? 'DESC' : 'ASC';
  const rows = db
    .prepare(
      `${selectSignups} ${where}
       ORDER BY ${sortColumns[input.sortBy]} ${direction}, st.student_no ${direction}
       LIMIT ? OFFSET ?`,
    )
    .all(...params, input.pageSize, (input.page - 1) * input.pageSize) as SignupRow[];
  const statusCounts = Object.fromEntries(signupStatuses.map((s) => [s, 0])) as Record<
    SignupStatus,
    number
  >;
  for (const row of db
    .prepare<[number], { status: SignupStatus; n: number }>(
      'SELECT status, count(*) AS n FROM signups WHERE batch_id = ? GROUP BY status',
    )
    .all(batchId)) {
    statusCounts[row.status] = row.n;
  }
  return {
    items: rows.map(fromRow),
    page: input.page,
    pageSize: input.pageSize,
    total,
    statusCounts,
  };
}

/** The result fields the dialog and the batch table save (the status move included). */
export type EnteredResult = Pick<
  SavedResult,
  'status' | 'score' | 'certificateNo' | 'issuedOn' | 'platformRegistered' | 'creditBank'
> & { id: number };

/** A sign-up's status and result writes, and the release of its seat. */
export function signupStateWriter(db: Db) {
  const updateStatus = db.prepare('UPDATE signups SET status = ?, updated_at = ? WHERE id = ?');
  // A withdrawn sign-up gives up its seat and the 准考证号 generated for it (an issued one stays).
  const releaseGeneratedNo = db.prepare<[{ id: number }]>(
    `UPDATE signups SET admission_no = '' WHERE id = @id AND admission_no <> ''
       AND admission_no = (SELECT generated_no FROM exam_seats WHERE signup_id = @id)`,
  );
  const deleteSeat = db.prepare<[number]>('DELETE FROM exam_seats WHERE signup_id = ?');
  const updateResult = db.prepare(
    `UPDATE signups SET status = ?, score = ?, certificate_no = ?, issued_on = ?,
       platform_registered = ?, credit_bank = ?, updated_at = ? WHERE id = ?`,
  );
  return {
    status: (id: number, status: SignupStatus, at: string): void =>
      void updateStatus.run(status, at, id),
    /** Frees a sign-up's seat as it is withdrawn, whichever way; its 准考证号 after that. */
    giveUpSeat: (signup: Signup): string => {
      const cleared = releaseGeneratedNo.run({ id: signup.id }).changes > 0;
      deleteSeat.run(signup.id);
      return cleared ? '' : signup.admissionNo;
    },
    result: (result: EnteredResult, at: string): void =>
      void updateResult.run(
        result.status,
        result.score,
        result.certificateNo,
        result.issuedOn,
        result.platformRegistered ? 1 : 0,
        result.creditBank ? 1 : 0,
        at,
        result.id,
      ),
  };
}

import type { AuditAction } from '../../../../shared/domain/audit';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { ExamForm } from '../../../../shared/domain/costCaps';
import type { Payer, SignupStatus } from '../../../../shared/domain/fees';
import { schoolPaidPayers } from '../../../../shared/domain/signupFigures';
import type { Db } from '../../db/open';

/*
 * Fees SQL: the exam batches as the fee pages see them, the sign-up groups every figure is added
 * up from, and the reads behind the statements, the rules (11 and 13) and the audit history.
 * The ledger, payments, sheets and upload layouts have their own repositories beside this one.
 */

/** `?, ?, ?` for an IN list. */
export const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** Fixed words (a domain list such as `schoolPaidPayers`) as SQL string literals: `'a', 'b'`. */
const sqlList = (values: readonly string[]) =>
  values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/** An exam batch with its certificate's name and the organization that examines it. */
export interface BatchRow {
  id: number;
  name: string;
  certificate_id: number;
  certificate_name: string;
  level: CertificateLevel;
  exam_date: string;
  exam_form: ExamForm | null;
  organization: string;
  fee_fen: number;
}

const selectBatches = `SELECT b.id, b.name, b.certificate_id, c.name AS certificate_name, b.level,
    b.exam_date, b.exam_form,
    CASE WHEN b.organization <> '' THEN b.organization ELSE c.organization END AS organization,
    b.fee_fen
  FROM exam_batches b
  JOIN certificates c ON c.id = b.certificate_id`;

/** Every batch, newest exam first. */
export function allBatchRows(db: Db): BatchRow[] {
  return db.prepare<[], BatchRow>(`${selectBatches} ORDER BY b.exam_date DESC, b.id DESC`).all();
}

/** One batch, or undefined when there is none. */
export function batchRowById(db: Db, id: number): BatchRow | undefined {
  return db.prepare<[number], BatchRow>(`${selectBatches} WHERE b.id = ?`).get(id);
}

/**
 * The one query of sign-up counts and fees: groups of sign-ups per batch × status × payer ×
 * the student's major, read from `signup_sums` (kept by the triggers of migration 009, so it
 * never disagrees with `signups`). Every page adds these groups up with the domain's
 * `addUpSignups`, which decides what counts (withdrawn sign-ups apart). The few queries that
 * must narrow to live sign-ups in SQL (to reach the partial indexes of migrations 009 and 011)
 * spell `isLiveSignup` as `status <> 'withdrawn'`, exactly as those indexes do.
 */
export interface BatchSignupGroup {
  batchId: number;
  status: SignupStatus;
  payer: Payer;
  /** `id:<major id>` or `text:<typed major>`. */
  majorKey: string;
  n: number;
  fen: number;
}

/** The sign-up groups of every batch, or of one batch. */
export function signupGroups(db: Db, batchId: number | null = null): BatchSignupGroup[] {
  return db
    .prepare<[number | null, number | null], BatchSignupGroup>(
      `SELECT batch_id AS batchId, status, payer, major_key AS majorKey, n, fen FROM signup_sums
       WHERE n > 0 AND (? IS NULL OR batch_id = ?)`,
    )
    .all(batchId, batchId);
}

/** A student as the statement heads it, with the name of its major (or the typed one). */
export interface StatementStudentRow {
  id: number;
  student_no: string;
  name: string;
  class_name: string;
  major_name: string;
  pilot: number;
}

/** The student of a statement, or undefined when there is none. */
export function statementStudent(db: Db, studentId: number): StatementStudentRow | undefined {
  return db
    .prepare<[number], StatementStudentRow>(
      `SELECT s.id, s.student_no, s.name, s.class_name, coalesce(m.name, s.major_text) AS major_name,
         s.pilot
       FROM students s LEFT JOIN majors m ON m.id = s.major_id WHERE s.id = ?`,
    )
    .get(studentId);
}

/** A sign-up's batch, status, payer and fee: what a statement and rule 13 judge it by. */
export interface SignupFeeRow {
  id: number;
  batch_id: number;
  status: SignupStatus;
  payer: Payer;
  fee_fen: number;
}

/** Every sign-up of one student (withdrawn ones too), by id. */
export function studentSignupFees(db: Db, studentId: number): SignupFeeRow[] {
  return db
    .prepare<[number], SignupFeeRow>(
      'SELECT id, batch_id, status, payer, fee_fen FROM signups WHERE student_id = ? ORDER BY id',
    )
    .all(studentId);
}

/** Every major's id and name. */
export function majorNameRows(db: Db): { id: number; name: string }[] {
  return db.prepare<[], { id: number; name: string }>('SELECT id, name FROM majors').all();
}

/** A pilot student rule 13 looks at. */
export interface CandidateRow {
  id: number;
  student_no: string;
  name: string;
  class_name: string;
}

/**
 * Rule 13's candidates, by 学号: the pilot students without a live school-paid or subsidised
 * sign-up (one seek each into `signups_student_fee`).
 */
export function schoolPaidCandidates(db: Db): CandidateRow[] {
  return db
    .prepare<[], CandidateRow>(
      `SELECT s.id, s.student_no, s.name, s.class_name FROM students s
       WHERE s.pilot = 1 AND NOT EXISTS (SELECT 1 FROM signups g WHERE g.student_id = s.id
         AND g.status <> 'withdrawn' AND g.payer IN (${sqlList(schoolPaidPayers)}))
       ORDER BY s.student_no`,
    )
    .all();
}

/** A sign-up's fee facts with its student. */
export interface SignupFactRow extends SignupFeeRow {
  student_id: number;
}

/** Every sign-up of these students, read 500 students to a query, each query's rows by id. */
export function signupFactsOfStudents(db: Db, studentIds: readonly number[]): SignupFactRow[] {
  const out: SignupFactRow[] = [];
  for (let i = 0; i < studentIds.length; i += 500) {
    const chunk = studentIds.slice(i, i + 500);
    const rows = db
      .prepare<unknown[], SignupFactRow>(
        `SELECT id, student_id, batch_id, status, payer, fee_fen FROM signups
         WHERE student_id IN (${marks(chunk)}) ORDER BY id`,
      )
      .all(...chunk);
    for (const r of rows) out.push(r);
  }
  return out;
}

/** A live sign-up whose fee is above its batch's cap, with its student. */
export interface SignupOverCapRow {
  id: number;
  student_id: number;
  fee_fen: number;
  student_no: string;
  name: string;
}

/**
 * The live sign-ups of a batch charging more than a figure, by 学号; prepared once for a check
 * of every batch.
 */
export function signupsOverCapFinder(
  db: Db,
): (batchId: number, capFen: number) => SignupOverCapRow[] {
  const signupsOver = db.prepare<[number, number], SignupOverCapRow>(
    `SELECT g.id, g.student_id, g.fee_fen, s.student_no, s.name
     FROM signups g INDEXED BY signups_batch_fee JOIN students s ON s.id = g.student_id
     WHERE g.batch_id = ? AND g.status <> 'withdrawn' AND g.fee_fen > ?
     ORDER BY s.student_no`,
  );
  return (batchId, capFen) => signupsOver.all(batchId, capFen);
}

/**
 * Each batch's highest live sign-up fee (null without one): prepared once, run per batch, one
 * index probe each (`signups_batch_fee`).
 */
export function batchMaxFeeReader(db: Db): (batchId: number) => number | null {
  const maxFee = db.prepare<[number], { fee: number | null }>(
    `SELECT max(fee_fen) AS fee FROM signups INDEXED BY signups_batch_fee
     WHERE batch_id = ? AND status <> 'withdrawn'`,
  );
  return (batchId) => maxFee.get(batchId)?.fee ?? null;
}

/** A row of `audit_log`. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: AuditAction;
  before_json: string | null;
  after_json: string | null;
}

/** Whether the student exists. */
export function studentExists(db: Db, studentId: number): boolean {
  return Boolean(db.prepare('SELECT 1 FROM students WHERE id = ?').get(studentId));
}

/** Whether the exam batch exists. */
export function batchExists(db: Db, batchId: number): boolean {
  return Boolean(db.prepare('SELECT 1 FROM exam_batches WHERE id = ?').get(batchId));
}

/** Students' names and 学号 by id, the statement prepared once for a page of audit entries. */
export function studentNameFinder(
  db: Db,
): (studentId: number) => { name: string; student_no: string } | undefined {
  const studentStmt = db.prepare<[number], { name: string; student_no: string }>(
    'SELECT name, student_no FROM students WHERE id = ?',
  );
  return (studentId) => studentStmt.get(studentId);
}

/** The newest `count` audit entries of a student and of its sign-ups. */
export function studentAuditRows(db: Db, studentId: number, count: number): AuditRow[] {
  return db
    .prepare<[string, number, number], AuditRow>(
      `SELECT * FROM audit_log
       WHERE (entity = 'student' AND entity_id = ?)
          OR (entity = 'signup' AND entity_id IN
                (SELECT CAST(id AS TEXT) FROM signups WHERE student_id = ?))
       ORDER BY id DESC LIMIT ?`,
    )
    .all(String(studentId), studentId, count);
}

/** The newest `count` audit entries of a batch, its sign-ups, result imports and payments. */
export function batchAuditRows(db: Db, batchId: number, count: number): AuditRow[] {
  return db
    .prepare<[string, number, number, number], AuditRow>(
      `SELECT * FROM audit_log
       WHERE (entity IN ('exam_batch', 'result_import') AND entity_id = ?)
          OR (entity = 'signup' AND entity_id IN
                (SELECT CAST(id AS TEXT) FROM signups WHERE batch_id = ?))
          OR (entity = 'payment'
              AND json_extract(coalesce(after_json, before_json), '$.batchId') = ?)
       ORDER BY id DESC LIMIT ?`,
    )
    .all(String(batchId), batchId, batchId, count);
}

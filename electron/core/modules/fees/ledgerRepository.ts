import type { LedgerParams, LedgerSortKey } from '../../../../shared/contract/fees';
import type { Payer, SignupStatus } from '../../../../shared/domain/fees';
import type { SignupGroup } from '../../../../shared/domain/signupFigures';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import type { SignupRow } from '../exams/repository';
import type { BatchInfo } from './batches';
import { marks } from './repository';

/*
 * Ledger SQL: the 费用台账's pages of sign-ups (filtered, counted, summed and sorted over
 * 100,000 sign-ups within the bench's budget), its facets, and the fee and payer writes.
 */

const MAX_CHAR = '\u{10FFFF}';

/** Statements prepared once per distinct SQL text (filters combine into a few shapes). */
function statementCache(db: Db) {
  const statements = new Map<string, Statement<unknown[]>>();
  return (sql: string) => {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare<unknown[]>(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
}

/**
 * Matching sign-ups above which a page is found by walking an order (the students' 学号/name
 * index, or the sign-ups' own ids) and stopping at the page, rather than finding every match by
 * the filter's index and sorting them all. The walk is bounded by one pass over 100,000
 * sign-ups (a few milliseconds); sorting 25,000 matches costs more than that.
 */
const WALK_ABOVE = 5_000;

/**
 * The WHERE clause over `signups g`; certificates become their batches' ids. Without `seek`
 * the batch and student tests use no index (`+g.batch_id`), so the query walks its ORDER BY.
 */
function ledgerWhere(
  p: LedgerParams,
  batches: Map<number, BatchInfo>,
  { seek }: { seek: boolean } = { seek: true },
) {
  const plus = seek ? '' : '+';
  const conditions: string[] = [];
  const params: unknown[] = [];
  let batchIds = p.batchIds;
  if (p.certificateIds.length > 0) {
    const certs = new Set(p.certificateIds);
    const ofCerts = [...batches.values()]
      .filter((b) => certs.has(b.certificateId))
      .map((b) => b.id);
    batchIds = batchIds.length > 0 ? batchIds.filter((id) => ofCerts.includes(id)) : ofCerts;
    if (batchIds.length === 0) batchIds = [0]; // no batch of these certificates: nothing matches
  }
  if (batchIds.length > 0) {
    conditions.push(`${plus}g.batch_id IN (${marks(batchIds)})`);
    params.push(...batchIds);
  }
  if (p.statuses.length > 0) {
    conditions.push(`g.status IN (${marks(p.statuses)})`);
    params.push(...p.statuses);
  }
  if (p.payers.length > 0) {
    conditions.push(`g.payer IN (${marks(p.payers)})`);
    params.push(...p.payers);
  }
  if (p.studentId !== null) {
    conditions.push(`${plus}g.student_id = ?`);
    params.push(p.studentId);
  }
  const q = p.search;
  if (q !== '') {
    const ranges: string[] = [];
    const range = (column: string) => {
      ranges.push(`(${column} >= ? AND ${column} < ?)`);
      params.push(q, q + MAX_CHAR);
    };
    if (!/^[\d\sXx-]+$/.test(q)) range('name');
    if (/^[A-Za-z0-9_-]+$/.test(q)) range('student_no');
    conditions.push(
      `${plus}g.student_id IN (SELECT id FROM students WHERE ${ranges.join(' OR ')})`,
    );
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

const sortColumns: Record<LedgerSortKey, string> = {
  id: 'g.id',
  studentNo: 's.student_no',
  name: 's.name',
  examDate: '(SELECT exam_date FROM exam_batches WHERE id = g.batch_id)',
  feeFen: 'g.fee_fen',
  updatedAt: 'g.updated_at',
};

/**
 * The ledger's queries, each distinct SQL text prepared once for the life of the returned
 * object. `walkAbove`: see WALK_ABOVE (tests set 0 to compare both ways to a page).
 */
export function ledgerQueries(db: Db, { walkAbove = WALK_ABOVE }: { walkAbove?: number } = {}) {
  const cached = statementCache(db);
  return {
    /** The sign-ups matching a filter of the ledger (`batches`: every batch, by id). */
    matching(p: LedgerParams, batches: Map<number, BatchInfo>) {
      const where = ledgerWhere(p, batches);
      return {
        /** Their counts and fees per status × payer (withdrawn ones too). */
        groups(): SignupGroup[] {
          // Filtered by batch, status and payer only: the counts and sums come from signup_sums
          // (migration 009, a few rows per batch) rather than from every matching sign-up.
          const bySums = p.search === '' && p.studentId === null;
          return cached(
            bySums
              ? `SELECT g.status, g.payer, sum(g.n) AS n, sum(g.fen) AS fen
             FROM signup_sums g ${where.sql} GROUP BY g.status, g.payer`
              : `SELECT g.status, g.payer, count(*) AS n, coalesce(sum(g.fee_fen), 0) AS fen
             FROM signups g ${where.sql} GROUP BY g.status, g.payer`,
          ).all(...where.params) as SignupGroup[];
        },
        /** The ids of the requested page in the requested order, given how many there are. */
        pageIds(total: number): number[] {
          const direction = p.sortOrder === 'desc' ? 'DESC' : 'ASC';
          const needsStudent = p.sortBy === 'studentNo' || p.sortBy === 'name';
          // Many matches: walk the order and stop at the page. Sorted by a student column, that
          // is the students' index (CROSS JOIN keeps students outside), each student one seek
          // into their sign-ups with the batches tested there; by id, the sign-ups themselves.
          // Fewer matches: find them by the filter's index and sort only those.
          const walk = total > walkAbove && (needsStudent || p.sortBy === 'id');
          const from = !needsStudent
            ? 'signups g'
            : walk
              ? 'students s CROSS JOIN signups g ON g.student_id = s.id'
              : 'signups g CROSS JOIN students s ON s.id = g.student_id';
          const order = walk ? ledgerWhere(p, batches, { seek: false }) : where;
          return cached(
            `SELECT g.id FROM ${from} ${order.sql}
         ORDER BY ${sortColumns[p.sortBy]} ${direction}, g.id ${direction} LIMIT ? OFFSET ?`,
          )
            .pluck()
            .all(...order.params, p.pageSize, (p.page - 1) * p.pageSize) as number[];
        },
      };
    },

    /** The sign-ups of these ids with their students' columns, in no particular order. */
    signupRows(ids: readonly number[]): SignupRow[] {
      return ids.length === 0
        ? []
        : (cached(
            `SELECT g.*, s.student_no, s.name, s.class_name, s.pilot,
                 coalesce(m.name, s.major_text) AS major_name
               FROM signups g JOIN students s ON s.id = g.student_id
               LEFT JOIN majors m ON m.id = s.major_id
               WHERE g.id IN (${marks(ids)})`,
          ).all(...ids) as SignupRow[]);
    },

    /** How many sign-ups (withdrawn ones too) each batch that has any has. */
    signupsPerBatch(): { id: number; n: number }[] {
      const sql = 'SELECT batch_id AS id, count(*) AS n FROM signups GROUP BY batch_id';
      return cached(sql).all() as { id: number; n: number }[];
    },
  };
}

/** A student named in a refusal. */
export interface StudentRef {
  id: number;
  student_no: string;
  name: string;
}

/** The fee changer's statements, prepared once for the life of the changer. */
export function feeChangeStatements(db: Db) {
  const update = db.prepare(
    'UPDATE signups SET fee_fen = ?, payer = ?, updated_at = ? WHERE id = ?',
  );
  const ofStudent = db.prepare<[number], { id: number; status: SignupStatus; payer: Payer }>(
    'SELECT id, status, payer FROM signups WHERE student_id = ?',
  );
  const student = db.prepare<[number], StudentRef>(
    'SELECT id, student_no, name FROM students WHERE id = ?',
  );
  return {
    /** Writes a sign-up's fee and payer. */
    setFee(id: number, feeFen: number, payer: Payer, at: string): void {
      update.run(feeFen, payer, at, id);
    },
    /** Every sign-up of the student (withdrawn ones too), with its status and payer. */
    signupsOfStudent: (studentId: number) => ofStudent.all(studentId),
    /** The student, or undefined when there is none. */
    student: (studentId: number) => student.get(studentId),
  };
}

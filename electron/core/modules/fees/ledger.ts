import type {
  FeeChangeResult,
  LedgerFacets,
  LedgerParams,
  LedgerResult,
  LedgerRow,
  LedgerSortKey,
} from '../../../../shared/contract/fees';
import type { Signup } from '../../../../shared/contract/exams';
import { planBulk, type BulkPlan } from '../../../../shared/domain/bulk';
import { feeOverLimitMessage } from '../../../../shared/domain/costCaps';
import {
  studentPaidWithoutSchoolPaid,
  studentPayerRefusal,
  type Payer,
  type SignupStatus,
} from '../../../../shared/domain/fees';
import { addUpSignups, type SignupGroup } from '../../../../shared/domain/signupFigures';
import type { Statement } from 'better-sqlite3';
import type { CoreContext } from '../../context';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { findSignups, signupAuditRecorder, type SignupRow } from '../exams/repository';
import { loadBatches, marks, type BatchInfo } from './batches';

const MAX_CHAR = '\u{10FFFF}';

/** Statements prepared once per distinct SQL text (filters combine into a few shapes). */
export function statementCache(db: Db) {
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

/** `walkAbove`: see WALK_ABOVE (tests set 0 to compare both ways to a page). */
export function ledgerRepo(db: Db, { walkAbove = WALK_ABOVE }: { walkAbove?: number } = {}) {
  const cached = statementCache(db);

  const toRow = (r: SignupRow, batches: Map<number, BatchInfo>): LedgerRow => {
    const b = batches.get(r.batch_id);
    return {
      id: r.id,
      studentId: r.student_id,
      studentNo: r.student_no,
      name: r.name,
      className: r.class_name,
      majorName: r.major_name,
      pilot: r.pilot === 1,
      batchId: r.batch_id,
      batchLabel: b?.label ?? `#${r.batch_id}`,
      certificateId: b?.certificateId ?? 0,
      certificateName: b?.certificateName ?? '',
      level: b?.level ?? 'junior',
      examDate: b?.examDate ?? '',
      organization: b?.organization ?? '',
      status: r.status,
      feeFen: r.fee_fen,
      payer: r.payer,
      capFen: b?.capFen ?? null,
      updatedAt: r.updated_at,
    };
  };

  return {
    list(p: LedgerParams): LedgerResult {
      const batches = loadBatches(db);
      const where = ledgerWhere(p, batches);
      // Filtered by batch, status and payer only: the counts and sums come from signup_sums
      // (migration 009, a few rows per batch) rather than from every matching sign-up.
      const bySums = p.search === '' && p.studentId === null;
      const groups = cached(
        bySums
          ? `SELECT g.status, g.payer, sum(g.n) AS n, sum(g.fen) AS fen
             FROM signup_sums g ${where.sql} GROUP BY g.status, g.payer`
          : `SELECT g.status, g.payer, count(*) AS n, coalesce(sum(g.fee_fen), 0) AS fen
             FROM signups g ${where.sql} GROUP BY g.status, g.payer`,
      ).all(...where.params) as SignupGroup[];
      const figures = addUpSignups(groups);
      // The rows listed (for paging) include withdrawn ones; the figures count them apart.
      const stats = { total: figures.signups + figures.withdrawn.signups };
      const direction = p.sortOrder === 'desc' ? 'DESC' : 'ASC';
      const needsStudent = p.sortBy === 'studentNo' || p.sortBy === 'name';
      // Many matches: walk the order and stop at the page. Sorted by a student column, that is
      // the students' index (CROSS JOIN keeps students outside), each student one seek into
      // their sign-ups with the batches tested there; by id, the sign-ups themselves. Fewer
      // matches: find them by the filter's index and sort only those.
      const walk = stats.total > walkAbove && (needsStudent || p.sortBy === 'id');
      const from = !needsStudent
        ? 'signups g'
        : walk
          ? 'students s CROSS JOIN signups g ON g.student_id = s.id'
          : 'signups g CROSS JOIN students s ON s.id = g.student_id';
      const order = walk ? ledgerWhere(p, batches, { seek: false }) : where;
      const ids = cached(
        `SELECT g.id FROM ${from} ${order.sql}
         ORDER BY ${sortColumns[p.sortBy]} ${direction}, g.id ${direction} LIMIT ? OFFSET ?`,
      )
        .pluck()
        .all(...order.params, p.pageSize, (p.page - 1) * p.pageSize) as number[];
      const rows =
        ids.length === 0
          ? []
          : (cached(
              `SELECT g.*, s.student_no, s.name, s.class_name, s.pilot,
                 coalesce(m.name, s.major_text) AS major_name
               FROM signups g JOIN students s ON s.id = g.student_id
               LEFT JOIN majors m ON m.id = s.major_id
               WHERE g.id IN (${marks(ids)})`,
            ).all(...ids) as SignupRow[]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        items: ids.flatMap((id) => {
          const r = byId.get(id);
          return r ? [toRow(r, batches)] : [];
        }),
        page: p.page,
        pageSize: p.pageSize,
        total: stats.total,
        figures,
      };
    },

    facets(): LedgerFacets {
      const batches = loadBatches(db);
      const counts = new Map(
        (
          cached('SELECT batch_id AS id, count(*) AS n FROM signups GROUP BY batch_id').all() as {
            id: number;
            n: number;
          }[]
        ).map((r) => [r.id, r.n]),
      );
      const certificates = new Map<number, { id: number; name: string; signups: number }>();
      for (const b of batches.values()) {
        const c = certificates.get(b.certificateId) ?? {
          id: b.certificateId,
          name: b.certificateName,
          signups: 0,
        };
        c.signups += counts.get(b.id) ?? 0;
        certificates.set(b.certificateId, c);
      }
      return {
        signups: [...counts.values()].reduce((a, n) => a + n, 0),
        certificates: [...certificates.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh')),
        batches: [...batches.values()].map((b) => ({
          id: b.id,
          label: b.label,
          certificateId: b.certificateId,
          certificateName: b.certificateName,
          level: b.level,
          examDate: b.examDate,
          organization: b.organization,
          feeFen: b.feeFen,
          signups: counts.get(b.id) ?? 0,
        })),
      };
    },
  };
}

interface StudentRef {
  id: number;
  student_no: string;
  name: string;
}

type FeeChange = { signupIds: number[]; payer?: Payer; fee?: number };

/**
 * Changes the fee and/or payer of sign-ups. `plan` says, writing nothing, which rows would
 * change and which are skipped and why: a fee above the level's cap (every row of that batch),
 * 学生自愿自费 where it is not an additional certificate (every chosen row of that student).
 * `change` applies exactly the ids given, all or nothing, refusing the call when any of them
 * would be skipped; every change is audited in the same transaction.
 */
export function feeChanger(ctx: CoreContext) {
  const { db } = ctx;
  const update = db.prepare(
    'UPDATE signups SET fee_fen = ?, payer = ?, updated_at = ? WHERE id = ?',
  );
  const ofStudent = db.prepare<[number], { id: number; status: SignupStatus; payer: Payer }>(
    'SELECT id, status, payer FROM signups WHERE student_id = ?',
  );
  const student = db.prepare<[number], StudentRef>(
    'SELECT id, student_no, name FROM students WHERE id = ?',
  );

  function plan(input: FeeChange): { plan: BulkPlan; rows: Signup[] } {
    const ids = [...new Set(input.signupIds)];
    const rows = findSignups(db, ids).sort(
      (a, b) => a.studentNo.localeCompare(b.studentNo) || a.id - b.id,
    );
    const missing = ids.length - rows.length;
    if (missing > 0) {
      throw new CoreError(
        'NOT_FOUND',
        `有 ${missing} 条报名记录不存在（可能已被删除），请刷新台账后重试，未修改任何内容。`,
      );
    }
    const overCap = new Map<number, string | null>();
    if (input.fee !== undefined) {
      const batches = loadBatches(db);
      for (const batchId of new Set(rows.map((r) => r.batchId))) {
        const b = batches.get(batchId);
        overCap.set(
          batchId,
          b
            ? feeOverLimitMessage(
                `考核批次“${b.label}”（${b.certificateName}）的考核费`,
                input.fee,
                b.feeLimit,
                b.examDate,
              )
            : null,
        );
      }
    }
    // 学生自愿自费: each student's sign-ups as they would be after the change (rows kept back
    // for the cap stay as they are), checked by the one rule 12 definition.
    const refusedStudents = new Set<number>();
    if (input.payer === 'student') {
      const changing = new Set(rows.filter((r) => !overCap.get(r.batchId)).map((r) => r.id));
      for (const studentId of new Set(rows.map((r) => r.studentId))) {
        const after = ofStudent
          .all(studentId)
          .map((g) => (changing.has(g.id) ? { ...g, payer: 'student' as const } : g));
        if (studentPaidWithoutSchoolPaid(after).some((id) => changing.has(id))) {
          refusedStudents.add(studentId);
        }
      }
    }
    const result = planBulk(rows, (row) => {
      const cap = overCap.get(row.batchId);
      if (cap) return { reason: cap, field: 'fee' };
      if (refusedStudents.has(row.studentId)) {
        const s = student.get(row.studentId);
        return { reason: studentPayerRefusal(s?.name ?? '', s?.student_no ?? ''), field: 'payer' };
      }
      const fee = input.fee ?? row.feeFen;
      const payer = input.payer ?? row.payer;
      return fee === row.feeFen && payer === row.payer ? 'unchanged' : 'apply';
    });
    return { plan: result, rows };
  }

  const change = db.transaction((input: FeeChange): FeeChangeResult => {
    const { plan: checked, rows } = plan(input);
    const [first] = checked.skipped;
    if (first) {
      const message = first.field === 'fee' ? `${first.reason}，未修改任何报名。` : first.reason;
      throw new CoreError('VALIDATION', message, {
        fields: [{ path: first.field ?? 'payer', message }],
      });
    }
    const at = ctx.clock().toISOString();
    const changing = new Set(checked.applicable);
    const recordAudit = signupAuditRecorder(ctx, at);
    for (const before of rows) {
      if (!changing.has(before.id)) continue;
      const fee = input.fee ?? before.feeFen;
      const payer = input.payer ?? before.payer;
      update.run(fee, payer, at, before.id);
      recordAudit(before, { ...before, feeFen: fee, payer, updatedAt: at });
    }
    return { changed: checked.applicable.length };
  });

  return { plan: (input: FeeChange) => plan(input).plan, change };
}

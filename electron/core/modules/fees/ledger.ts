import type {
  FeeChangeResult,
  LedgerFacets,
  LedgerParams,
  LedgerResult,
  LedgerRow,
} from '../../../../shared/contract/fees';
import type { Signup } from '../../../../shared/contract/exams';
import { planBulk, type BulkPlan } from '../../../../shared/domain/bulk';
import { batchFeeOverLimit } from '../../../../shared/domain/batchCap';
import {
  studentPaidWithoutSchoolPaid,
  studentPayerRefusal,
  type Payer,
} from '../../../../shared/domain/fees';
import { addUpSignups } from '../../../../shared/domain/signupFigures';
import type { CoreContext } from '../../context';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { findSignups, signupAuditRecorder, type SignupRow } from '../exams/repository';
import { loadBatches, signupBatchFacts, type BatchInfo } from './batches';
import { feeChangeStatements, ledgerQueries } from './ledgerRepository';

/** `walkAbove`: see `ledgerQueries` (tests set 0 to compare both ways to a page). */
export function ledgerRepo(db: Db, options: { walkAbove?: number } = {}) {
  const queries = ledgerQueries(db, options);

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
      ...signupBatchFacts(batches, r.batch_id),
      certificateId: b?.certificateId ?? 0,
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
      const matching = queries.matching(p, batches);
      const figures = addUpSignups(matching.groups());
      // The rows listed (for paging) include withdrawn ones; the figures count them apart.
      const total = figures.signups + figures.withdrawn.signups;
      const ids = matching.pageIds(total);
      const rows = queries.signupRows(ids);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return {
        items: ids.flatMap((id) => {
          const r = byId.get(id);
          return r ? [toRow(r, batches)] : [];
        }),
        page: p.page,
        pageSize: p.pageSize,
        total,
        figures,
      };
    },

    facets(): LedgerFacets {
      const batches = loadBatches(db);
      const counts = new Map(queries.signupsPerBatch().map((r) => [r.id, r.n]));
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
  const statements = feeChangeStatements(db);

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
        overCap.set(batchId, b ? batchFeeOverLimit(b, input.fee, 'signups') : null);
      }
    }
    // 学生自愿自费: each student's sign-ups as they would be after the change (rows kept back
    // for the cap stay as they are), checked by the one rule 12 definition.
    const refusedStudents = new Set<number>();
    if (input.payer === 'student') {
      const changing = new Set(rows.filter((r) => !overCap.get(r.batchId)).map((r) => r.id));
      for (const studentId of new Set(rows.map((r) => r.studentId))) {
        const after = statements
          .signupsOfStudent(studentId)
          .map((g) => (changing.has(g.id) ? { ...g, payer: 'student' as const } : g));
        if (studentPaidWithoutSchoolPaid(after).some((id) => changing.has(id))) {
          refusedStudents.add(studentId);
        }
      }
    }
    const result = planBulk(rows, (row) => {
      // A withdrawn sign-up is counted apart at the fee it had: it is a closed record.
      if (row.status === 'withdrawn') {
        return {
          reason: `学生“${row.name}”（学号 ${row.studentNo}）的报名已撤销，不能再修改考核费或付费方`,
          field: input.fee !== undefined ? 'fee' : 'payer',
        };
      }
      const cap = overCap.get(row.batchId);
      if (cap) return { reason: cap, field: 'fee' };
      if (refusedStudents.has(row.studentId)) {
        const s = statements.student(row.studentId);
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
    const at = ctx.now();
    const changing = new Set(checked.applicable);
    const recordAudit = signupAuditRecorder(ctx, at);
    for (const before of rows) {
      if (!changing.has(before.id)) continue;
      const fee = input.fee ?? before.feeFen;
      const payer = input.payer ?? before.payer;
      statements.setFee(before.id, fee, payer, at);
      recordAudit(before, { ...before, feeFen: fee, payer, updatedAt: at });
    }
    return { changed: checked.applicable.length };
  });

  return { plan: (input: FeeChange) => plan(input).plan, change };
}

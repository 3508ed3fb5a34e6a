import type { Payment, Reconciliation, ReconcileRow } from '../../../../shared/contract/fees';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import type { Db } from '../../db/open';
import { mustExist, refuseField, validationError } from '../../errors';
import { afterTodayProblem } from '../../../../shared/domain/dates';
import { owedToOrganizations } from '../../../../shared/domain/signupFigures';
import { loadBatches, type BatchInfo } from './batches';
import { figuresByBatch } from './figures';
import {
  paidByBatchAndOrganization,
  paymentRowGetter,
  paymentRows,
  paymentRecords,
  type PaymentData,
  type PaymentRow,
} from './paymentRepository';

const snapshot = (r: PaymentRow) => ({
  organization: r.organization,
  batchId: r.batch_id,
  invoiceNo: r.invoice_no,
  amountFen: r.amount_fen,
  paidOn: r.paid_on,
  note: r.note,
});

function fromRow(r: PaymentRow, batches: Map<number, BatchInfo>): Payment {
  return {
    id: r.id,
    organization: r.organization,
    batchId: r.batch_id,
    batchLabel: r.batch_id === null ? null : (batches.get(r.batch_id)?.label ?? null),
    invoiceNo: r.invoice_no,
    amountFen: r.amount_fen,
    paidOn: r.paid_on,
    note: r.note,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** 缴费记录: payments to evaluation organizations, each change audited (entity 'payment'). */
export function paymentsRepo(ctx: CoreContext) {
  const { db } = ctx;
  const records = paymentRecords(db);
  const getRow = paymentRowGetter(db);
  const mustGet = (id: number): PaymentRow => mustExist(getRow(id), '缴费记录', id);
  const rows = auditedRows(ctx, 'payment', mustGet, snapshot);

  return {
    list(): Payment[] {
      const batches = loadBatches(db);
      return paymentRows(db).map((r) => fromRow(r, batches));
    },
    save(input: PaymentData & { id?: number }): Payment {
      const batches = loadBatches(db);
      if (input.batchId !== null && !batches.has(input.batchId)) {
        const message = '所选考核批次不存在（可能已被删除），请重新选择';
        throw validationError([{ path: 'batchId', message }]);
      }
      // A payment not made yet would count in a weekly report that has not begun.
      refuseField('paidOn', afterTodayProblem('付款日期', input.paidOn, ctx.today()));
      const after = rows.save(input.id, (before, { at }) =>
        records.save(before?.id ?? null, { ...input, at }),
      );
      return fromRow(after, batches);
    },
    remove: (id: number) =>
      rows.remove(id, () => {
        records.remove(id);
        return { id };
      }),
  };
}

/**
 * What is due to each batch and organization (`owedToOrganizations`: live sign-ups paid by the
 * school or a subsidy) against what was paid to it.
 */
export function reconcile(db: Db): Reconciliation {
  const batches = loadBatches(db);
  const due = [...figuresByBatch(db)]
    .map(([batchId, figures]) => ({ batchId, ...owedToOrganizations(figures) }))
    .filter((d) => d.signups > 0);
  const paid = paidByBatchAndOrganization(db);
  const row = (key: string, label: string, organization: string): ReconcileRow => ({
    key,
    label,
    organization,
    dueFen: 0,
    paidFen: 0,
    differenceFen: 0,
    signups: 0,
  });
  const byBatch = new Map<number, ReconcileRow>();
  const byOrg = new Map<string, ReconcileRow>();
  const org = (name: string) => {
    let r = byOrg.get(name);
    if (!r) byOrg.set(name, (r = row(name, name || '（未填写组织）', name)));
    return r;
  };
  const batchRow = (id: number) => {
    let r = byBatch.get(id);
    const b = batches.get(id);
    if (!r) byBatch.set(id, (r = row(String(id), b?.label ?? `#${id}`, b?.organization ?? '')));
    return r;
  };
  for (const d of due) {
    const r = batchRow(d.batchId);
    r.dueFen += d.feeFen;
    r.signups += d.signups;
    const o = org(r.organization);
    o.dueFen += d.feeFen;
    o.signups += d.signups;
  }
  let unassignedFen = 0;
  for (const p of paid) {
    if (p.batch_id !== null) batchRow(p.batch_id).paidFen += p.fen;
    else unassignedFen += p.fen;
    org(p.organization).paidFen += p.fen;
  }
  const finish = (rows: Iterable<ReconcileRow>) =>
    [...rows].map((r) => ({ ...r, differenceFen: r.dueFen - r.paidFen }));
  return {
    byBatch: finish(byBatch.values()).sort((a, b) => a.label.localeCompare(b.label, 'zh')),
    byOrganization: finish(byOrg.values()).sort((a, b) => a.label.localeCompare(b.label, 'zh')),
    unassignedFen,
  };
}

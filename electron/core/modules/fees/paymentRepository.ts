import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';

/* Payment SQL: the payments to evaluation organizations (缴费记录) and their sums. */

/** A row of `payments`. */
export interface PaymentRow {
  id: number;
  organization: string;
  batch_id: number | null;
  invoice_no: string;
  amount_fen: number;
  paid_on: string;
  note: string;
  created_at: string;
  updated_at: string;
}

/** What a save writes. */
export interface PaymentData {
  organization: string;
  batchId: number | null;
  invoiceNo: string;
  amount: number;
  paidOn: string;
  note: string;
}

/** Payments by id, the statement prepared once for the life of the payments repo. */
export function paymentRowGetter(db: Db): (id: number) => PaymentRow | undefined {
  const getRow = db.prepare<[number], PaymentRow>('SELECT * FROM payments WHERE id = ?');
  return (id) => getRow.get(id);
}

/** Every payment, newest first. */
export function paymentRows(db: Db): PaymentRow[] {
  return db.prepare<[], PaymentRow>('SELECT * FROM payments ORDER BY paid_on DESC, id DESC').all();
}

/** Writes payments: each column from its value. */
export const paymentRecords = recordWriter<PaymentData>('payments', {
  organization: 'organization',
  batch_id: 'batchId',
  invoice_no: 'invoiceNo',
  amount_fen: 'amount',
  paid_on: 'paidOn',
  note: 'note',
});

/** What was paid, summed per batch (null: not assigned to one) and organization. */
export function paidByBatchAndOrganization(
  db: Db,
): { batch_id: number | null; organization: string; fen: number }[] {
  return db
    .prepare<[], { batch_id: number | null; organization: string; fen: number }>(
      'SELECT batch_id, organization, sum(amount_fen) AS fen FROM payments GROUP BY batch_id, organization',
    )
    .all();
}

import type { Db } from '../../db/open';

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

const valuesOf = (p: PaymentData) => [
  p.organization,
  p.batchId,
  p.invoiceNo,
  p.amount,
  p.paidOn,
  p.note,
];

/** Payments by id, the statement prepared once for the life of the payments repo. */
export function paymentRowGetter(db: Db): (id: number) => PaymentRow | undefined {
  const getRow = db.prepare<[number], PaymentRow>('SELECT * FROM payments WHERE id = ?');
  return (id) => getRow.get(id);
}

/** Every payment, newest first. */
export function paymentRows(db: Db): PaymentRow[] {
  return db.prepare<[], PaymentRow>('SELECT * FROM payments ORDER BY paid_on DESC, id DESC').all();
}

/** Overwrites a payment. */
export function updatePayment(db: Db, id: number, input: PaymentData, at: string): void {
  db.prepare(
    `UPDATE payments SET organization = ?, batch_id = ?, invoice_no = ?, amount_fen = ?,
               paid_on = ?, note = ?, updated_at = ? WHERE id = ?`,
  ).run(...valuesOf(input), at, id);
}

/** Records a new payment; its id. */
export function insertPayment(db: Db, input: PaymentData, at: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO payments (organization, batch_id, invoice_no, amount_fen, paid_on, note,
                 created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...valuesOf(input), at, at).lastInsertRowid,
  );
}

/** Deletes a payment. */
export function deletePayment(db: Db, id: number): void {
  db.prepare('DELETE FROM payments WHERE id = ?').run(id);
}

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

import type { CertificateLevel } from '../../../../shared/domain/certificate';
import { ceilingInForce, type ExamForm, type FeeLimit } from '../../../../shared/domain/costCaps';
import { batchShortLabel } from '../../../../shared/domain/batchLabel';
import { agreementInForce, type AgreedFee } from '../../../../shared/domain/feeAgreements';
import type { Db } from '../../db/open';
import { limitsByCertificate, limitsOf } from '../catalogue/limits';
import { agreedFeesByCertificate } from '../agreements/repository';

/** One exam batch with its certificate and the figure its fee is judged by. */
export interface BatchInfo {
  id: number;
  label: string;
  name: string;
  certificateId: number;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
  examForm: ExamForm | null;
  /** The batch's organization, else the certificate's. */
  organization: string;
  feeFen: number;
  /** The lower of the cap and the approved fee in force on the exam date for the form. */
  feeLimit: FeeLimit | null;
  capFen: number | null;
  capDocument: string | null;
  /** The 费用协商 in force for it (agreementInForce), null when none. */
  agreedFee: AgreedFee | null;
}

interface BatchRow {
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

function fromRow(
  row: BatchRow,
  limits: readonly FeeLimit[],
  agreements: readonly AgreedFee[],
): BatchInfo {
  const feeLimit = ceilingInForce(limits, {
    level: row.level,
    examForm: row.exam_form,
    on: row.exam_date,
  });
  const info = {
    id: row.id,
    name: row.name,
    certificateId: row.certificate_id,
    certificateName: row.certificate_name,
    level: row.level,
    examDate: row.exam_date,
    examForm: row.exam_form,
    organization: row.organization,
    feeFen: row.fee_fen,
    feeLimit,
    capFen: feeLimit?.amountFen ?? null,
    capDocument: feeLimit?.document ?? null,
    agreedFee: agreementInForce(agreements, {
      level: row.level,
      examForm: row.exam_form,
      examDate: row.exam_date,
    }),
  };
  return { ...info, label: batchShortLabel(info) };
}

/**
 * Every batch, newest exam first. A school has a few hundred batches at most, so the ledger's
 * queries join sign-ups with students only and take batch facts from this map.
 */
export function loadBatches(db: Db): Map<number, BatchInfo> {
  const rows = db
    .prepare<[], BatchRow>(`${selectBatches} ORDER BY b.exam_date DESC, b.id DESC`)
    .all();
  const limits = limitsByCertificate(db);
  const agreed = agreedFeesByCertificate(db);
  return new Map(
    rows.map((row) => [
      row.id,
      fromRow(row, limits.get(row.certificate_id) ?? [], agreed.get(row.certificate_id) ?? []),
    ]),
  );
}

export function loadBatch(db: Db, id: number): BatchInfo | undefined {
  const row = db.prepare<[number], BatchRow>(`${selectBatches} WHERE b.id = ?`).get(id);
  return row
    ? fromRow(
        row,
        limitsOf(db, row.certificate_id),
        agreedFeesByCertificate(db).get(row.certificate_id) ?? [],
      )
    : undefined;
}

/** `?, ?, ?` for an IN list. */
export const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** Fixed words (a domain list such as `schoolPaidPayers`) as SQL string literals: `'a', 'b'`. */
export const sqlList = (values: readonly string[]) =>
  values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

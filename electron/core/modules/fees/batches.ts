import type { CertificateLevel } from '../../../../shared/domain/certificate';
import { ceilingInForce, type ExamForm, type FeeLimit } from '../../../../shared/domain/costCaps';
import { batchShortLabel } from '../../../../shared/domain/batchLabel';
import { agreementInForce, type AgreedFee } from '../../../../shared/domain/feeAgreements';
import type { Db } from '../../db/open';
import { limitsByCertificate, limitsOf } from '../catalogue/limits';
import { agreedFeesByCertificate, agreedFeesOf } from '../agreements/repository';
import { allBatchRows, batchRowById, type BatchRow } from './repository';

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
  const rows = allBatchRows(db);
  const limits = limitsByCertificate(db);
  const agreed = agreedFeesByCertificate(db);
  return new Map(
    rows.map((row) => [
      row.id,
      fromRow(row, limits.get(row.certificate_id) ?? [], agreed.get(row.certificate_id) ?? []),
    ]),
  );
}

/** A certificate's batches judged by `limits` instead of its saved ones (a change not yet saved). */
export function certificateBatchesWith(
  db: Db,
  certificateId: number,
  limits: readonly FeeLimit[],
): Map<number, BatchInfo> {
  const agreed = agreedFeesOf(db, certificateId);
  return new Map(
    allBatchRows(db)
      .filter((row) => row.certificate_id === certificateId)
      .map((row) => [row.id, fromRow(row, limits, agreed)]),
  );
}

/** A sign-up's batch as its row shows it; a batch no longer there shows as its number. */
export function signupBatchFacts(batches: Map<number, BatchInfo>, batchId: number) {
  const b = batches.get(batchId);
  return {
    batchLabel: b?.label ?? `#${batchId}`,
    certificateName: b?.certificateName ?? '',
    level: b?.level ?? 'junior',
    examDate: b?.examDate ?? '',
  };
}

export function loadBatch(db: Db, id: number): BatchInfo | undefined {
  const row = batchRowById(db, id);
  return row
    ? fromRow(row, limitsOf(db, row.certificate_id), agreedFeesOf(db, row.certificate_id))
    : undefined;
}

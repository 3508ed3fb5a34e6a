import type { CertificateLevel } from '../../../../shared/domain/certificate';
import { batchLabel } from '../../../../shared/domain/fees';
import type { Db } from '../../db/open';

/** One exam batch with its certificate and the cap in force now for its level. */
export interface BatchInfo {
  id: number;
  label: string;
  name: string;
  certificateId: number;
  certificateName: string;
  level: CertificateLevel;
  examDate: string;
  /** The batch's organization, else the certificate's. */
  organization: string;
  feeFen: number;
  capFen: number | null;
  capDocument: string | null;
}

interface BatchRow {
  id: number;
  name: string;
  certificate_id: number;
  certificate_name: string;
  level: CertificateLevel;
  exam_date: string;
  organization: string;
  fee_fen: number;
  cost_cap_fen: number | null;
  cap_document: string | null;
}

const selectBatches = `SELECT b.id, b.name, b.certificate_id, c.name AS certificate_name, b.level,
    b.exam_date, CASE WHEN b.organization <> '' THEN b.organization ELSE c.organization END
      AS organization, b.fee_fen, cl.cost_cap_fen, cl.cap_document
  FROM exam_batches b
  JOIN certificates c ON c.id = b.certificate_id
  LEFT JOIN certificate_levels cl ON cl.certificate_id = b.certificate_id AND cl.level = b.level`;

function fromRow(row: BatchRow): BatchInfo {
  const info = {
    id: row.id,
    name: row.name,
    certificateId: row.certificate_id,
    certificateName: row.certificate_name,
    level: row.level,
    examDate: row.exam_date,
    organization: row.organization,
    feeFen: row.fee_fen,
    capFen: row.cost_cap_fen,
    capDocument: row.cap_document,
  };
  return { ...info, label: batchLabel(info) };
}

/**
 * Every batch, newest exam first. A school has a few hundred batches at most, so the ledger's
 * queries join sign-ups with students only and take batch facts from this map.
 */
export function loadBatches(db: Db): Map<number, BatchInfo> {
  const rows = db
    .prepare<[], BatchRow>(`${selectBatches} ORDER BY b.exam_date DESC, b.id DESC`)
    .all();
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

export function loadBatch(db: Db, id: number): BatchInfo | undefined {
  const row = db.prepare<[number], BatchRow>(`${selectBatches} WHERE b.id = ?`).get(id);
  return row ? fromRow(row) : undefined;
}

/** `?, ?, ?` for an IN list. */
export const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

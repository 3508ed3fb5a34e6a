import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { CapForm, FeeLimitKind } from '../../../../shared/domain/costCaps';
import type { Db } from '../../db/open';

/* Fee-limit SQL: the certificates' caps and approved fees (certificate_fee_limits), as read. */

/** A row of certificate_fee_limits. */
export interface LimitRow {
  id: number;
  certificate_id: number;
  level: CertificateLevel;
  kind: FeeLimitKind;
  exam_form: CapForm;
  amount_fen: number;
  document: string;
  valid_from: string | null;
  valid_until: string | null;
}

const selectLimits = `SELECT id, certificate_id, level, kind, exam_form, amount_fen, document,
    valid_from, valid_until FROM certificate_fee_limits`;
// Level, then kind (caps first), form, and oldest period first: the order a person reads them.
const order = `ORDER BY certificate_id,
    CASE level WHEN 'junior' THEN 1 WHEN 'intermediate' THEN 2 ELSE 3 END,
    kind DESC, exam_form, coalesce(valid_from, ''), id`;

/** One certificate's limit rows, in reading order. */
export function limitRowsOf(db: Db, certificateId: number): LimitRow[] {
  return db
    .prepare<[number], LimitRow>(`${selectLimits} WHERE certificate_id = ? ${order}`)
    .all(certificateId);
}

/** Every certificate's limit rows, by certificate and then in reading order. */
export function allLimitRows(db: Db): LimitRow[] {
  return db.prepare<[], LimitRow>(`${selectLimits} ${order}`).all();
}

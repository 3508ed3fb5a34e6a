import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { CapForm, FeeLimit, FeeLimitKind } from '../../../../shared/domain/costCaps';
import type { Db } from '../../db/open';

interface LimitRow {
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

const fromRow = (r: LimitRow): FeeLimit => ({
  id: r.id,
  kind: r.kind,
  level: r.level,
  examForm: r.exam_form,
  amountFen: r.amount_fen,
  document: r.document,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
});

/** The caps and approved fees of one certificate. */
export function limitsOf(db: Db, certificateId: number): FeeLimit[] {
  return db
    .prepare<[number], LimitRow>(`${selectLimits} WHERE certificate_id = ? ${order}`)
    .all(certificateId)
    .map(fromRow);
}

/**
 * Every certificate's caps and approved fees (a few rows each), for judging many batches: the
 * figure for one batch is `ceilingInForce(limits, …)` on its exam date.
 */
export function limitsByCertificate(db: Db): Map<number, FeeLimit[]> {
  const map = new Map<number, FeeLimit[]>();
  for (const row of db.prepare<[], LimitRow>(`${selectLimits} ${order}`).all()) {
    const list = map.get(row.certificate_id) ?? [];
    list.push(fromRow(row));
    map.set(row.certificate_id, list);
  }
  return map;
}

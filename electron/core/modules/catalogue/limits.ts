import type { FeeLimit } from '../../../../shared/domain/costCaps';
import type { Db } from '../../db/open';
import { allLimitRows, limitRowsOf, type LimitRow } from './limitRepository';

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
  return limitRowsOf(db, certificateId).map(fromRow);
}

/**
 * Every certificate's caps and approved fees (a few rows each), for judging many batches: the
 * figure for one batch is `ceilingInForce(limits, …)` on its exam date.
 */
export function limitsByCertificate(db: Db): Map<number, FeeLimit[]> {
  const map = new Map<number, FeeLimit[]>();
  for (const row of allLimitRows(db)) {
    const list = map.get(row.certificate_id) ?? [];
    list.push(fromRow(row));
    map.set(row.certificate_id, list);
  }
  return map;
}

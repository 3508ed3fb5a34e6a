import { capStanding, highestFee, type CapStanding } from '../../../../shared/domain/batchCap';
import type { Db } from '../../db/open';
import { loadBatches, type BatchInfo } from './batches';
import { batchMaxFeeReader } from './repository';

/** One batch under rule 11: what it charges at most and how that stands against its figure. */
export interface BatchCapStanding {
  batch: BatchInfo;
  /** The batch's own fee or its highest live sign-up fee, whichever is higher. */
  highestFen: number;
  standing: CapStanding;
}

/**
 * Every batch's rule-11 standing (`capStanding` in shared/domain/batchCap.ts), newest exam
 * first: the one query 规则检查 and 首页 (its problems and its 最高收费 column) read, so they
 * cannot tell two stories. One index probe per batch (`signups_batch_fee`).
 */
export function batchCapStandings(
  db: Db,
  batches: Map<number, BatchInfo> = loadBatches(db),
): BatchCapStanding[] {
  const maxFee = batchMaxFeeReader(db);
  return [...batches.values()].map((batch) => {
    const highestFen = highestFee(batch.feeFen, maxFee(batch.id));
    return { batch, highestFen, standing: capStanding(batch.feeLimit, highestFen) };
  });
}

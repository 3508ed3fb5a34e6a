/**
 * Rule 11 for one exam batch, defined once: the fee a batch charges (its own 每人考核费 and every
 * live sign-up's fee) against the figure in force on its exam date (`ceilingInForce`). The batch
 * editor, sign-up, the ledger, the batch page and list, 规则检查 and 首页 all read these, so no
 * path takes a fee another path refuses and no page calls compliant what another calls over.
 */
import { batchShortLabel, type BatchLabelParts } from './batchLabel';
import { feeOverLimitMessage, type FeeLimit } from './costCaps';
import type { SignupStatus } from './exams';
import { isLiveSignup } from './signupFigures';

/** A batch as rule 11 judges it: its label, exam date and the figure in force on that date. */
export interface BatchCapFacts extends BatchLabelParts {
  feeLimit: FeeLimit | null;
}

/**
 * “考核批次“2026年第一批”（Web前端开发）的考核费 ¥300.00 超过 2026年6月20日 适用的考核成本上限
 * ¥280.00（…）”: `feeFen` charged in this batch over its figure; null when within or none applies.
 * `of`: whose fee it is — the batch's (its 每人考核费, or the highest it charges) or the fee its
 * sign-ups are being given in the ledger, which is not the batch's own.
 */
export function batchFeeOverLimit(
  batch: BatchCapFacts,
  feeFen: number,
  of: 'batch' | 'signups' = 'batch',
): string | null {
  return feeOverLimitMessage(
    `考核批次“${batchShortLabel(batch)}”（${batch.certificateName}）${of === 'batch' ? '的' : '中报名的'}考核费`,
    feeFen,
    batch.feeLimit,
    batch.examDate,
  );
}

/**
 * `over`: the highest fee exceeds the figure; `within`; `unchecked`: a fee is charged but no cap
 * or approved fee is in force that day, so rule 11 cannot be checked (never counted compliant);
 * `free`: nothing charged and no figure.
 */
export type CapStanding = 'over' | 'within' | 'unchecked' | 'free';

/** What a batch charges at most: its own fee or its highest live sign-up fee (null: none). */
export const highestFee = (batchFeeFen: number, liveMaxFen: number | null): number =>
  Math.max(batchFeeFen, liveMaxFen ?? 0);

export function capStanding(feeLimit: FeeLimit | null, highestFen: number): CapStanding {
  if (feeLimit === null) return highestFen > 0 ? 'unchecked' : 'free';
  return highestFen > feeLimit.amountFen ? 'over' : 'within';
}

/**
 * One sign-up's fee over the figure of its batch (`capFen`, null when none): only a live one,
 * as 规则检查 counts them (`signupsOverCapFinder`) — a withdrawn sign-up charges nothing.
 */
export const signupFeeOverCap = (
  status: SignupStatus,
  feeFen: number,
  capFen: number | null,
): boolean => isLiveSignup(status) && capFen !== null && feeFen > capFen;

import { describe, expect, it } from 'vitest';
import { capStanding, signupFeeOverCap } from '../../../shared/domain/batchCap';
import type { FeeLimit } from '../../../shared/domain/costCaps';

const cap: FeeLimit = {
  id: 1,
  kind: 'cap',
  level: 'junior',
  examForm: 'any',
  amountFen: 50_000,
  document: '教职所〔2019〕314号',
  validFrom: null,
  validUntil: null,
};

describe('rule 11 for a batch and a sign-up', () => {
  it('不得超过: a fee at the cap is within, one fen more is over; no cap cannot be checked', () => {
    expect(capStanding(cap, 50_000)).toBe('within');
    expect(capStanding(cap, 50_001)).toBe('over');
    expect(capStanding(null, 1)).toBe('unchecked');
    expect(capStanding(null, 0)).toBe('free');
  });

  it('flags a live sign-up above the cap, never a withdrawn one (it charges nothing)', () => {
    expect(signupFeeOverCap('registered', 50_001, 50_000)).toBe(true);
    expect(signupFeeOverCap('absent', 50_001, 50_000)).toBe(true);
    expect(signupFeeOverCap('violation', 50_001, 50_000)).toBe(true);
    expect(signupFeeOverCap('passed', 50_000, 50_000)).toBe(false);
    expect(signupFeeOverCap('withdrawn', 50_001, 50_000)).toBe(false);
    expect(signupFeeOverCap('paid', 90_000, null)).toBe(false);
  });
});

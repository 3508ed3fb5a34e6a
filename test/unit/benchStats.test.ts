import { describe, expect, it } from 'vitest';
import { row } from '../bench/stats';

describe('bench rows judged against their targets', () => {
  it('an absolute budget is missed only by more than the spread of the runs', () => {
    expect(row('steady, over', [40, 41, 42], undefined, { maxMs: 30 }).missed).toBe(true);
    // Median 35 is 5 over, but the runs lie 20 apart: noise, not a miss.
    expect(row('noisy', [25, 35, 45], undefined, { maxMs: 30 }).missed).toBe(false);
    expect(row('within', [20, 21, 22], undefined, { maxMs: 30 }).missed).toBe(false);
  });

  it('a ratio target counts the baseline median and its spread', () => {
    const judged = row(
      'work',
      [300, 310, 320],
      { name: 'raw', ms: [100, 100, 100] },
      { maxRatio: 2 },
    );
    expect(judged.ratio).toBeCloseTo(3.1);
    expect(judged.missed).toBe(true);
    const noisyBase = row(
      'work',
      [300, 310, 320],
      { name: 'raw', ms: [60, 100, 140] },
      { maxRatio: 2 },
    );
    expect(noisyBase.missed).toBe(false); // 310 − 200 = 110 ≤ 20 + 2 × 80
  });

  it('both limits apply when a row has both; a text target only informs', () => {
    const both = row(
      'start',
      [900, 950, 1000],
      { name: 'blank', ms: [100, 100, 100] },
      {
        maxMs: 1500,
        maxRatio: 2,
      },
    );
    expect(both.missed).toBe(true);
    expect(both.target).toBe('≤ 1500 ms and ratio ≤ 2');
    const informative = row('import', 500, { name: 'raw', ms: 100 }, 'ratio ≤ 1.5');
    expect(informative.missed).toBeUndefined();
    expect(informative.target).toBe('ratio ≤ 1.5');
  });
});

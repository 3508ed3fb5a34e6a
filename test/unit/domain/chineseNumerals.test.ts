import { describe, expect, it } from 'vitest';
import { chineseNumeral } from '../../../shared/domain/chineseNumerals';

describe('chineseNumeral: section and 附件 numbers', () => {
  it('writes 1–99 as a document numbers them', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [3, '三'],
      [10, '十'],
      [11, '十一'],
      [20, '二十'],
      [23, '二十三'],
      [99, '九十九'],
    ];
    for (const [n, text] of cases) expect(chineseNumeral(n)).toBe(text);
  });

  it('leaves numbers outside 1–99 as digits rather than inventing a word', () => {
    expect([0, 100, 2.5].map(chineseNumeral)).toEqual(['0', '100', '2.5']);
  });
});

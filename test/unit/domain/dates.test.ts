import { describe, expect, it } from 'vitest';
import { formatChineseDate } from '../../../shared/domain/dates';

describe('formatChineseDate', () => {
  it('writes ISO dates the Chinese way without leading zeros', () => {
    expect(formatChineseDate('2020-05-20')).toBe('2020年5月20日');
    expect(formatChineseDate('2020-09-01T08:00:00Z')).toBe('2020年9月1日');
    expect(formatChineseDate('')).toBe('');
  });
});

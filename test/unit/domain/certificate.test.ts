import { describe, expect, it } from 'vitest';
import {
  certificateLevelCodes,
  normalizeBatch,
  parseLevels,
} from '../../../shared/domain/certificate';

describe('certificate levels', () => {
  it('codes levels 1/2/3 as the platform does', () => {
    expect(certificateLevelCodes).toEqual({ junior: 1, intermediate: 2, senior: 3 });
  });

  it.each([
    ['初级、中级、高级', ['junior', 'intermediate', 'senior']],
    ['高级/初级', ['junior', 'senior']],
    ['1,2', ['junior', 'intermediate']],
    ['中级，中级', ['intermediate']],
    ['初级中级', ['junior', 'intermediate']],
    ['全部', ['junior', 'intermediate', 'senior']],
  ])('reads “%s”', (text, levels) => {
    expect(parseLevels(text)).toEqual({ ok: true, levels });
  });

  it('names the words it cannot read', () => {
    expect(parseLevels('初级、特级')).toEqual({ ok: false, unknown: ['特级'] });
    expect(parseLevels('constructor')).toEqual({ ok: false, unknown: ['constructor'] });
  });
});

describe('batches and caps', () => {
  it.each([
    ['1', '第一批'],
    ['第2批', '第二批'],
    ['三', '第三批'],
    ['第一批', '第一批'],
    ['2019年试点', '2019年试点'],
  ])('batch %s → %s', (text, batch) => {
    expect(normalizeBatch(text)).toBe(batch);
  });
});

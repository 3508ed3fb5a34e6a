import { describe, expect, it } from 'vitest';
import { batchLabel, batchShortLabel } from '../../../shared/domain/batchLabel';

const batch = {
  name: '第一批',
  certificateName: 'Web前端开发',
  level: 'junior',
  examDate: '2020-09-01',
} as const;

describe('batch labels', () => {
  it('names a batch by certificate, level, date (Chinese format) and its own name', () => {
    expect(batchLabel(batch)).toBe('Web前端开发 初级 · 2020年9月1日 第一批');
    expect(batchLabel({ ...batch, name: '', level: 'senior' })).toBe(
      'Web前端开发 高级 · 2020年9月1日',
    );
  });

  it('shortens to the batch’s own name, else certificate, level and date', () => {
    expect(batchShortLabel({ ...batch, name: '', examDate: '2026-05-10' })).toBe(
      'Web前端开发 初级 2026年5月10日',
    );
    expect(batchShortLabel({ ...batch, name: '春季', level: 'senior' })).toBe('春季');
  });
});

import { describe, expect, it } from 'vitest';
import { batchLabel, batchShortLabel } from '../../../shared/domain/batchLabel';

const batch = {
  name: '第一批',
  certificateName: 'Web前端开发',
  level: 'junior',
  examDate: '2020-09-01',
} as const;

describe('batch labels', () => {
  it('names a batch by certificate, level, date and its own name', () => {
    expect(batchLabel(batch)).toBe('Web前端开发 初级 · 2020-09-01 第一批');
    expect(batchLabel({ ...batch, name: '', level: 'senior' })).toBe(
      'Web前端开发 高级 · 2020-09-01',
    );
    expect(batchLabel(batch, (iso) => iso.replace(/-/g, '/'))).toBe(
      'Web前端开发 初级 · 2020/09/01 第一批',
    );
  });

  it('shortens to the batch’s own name, else certificate, level and date', () => {
    expect(batchShortLabel({ ...batch, name: '', examDate: '2026-05-10' })).toBe(
      'Web前端开发 初级 2026-05-10',
    );
    expect(batchShortLabel({ ...batch, name: '春季', level: 'senior' })).toBe('春季');
  });
});

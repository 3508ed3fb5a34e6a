import { describe, expect, it } from 'vitest';
import {
  filterTeachers,
  formatShare,
  teacherStats,
  type FilterableTeacher,
} from '../../../shared/domain/teachers';

function teacher(overrides: Partial<FilterableTeacher> = {}): FilterableTeacher {
  return {
    name: '张三',
    staffNo: 'T001',
    title: '讲师',
    majorId: 1,
    fullTime: true,
    dualQualified: false,
    canTeachIndependently: true,
    assessor: false,
    ...overrides,
  };
}

describe('teacherStats', () => {
  it('counts 双师型, full-time and independent full-time teachers', () => {
    const stats = teacherStats([
      teacher({ dualQualified: true }),
      teacher({ dualQualified: true, fullTime: false }),
      teacher({ canTeachIndependently: false }),
      teacher({ fullTime: false, canTeachIndependently: true, assessor: true }),
    ]);
    expect(stats).toEqual({
      total: 4,
      fullTime: 2,
      dualQualified: 2,
      dualQualifiedPercent: 50,
      // A part-time teacher who can teach independently does not count.
      fullTimeIndependent: 1,
      assessors: 1,
    });
  });

  it('has no ratio for an empty list', () => {
    expect(teacherStats([])).toMatchObject({ total: 0, dualQualifiedPercent: null });
  });

  it('counts 9 and 10 independent full-time teachers exactly', () => {
    const ten = Array.from({ length: 10 }, () => teacher());
    expect(teacherStats(ten).fullTimeIndependent).toBe(10);
    expect(teacherStats(ten.slice(1)).fullTimeIndependent).toBe(9);
  });
});

describe('formatShare', () => {
  it.each([
    [3, 10, '30.0%'],
    [1, 3, '33.3%'],
    [2, 3, '66.7%'],
    [0, 5, '0.0%'],
    [0, 0, '—'],
  ])('%i of %i → %s', (part, whole, text) => {
    expect(formatShare(part, whole)).toBe(text);
  });
});

describe('filterTeachers', () => {
  const list = [
    teacher({ name: '张三', staffNo: 'T001', majorId: 1, dualQualified: true }),
    teacher({ name: '李四', staffNo: 'T002', majorId: 2, title: '副教授' }),
    teacher({ name: '王五', staffNo: 'X003', majorId: null, fullTime: false }),
  ];
  const names = (filter: Parameters<typeof filterTeachers>[1]) =>
    filterTeachers(list, filter).map((t) => t.name);

  it('returns everyone without a filter', () => {
    expect(names({ search: '', major: undefined, flags: [] })).toEqual(['张三', '李四', '王五']);
  });

  it('matches name, 工号 (any case) and title', () => {
    expect(names({ search: ' x003 ', major: undefined, flags: [] })).toEqual(['王五']);
    expect(names({ search: '李', major: undefined, flags: [] })).toEqual(['李四']);
    expect(names({ search: '副教授', major: undefined, flags: [] })).toEqual(['李四']);
  });

  it('filters by major, by no major, and by every flag asked for', () => {
    expect(names({ search: '', major: 2, flags: [] })).toEqual(['李四']);
    expect(names({ search: '', major: 'none', flags: [] })).toEqual(['王五']);
    expect(names({ search: '', major: undefined, flags: ['fullTime'] })).toEqual(['张三', '李四']);
    expect(names({ search: '', major: undefined, flags: ['fullTime', 'dualQualified'] })).toEqual([
      '张三',
    ]);
    expect(names({ search: 'T', major: 1, flags: ['assessor'] })).toEqual([]);
  });

  it('filters a thousand teachers', () => {
    const many = Array.from({ length: 1000 }, (_, i) =>
      teacher({ staffNo: `T${i}`, dualQualified: i % 4 === 0, majorId: (i % 5) + 1 }),
    );
    expect(filterTeachers(many, { search: '', major: 3, flags: ['dualQualified'] })).toHaveLength(
      50,
    );
  });
});

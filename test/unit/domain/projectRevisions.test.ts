import { describe, expect, it } from 'vitest';
import { planSections } from '../../../shared/domain/implementationPlan';
import { diffProjectRecords, type ProjectRecord } from '../../../shared/domain/projectRevisions';

const record = (overrides: Partial<ProjectRecord> = {}): ProjectRecord => ({
  certificate: 'Web前端开发（工业和信息化部教育与考试中心）',
  year: '2020',
  levels: ['初级'],
  plannedStudents: ['初级 2020 年 80 人'],
  majors: ['软件技术（510203）'],
  teachers: ['教师1（T0001）', '教师2（T0002）'],
  rooms: [],
  sites: [],
  hardware: [],
  plan: Object.fromEntries(planSections.map((s) => [s, ''])) as ProjectRecord['plan'],
  commitments: ['不将证书作为毕业条件'],
  ...overrides,
});

describe('diffProjectRecords', () => {
  it('finds nothing between equal records, whatever the order within a list', () => {
    const a = record();
    expect(diffProjectRecords(a, record({ teachers: [...a.teachers].reverse() }))).toEqual([]);
  });

  it('labels each changed field in Chinese: plain fields before → after, lists added and removed', () => {
    const before = record();
    const after = record({
      year: '2021',
      teachers: ['教师2（T0002）', '教师3（T0003）'],
      plan: { ...before.plan, goals: '新目标' },
      commitments: [],
    });
    expect(diffProjectRecords(before, after)).toEqual([
      { kind: 'text', field: 'year', label: '年度', before: '2020', after: '2021' },
      {
        kind: 'list',
        field: 'teachers',
        label: '项目教师',
        added: ['教师3（T0003）'],
        removed: ['教师1（T0001）'],
      },
      {
        kind: 'text',
        field: 'plan.goals',
        label: '实施方案 · 目标任务',
        before: '',
        after: '新目标',
      },
      {
        kind: 'list',
        field: 'commitments',
        label: '承诺事项',
        added: [],
        removed: ['不将证书作为毕业条件'],
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  auditChanges,
  batchLabel,
  breaksSchoolPaidRule,
  studentPaidWithoutSchoolPaid,
} from '../../../shared/domain/fees';

const names = {
  batch: (id: number) => (id === 7 ? '2026春初级' : undefined),
  student: () => '张三（2023000001）',
};

describe('fees domain', () => {
  it('allows 学生自愿自费 only beside another live school- or subsidy-paid sign-up', () => {
    expect(
      studentPaidWithoutSchoolPaid([{ id: 1, status: 'registered', payer: 'student' }]),
    ).toEqual([1]);
    expect(
      studentPaidWithoutSchoolPaid([
        { id: 1, status: 'registered', payer: 'student' },
        { id: 2, status: 'passed', payer: 'subsidy' },
      ]),
    ).toEqual([]);
    expect(
      studentPaidWithoutSchoolPaid([
        { id: 1, status: 'registered', payer: 'student' },
        { id: 2, status: 'withdrawn', payer: 'school' },
      ]),
    ).toEqual([1]);
    // A withdrawn student-paid sign-up breaks nothing.
    expect(
      studentPaidWithoutSchoolPaid([{ id: 1, status: 'withdrawn', payer: 'student' }]),
    ).toEqual([]);
  });

  it('rule 13 applies to pilot students with a live sign-up only', () => {
    const own = [{ status: 'registered' as const, payer: 'student' as const }];
    expect(breaksSchoolPaidRule(true, own)).toBe(true);
    expect(breaksSchoolPaidRule(false, own)).toBe(false);
    expect(breaksSchoolPaidRule(true, [])).toBe(false);
    expect(breaksSchoolPaidRule(true, [{ status: 'withdrawn', payer: 'student' }])).toBe(false);
    expect(breaksSchoolPaidRule(true, [...own, { status: 'failed', payer: 'school' }])).toBe(false);
  });

  it('labels changed fields in Chinese and formats money, payers, statuses and batches', () => {
    const before = {
      studentId: 1,
      batchId: 7,
      status: 'registered',
      feeFen: 40_000,
      payer: 'school',
      platformRegistered: false,
    };
    const after = {
      ...before,
      status: 'passed',
      feeFen: 45_050,
      payer: 'subsidy',
      platformRegistered: true,
    };
    expect(auditChanges('signup', before, after, names)).toEqual([
      { field: 'status', label: '状态', before: '已报名', after: '通过' },
      { field: 'platformRegistered', label: '平台已登记', before: '否', after: '是' },
      { field: 'feeFen', label: '费用', before: '¥400.00', after: '¥450.50' },
      { field: 'payer', label: '付费方', before: '学校承担', after: '财政补助' },
    ]);
    const created = auditChanges('signup', null, before, names);
    expect(created.find((c) => c.field === 'batchId')).toEqual({
      field: 'batchId',
      label: '考核批次',
      before: '',
      after: '2026春初级',
    });
    expect(created.find((c) => c.field === 'studentId')?.after).toBe('张三（2023000001）');
  });

  it('names a batch by its own name, else certificate, level and date', () => {
    expect(
      batchLabel({
        name: '',
        certificateName: 'Web前端开发',
        level: 'junior',
        examDate: '2026-05-10',
      }),
    ).toBe('Web前端开发 初级 2026-05-10');
    expect(batchLabel({ name: '春季', certificateName: 'x', level: 'senior', examDate: '' })).toBe(
      '春季',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  auditChanges,
  schoolPaidStanding,
  studentPaidWithoutSchoolPaid,
} from '../../../shared/domain/fees';
import {
  addUpSignups,
  owedToOrganizations,
  passRate,
  type SignupGroup,
} from '../../../shared/domain/signupFigures';

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

  it('rule 13: self-paid only is a violation, no live sign-up a to-do, 缺考 and 未通过 still count', () => {
    const own = [{ status: 'registered' as const, payer: 'student' as const }];
    expect(schoolPaidStanding(own)).toBe('selfPaidOnly');
    expect(schoolPaidStanding([])).toBe('unscheduled');
    // The case: the only sign-up was withdrawn — not “all good”.
    expect(schoolPaidStanding([{ status: 'withdrawn', payer: 'school' }])).toBe('unscheduled');
    expect(schoolPaidStanding([{ status: 'withdrawn', payer: 'student' }])).toBe('unscheduled');
    expect(schoolPaidStanding([...own, { status: 'withdrawn', payer: 'school' }])).toBe(
      'selfPaidOnly',
    );
    expect(schoolPaidStanding([...own, { status: 'failed', payer: 'school' }])).toBe('met');
    expect(schoolPaidStanding([{ status: 'absent', payer: 'subsidy' }])).toBe('met');
  });

  it('adds sign-ups up once: withdrawn apart, fees by payer, owed, results and pass rate', () => {
    const groups: SignupGroup[] = [
      { status: 'passed', payer: 'school', n: 3, fen: 120_000 },
      { status: 'failed', payer: 'subsidy', n: 1, fen: 40_000 },
      { status: 'absent', payer: 'school', n: 1, fen: 40_000 },
      { status: 'registered', payer: 'student', n: 2, fen: 140_000 },
      { status: 'withdrawn', payer: 'school', n: 1, fen: 34_000 },
    ];
    const f = addUpSignups(groups);
    expect(f).toMatchObject({
      signups: 7,
      feeFen: 340_000,
      examined: 4,
      passed: 3,
      failed: 1,
      absent: 1,
      withdrawn: { signups: 1, feeFen: 34_000 },
    });
    expect(f.byPayer.student).toEqual({ signups: 2, feeFen: 140_000 });
    expect(owedToOrganizations(f)).toEqual({ signups: 5, feeFen: 200_000 });
    expect(passRate(f)).toBe(0.75);
    expect(passRate(addUpSignups([]))).toBeNull();
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
});

import { describe, expect, it } from 'vitest';
import { emptyResult } from '../../../shared/domain/exams';
import { fillVerdict, passLosses } from '../../../shared/domain/resultFill';

describe('批量录入结果: 本页全部设为… and undoing a pass', () => {
  it('fills only rows still waiting for a result', () => {
    expect(fillVerdict('registered', 'failed')).toBe('apply');
    expect(fillVerdict('paid', 'absent')).toBe('apply');
    expect(fillVerdict('examined', 'failed')).toBe('apply');
    expect(fillVerdict('failed', 'failed')).toBe('same');
    // A recorded result is corrected row by row, never by a fill-down.
    expect(fillVerdict('passed', 'failed')).toBe('hasResult');
    expect(fillVerdict('failed', 'passed')).toBe('hasResult');
    expect(fillVerdict('absent', 'passed')).toBe('hasResult');
    expect(fillVerdict('violation', 'failed')).toBe('hasResult');
    expect(fillVerdict('withdrawn', 'passed')).toBe('withdrawn');
    expect(fillVerdict('examined', 'absent')).toBe('attendance');
  });

  it('names what saving over a recorded pass takes away', () => {
    const pass = {
      ...emptyResult,
      status: 'passed' as const,
      score: 90,
      certificateNo: 'C-1',
      issuedOn: '2026-11-20',
      platformRegistered: true,
      creditBank: true,
    };
    expect(passLosses(pass, { status: 'failed', certificateNo: '', issuedOn: '' })).toEqual([
      '结果“通过”（改为“未通过”）',
      '证书编号“C-1”',
      '发证日期 2026-11-20',
      '平台已登记',
      '已转入学分银行',
    ]);
    // Still a pass: only a cleared certificate number is lost; a new number is no loss.
    expect(
      passLosses(pass, { status: 'passed', certificateNo: ' ', issuedOn: '2026-11-20' }),
    ).toEqual(['证书编号“C-1”']);
    expect(
      passLosses(pass, { status: 'passed', certificateNo: 'C-2', issuedOn: '2026-11-20' }),
    ).toEqual([]);
    expect(
      passLosses(
        { ...pass, status: 'failed' },
        { status: 'passed', certificateNo: '', issuedOn: '' },
      ),
    ).toEqual([]);
  });
});

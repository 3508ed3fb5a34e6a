import { describe, expect, it } from 'vitest';
import {
  addUpFundLines,
  fundBalance,
  fundYear,
  lacksDocument,
  namesStudentsAsSource,
  overspentText,
  progressLines,
  weeklyFundsLine,
  weeklyOnTimeRate,
} from '../../../shared/domain/funds';

describe('funds domain', () => {
  it('adds lines up by source and category, spending above income giving a negative balance', () => {
    const f = addUpFundLines([
      { direction: 'income', category: 'award', amountFen: 100_00, lacksDocument: false },
      { direction: 'income', category: 'budget', amountFen: 50_00, lacksDocument: false },
      { direction: 'spending', category: 'exam', amountFen: 120_00, lacksDocument: false },
      { direction: 'spending', category: 'consumables', amountFen: 40_01, lacksDocument: true },
    ]);
    expect(f).toMatchObject({ incomeFen: 150_00, spendingFen: 160_01, balanceFen: -10_01 });
    expect(f.incomeBySource).toEqual({ award: 100_00, budget: 50_00, other: 0, studentExamFee: 0 });
    expect(f.spendingByCategory.exam).toBe(120_00);
    expect(f.undocumented).toBe(1);
    expect(overspentText(f.balanceFen)).toBe('支出超过收入 ¥10.01');
    expect(fundBalance(0, 0)).toBe(0);
  });

  it('a document is a file or an invoice number; blanks are none', () => {
    expect(lacksDocument({ invoiceNo: '', hasAttachment: false })).toBe(true);
    expect(lacksDocument({ invoiceNo: '  ', hasAttachment: false })).toBe(true);
    expect(lacksDocument({ invoiceNo: 'INV-1', hasAttachment: false })).toBe(false);
    expect(lacksDocument({ invoiceNo: '', hasAttachment: true })).toBe(false);
  });

  it('counts a record in the year of its date, the last day of December included', () => {
    expect(fundYear('2026-12-31')).toBe(2026);
    expect(fundYear('2027-01-01')).toBe(2027);
  });

  it('refuses other sources that name students as the payer', () => {
    expect(namesStudentsAsSource('学生资料费')).toBe(true);
    expect(namesStudentsAsSource('考生报名费')).toBe(true);
    expect(namesStudentsAsSource('家长捐助')).toBe(true);
    expect(namesStudentsAsSource('校企合作企业捐赠')).toBe(false);
  });

  it('words the weekly line and the 试点推进情况, the on-time rate only when something was due', () => {
    const spending = {
      exam: 900_00,
      training: 0,
      equipment: 0,
      consumables: 0,
      materials: 0,
      other: 0,
    };
    expect(
      weeklyFundsLine({ incomeFen: 0, spendingFen: 900_00, spendingByCategory: spending }),
    ).toBe('本期试点经费：收入 ¥0.00，支出 ¥900.00（其中考核费 ¥900.00）');
    const progress = {
      year: 2026,
      projects: 2,
      pilotMajors: 3,
      pilotStudents: 120,
      signups: 150,
      passed: 99,
      certificates: 90,
      weekly: { due: 3, onTime: 2, late: 1, notFiled: 0 },
    };
    expect(weeklyOnTimeRate(progress.weekly)).toBeCloseTo(2 / 3);
    expect(weeklyOnTimeRate({ due: 0, onTime: 0, late: 0, notFiled: 0 })).toBeNull();
    expect(progressLines(progress).at(-1)).toBe(
      '周报：应报 3 期，按时报送 2 期，逾期报送 1 期，未报送 0 期，按时报送率 66.7%',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  parseOutcome,
  parseScore,
  passesLine,
  planResult,
  resultEntryProblem,
  weightedTotal,
  type SavedResult,
  type SheetResult,
} from '../../../shared/domain/examResults';

/** What both a saved result and a sheet's result hold before any score or number is known. */
const noScores = {
  score: null,
  theoryScore: null,
  practicalScore: null,
  admissionNo: '',
  certificateNo: '',
  issuedOn: '',
};
const saved = (extra: Partial<SavedResult> = {}): SavedResult => ({
  status: 'registered',
  ...noScores,
  platformRegistered: false,
  creditBank: false,
  ...extra,
});
const sheet = (extra: Partial<SheetResult> = {}): SheetResult => ({
  outcome: 'passed',
  ...noScores,
  ...extra,
});

describe('reading a result sheet', () => {
  it('reads the verdicts and scores organizations write', () => {
    expect(['通过', '合格', ' 是 ', 'PASS', '√'].map(parseOutcome)).toEqual(
      Array(5).fill('passed'),
    );
    expect(['未通过', '不合格', '否', 'fail'].map(parseOutcome)).toEqual(Array(4).fill('failed'));
    expect(['缺考', '缺席', '未参考'].map(parseOutcome)).toEqual(Array(3).fill('absent'));
    expect(parseOutcome('')).toBeNull();
    expect(parseOutcome('优秀')).toBeUndefined();
    expect(['86', '78.5', '９０', '60分'].map(parseScore)).toEqual([86, 78.5, 90, 60]);
    expect(parseScore('缺考')).toBe('absent');
    expect(parseScore('')).toBeNull();
    expect(['abc', '-5', '1001'].map(parseScore)).toEqual([undefined, undefined, undefined]);
  });

  it('totals the parts by the theory share and judges by the pass line (60 passes, 59.9 fails)', () => {
    expect(weightedTotal(82, 76, 40)).toBe(78.4);
    expect(weightedTotal(50, 58, 40)).toBe(54.8);
    expect(weightedTotal(70, 0, 100)).toBe(70);
    expect(passesLine(60, 60)).toBe(true);
    expect(passesLine(59.9, 60)).toBe(false);
  });
});

describe('what a row makes of a sign-up', () => {
  it('takes a result straight from 已报名/已缴费, empty cells keep what is saved', () => {
    const plan = planResult(
      saved({ status: 'paid', admissionNo: 'A1' }),
      sheet({ score: 90, certificateNo: 'C1' }),
    );
    expect(plan).toMatchObject({ changed: true, errors: [], warnings: [] });
    expect(plan.next).toMatchObject({
      status: 'passed',
      score: 90,
      certificateNo: 'C1',
      admissionNo: 'A1',
    });
  });

  it('lets recorded attendance win, with a warning, and refuses withdrawn sign-ups', () => {
    const absent = planResult(saved({ status: 'absent' }), sheet({ score: 80 }));
    expect(absent.changed).toBe(false);
    expect(absent.warnings[0].group).toBe('考勤与成绩单不一致（以考勤为准）');
    const sat = planResult(saved({ status: 'examined' }), sheet({ outcome: 'absent' }));
    expect(sat.next.status).toBe('examined');
    expect(sat.warnings).toHaveLength(1);
    expect(planResult(saved({ status: 'withdrawn' }), sheet()).errors[0].group).toBe('报名已撤销');
    expect(
      planResult(saved({ status: 'passed' }), sheet({ outcome: 'absent' })).errors[0].group,
    ).toBe('与已录入的结果冲突');
  });

  it('a correction to 未通过 clears the certificate and the platform flags, and says so', () => {
    const plan = planResult(
      saved({ status: 'passed', certificateNo: 'C1', platformRegistered: true, creditBank: true }),
      sheet({ outcome: 'failed', score: 50 }),
    );
    expect(plan.next).toMatchObject({
      status: 'failed',
      certificateNo: '',
      platformRegistered: false,
      creditBank: false,
    });
    expect(plan.warnings[0].reason).toBe('已录入的结果“通过”将改为“未通过”，证书编号“C1”将清除');
    // The same result again changes nothing.
    expect(planResult(plan.next, sheet({ outcome: 'failed', score: 50 })).changed).toBe(false);
  });

  it('in the result table: 已报名/已缴费 take any result, 缺考 is final', () => {
    expect(resultEntryProblem('registered', 'passed')).toBeNull();
    expect(resultEntryProblem('paid', 'absent')).toBeNull();
    expect(resultEntryProblem('failed', 'passed')).toBeNull();
    expect(resultEntryProblem('absent', 'passed')).toContain('最终状态');
    expect(resultEntryProblem('registered', 'withdrawn')).toBeNull();
    expect(resultEntryProblem('examined', 'violation')).toContain('只在“考勤登记”中更正');
    expect(resultEntryProblem('examined', 'failed')).toBeNull();
  });
});

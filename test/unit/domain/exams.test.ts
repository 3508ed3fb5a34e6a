import { describe, expect, it } from 'vitest';
import {
  allowedNextStatuses,
  attendanceOf,
  attendanceProblem,
  canMoveTo,
  emptyResult,
  resultFieldProblems,
  signupStatuses,
  transitionProblem,
} from '../../../shared/domain/exams';

describe('sign-up status flow', () => {
  it('follows 已报名 → 已缴费 → 已考 → 通过/未通过/缺考, 撤销 from any non-final status', () => {
    expect(canMoveTo('registered', 'paid')).toBe(true);
    expect(canMoveTo('paid', 'examined')).toBe(true);
    expect(canMoveTo('examined', 'passed')).toBe(true);
    expect(canMoveTo('examined', 'failed')).toBe(true);
    expect(canMoveTo('examined', 'absent')).toBe(true);
    expect(canMoveTo('paid', 'absent')).toBe(true);
    for (const from of ['registered', 'paid', 'examined'] as const) {
      expect(canMoveTo(from, 'withdrawn')).toBe(true);
    }
    for (const from of ['passed', 'failed', 'absent', 'withdrawn'] as const) {
      expect(canMoveTo(from, 'withdrawn')).toBe(false);
    }
  });

  it('refuses skipping steps and leaving final statuses, with a message naming both', () => {
    expect(canMoveTo('registered', 'passed')).toBe(false);
    expect(canMoveTo('registered', 'examined')).toBe(false);
    expect(transitionProblem('registered', 'passed')).toBe(
      '不能从“已报名”改为“通过”：“已报名”只能改为“已缴费”、“已撤销”',
    );
    expect(transitionProblem('withdrawn', 'registered')).toContain('最终状态');
    expect(allowedNextStatuses('absent')).toEqual([]);
    // Staying put is never a problem.
    for (const s of signupStatuses) expect(transitionProblem(s, s)).toBeNull();
    // Correcting a grading mistake.
    expect(canMoveTo('passed', 'failed')).toBe(true);
    expect(canMoveTo('failed', 'passed')).toBe(true);
  });
});

describe('违纪 and attendance', () => {
  it('takes 违纪 from 已缴费 and 已考, final like 缺考, and never with a score', () => {
    expect(canMoveTo('paid', 'violation')).toBe(true);
    expect(canMoveTo('examined', 'violation')).toBe(true);
    expect(canMoveTo('registered', 'violation')).toBe(false);
    expect(allowedNextStatuses('violation')).toEqual([]);
    expect(canMoveTo('violation', 'withdrawn')).toBe(false);
    expect(resultFieldProblems('violation', { ...emptyResult, score: 60 })[0]?.field).toBe('score');
  });

  it('records attendance from the sign-in sheet and corrects it only before a result', () => {
    expect(attendanceOf('paid')).toBeNull();
    expect(attendanceOf('passed')).toBe('present');
    expect(attendanceOf('violation')).toBe('violation');
    expect(attendanceProblem('registered', 'present')).toBeNull();
    expect(attendanceProblem('paid', 'violation')).toBeNull();
    expect(attendanceProblem('absent', 'present')).toBeNull();
    expect(attendanceProblem('violation', 'absent')).toBeNull();
    // Nothing changes: no problem.
    expect(attendanceProblem('failed', 'present')).toBeNull();
    expect(attendanceProblem('passed', 'absent')).toContain('已录入结果“通过”');
    expect(attendanceProblem('examined', 'violation', 72)).toContain('已录入成绩');
    expect(attendanceProblem('withdrawn', 'present')).toBe('报名已撤销，不能登记考勤');
  });
});

describe('result fields by status', () => {
  it('allows a score once sat, a certificate only for 通过', () => {
    expect(resultFieldProblems('examined', { ...emptyResult, score: 60 })).toEqual([]);
    expect(resultFieldProblems('registered', { ...emptyResult, score: 60 })[0].field).toBe('score');
    expect(resultFieldProblems('absent', { ...emptyResult, score: 0 })[0].field).toBe('score');
    const failed = resultFieldProblems('failed', {
      ...emptyResult,
      certificateNo: 'A1',
      issuedOn: '2020-12-01',
    });
    expect(failed.map((p) => p.field)).toEqual(['certificateNo', 'issuedOn']);
    expect(
      resultFieldProblems('passed', {
        ...emptyResult,
        certificateNo: 'A1',
        issuedOn: '2020-12-01',
      }),
    ).toEqual([]);
  });

  it('credit bank only for a pass registered on the platform (rule 10)', () => {
    expect(
      resultFieldProblems('passed', { ...emptyResult, platformRegistered: true, creditBank: true }),
    ).toEqual([]);
    expect(
      resultFieldProblems('passed', { ...emptyResult, creditBank: true }).map((p) => p.field),
    ).toEqual(['creditBank']);
    expect(
      resultFieldProblems('failed', {
        ...emptyResult,
        platformRegistered: true,
        creditBank: true,
      }).map((p) => p.field),
    ).toEqual(['platformRegistered', 'creditBank']);
  });
});

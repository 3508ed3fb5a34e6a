import {
  resultFieldProblems,
  scoredStatuses,
  signupStatusLabels,
  transitionProblem,
  type ResultField,
  type SignupStatus,
} from './exams';
import { normalizeText } from './text';

/**
 * Results back in: what one row of an evaluation organization's result sheet
 * makes of a sign-up. Pure, so the preview and the commit (and any page) decide alike.
 */

/** What a result sheet says of a candidate. 已考: a score without a verdict. */
export type SheetOutcome = 'passed' | 'failed' | 'absent' | 'violation' | 'examined';

/** Outcomes that are no sitting: no score goes with them (缺考, 违纪). */
export const noShowOutcomes: readonly SheetOutcome[] = ['absent', 'violation'];

const passWords = [
  '通过',
  '合格',
  '已通过',
  '考核通过',
  '是',
  'pass',
  'passed',
  'y',
  'yes',
  '√',
  '✓',
];
const failWords = [
  '未通过',
  '不通过',
  '不合格',
  '未合格',
  '否',
  'fail',
  'failed',
  'n',
  'no',
  '×',
  '✗',
];
const absentWords = ['缺考', '缺席', '缺', '未参考', '未参加', '未考', 'absent'];
const violationWords = ['违纪', '违规', '作弊', '考试违纪', '成绩无效', 'violation'];

const wordKey = (text: string) => normalizeText(text).replace(/\s+/g, '').toLowerCase();

/** A 考核结果 / 是否通过 cell: 通过 / 未通过 / 缺考 / 违纪 and their usual spellings; '' is none. */
export function parseOutcome(text: string): Exclude<SheetOutcome, 'examined'> | null | undefined {
  const key = wordKey(text);
  if (key === '') return null;
  if (passWords.includes(key)) return 'passed';
  if (failWords.includes(key)) return 'failed';
  if (absentWords.includes(key)) return 'absent';
  if (violationWords.includes(key)) return 'violation';
  return undefined;
}

/** A score cell: a number 0–1000 (a trailing 分 allowed), 缺考 written in its place, or none. */
export function parseScore(text: string): number | 'absent' | null | undefined {
  const key = wordKey(text).replace(/分$/, '');
  if (key === '') return null;
  if (absentWords.includes(key)) return 'absent';
  if (!/^\d+(\.\d+)?$/.test(key)) return undefined;
  const value = Number(key);
  return value <= 1000 ? value : undefined;
}

/** Theory × its share + practical × the rest, to one decimal: 40% of 82 and 60% of 76 is 78.4. */
export function weightedTotal(theory: number, practical: number, theoryWeight: number): number {
  return Math.round((theory * theoryWeight + practical * (100 - theoryWeight)) * 10) / 1000;
}

/** 通过 at or above the pass line. */
export const passesLine = (score: number, passScore: number) => score >= passScore;

/** The result fields a sign-up carries, as saved. */
export interface SavedResult {
  status: SignupStatus;
  score: number | null;
  /** The parts of the score when the organization gives them (migration 016). */
  theoryScore: number | null;
  practicalScore: number | null;
  /** The organization's 准考证号, '' until a result sheet gives it. */
  admissionNo: string;
  certificateNo: string;
  issuedOn: string;
  platformRegistered: boolean;
  creditBank: boolean;
}

/** Exactly the result fields of a sign-up (or of anything that carries them), in this order. */
export function savedResultOf(s: SavedResult): SavedResult {
  return {
    status: s.status,
    score: s.score,
    theoryScore: s.theoryScore,
    practicalScore: s.practicalScore,
    admissionNo: s.admissionNo,
    certificateNo: s.certificateNo,
    issuedOn: s.issuedOn,
    platformRegistered: s.platformRegistered,
    creditBank: s.creditBank,
  };
}

/** One row of the sheet, read: '' and null where the sheet says nothing. */
export interface SheetResult extends Pick<
  SavedResult,
  'score' | 'theoryScore' | 'practicalScore' | 'admissionNo' | 'certificateNo' | 'issuedOn'
> {
  outcome: SheetOutcome;
}

export type SheetField = 'result' | Exclude<keyof SheetResult, 'outcome'>;

export interface ResultProblem {
  /** The sheet's field the problem is about; null for the whole row. */
  field: SheetField | null;
  reason: string;
  /** The title its rows are grouped under. */
  group: string;
}

export interface ResultPlan {
  /** The sign-up after the row; equal to the saved one when `changed` is false. */
  next: SavedResult;
  changed: boolean;
  /** Block the row (a withdrawn sign-up, a sheet contradicting a recorded result). */
  errors: ResultProblem[];
  /** Shown, not blocking (attendance wins over the sheet, a recorded result corrected). */
  warnings: ResultProblem[];
}

export const RESULT_GROUPS = {
  withdrawn: '报名已撤销',
  clash: '与已录入的结果冲突',
  contradiction: '成绩单本身前后矛盾',
  attendance: '考勤与成绩单不一致（以考勤为准）',
  corrected: '将更改已录入的结果',
} as const;

const label = (status: SignupStatus | SheetOutcome) => `“${signupStatusLabels[status]}”`;

const resultFieldToSheet: Partial<Record<ResultField, SheetField>> = {
  score: 'score',
  certificateNo: 'certificateNo',
  issuedOn: 'issuedOn',
};

/**
 * What the row makes of the sign-up. The sheet is proof of sitting the exam, so a sign-up still
 * 已报名 or 已缴费 takes the result directly. Attendance recorded on exam day wins: a sign-up
 * marked 缺考 keeps it whatever the sheet says, and one marked 已考 is not made 缺考; both are
 * listed as warnings. A 缺考 on the sheet for a recorded 通过/未通过, or a withdrawn sign-up, is
 * an error. Empty cells keep what is saved; a result that is no pass clears the certificate.
 */
export function planResult(saved: SavedResult, sheet: SheetResult): ResultPlan {
  const errors: ResultProblem[] = [];
  const warnings: ResultProblem[] = [];
  const unchanged = (): ResultPlan => ({ next: saved, changed: false, errors, warnings });
  const keepAdmission = (): ResultPlan => {
    const next = { ...saved, admissionNo: sheet.admissionNo || saved.admissionNo };
    return { next, changed: next.admissionNo !== saved.admissionNo, errors, warnings };
  };

  if (saved.status === 'withdrawn') {
    errors.push({
      field: null,
      reason: '该考生在本批次的报名已撤销，不能录入成绩；如确需录入，请先重新报名',
      group: RESULT_GROUPS.withdrawn,
    });
    return unchanged();
  }
  // 缺考 and 违纪 recorded on exam day: no score goes in, whatever the sheet says.
  if (saved.status === 'absent' || saved.status === 'violation') {
    if (sheet.outcome !== saved.status) {
      warnings.push({
        field: 'result',
        reason: `考勤记录为${label(saved.status)}，成绩单为${label(sheet.outcome)}：以考勤为准，此行成绩不导入`,
        group: RESULT_GROUPS.attendance,
      });
    }
    return keepAdmission();
  }
  if (sheet.outcome === 'absent' || sheet.outcome === 'violation') {
    if (saved.status === 'examined') {
      warnings.push({
        field: 'result',
        reason: `考勤记录为“已考”，成绩单为${label(sheet.outcome)}：以考勤为准，保持“已考”`,
        group: RESULT_GROUPS.attendance,
      });
      return keepAdmission();
    }
    if (saved.status === 'passed' || saved.status === 'failed') {
      errors.push({
        field: 'result',
        reason: `已录入的结果为${label(saved.status)}，成绩单却为${label(sheet.outcome)}，请与培训评价组织核对`,
        group: RESULT_GROUPS.clash,
      });
      return unchanged();
    }
  }

  const recorded = saved.status === 'passed' || saved.status === 'failed';
  const status: SignupStatus =
    sheet.outcome === 'examined' ? (recorded ? saved.status : 'examined') : sheet.outcome;

  // The sheet's own fields must fit its verdict (未通过 with a certificate number…).
  for (const p of resultFieldProblems(status, {
    score: sheet.score,
    certificateNo: sheet.certificateNo,
    issuedOn: sheet.issuedOn,
    platformRegistered: false,
    creditBank: false,
  })) {
    errors.push({
      field: resultFieldToSheet[p.field] ?? null,
      reason: p.message,
      group: RESULT_GROUPS.contradiction,
    });
  }
  if (errors.length > 0) return unchanged();

  const scored = scoredStatuses.includes(status);
  const passed = status === 'passed';
  const next: SavedResult = {
    status,
    score: scored ? (sheet.score ?? saved.score) : null,
    theoryScore: scored ? (sheet.theoryScore ?? saved.theoryScore) : null,
    practicalScore: scored ? (sheet.practicalScore ?? saved.practicalScore) : null,
    admissionNo: sheet.admissionNo || saved.admissionNo,
    certificateNo: passed ? sheet.certificateNo || saved.certificateNo : '',
    issuedOn: passed ? sheet.issuedOn || saved.issuedOn : '',
    platformRegistered: passed && saved.platformRegistered,
    creditBank: passed && saved.creditBank,
  };

  if (recorded && status !== saved.status) {
    const dropped = saved.certificateNo ? `，证书编号“${saved.certificateNo}”将清除` : '';
    warnings.push({
      field: 'result',
      reason: `已录入的结果${label(saved.status)}将改为${label(status)}${dropped}`,
      group: RESULT_GROUPS.corrected,
    });
  }
  if (saved.certificateNo && sheet.certificateNo && saved.certificateNo !== sheet.certificateNo) {
    warnings.push({
      field: 'certificateNo',
      reason: `已录入的证书编号“${saved.certificateNo}”将改为“${sheet.certificateNo}”`,
      group: RESULT_GROUPS.corrected,
    });
  }
  if (saved.admissionNo && sheet.admissionNo && saved.admissionNo !== sheet.admissionNo) {
    warnings.push({
      field: 'admissionNo',
      reason: `已记录的准考证号“${saved.admissionNo}”将改为“${sheet.admissionNo}”`,
      group: RESULT_GROUPS.corrected,
    });
  }
  const changed = (Object.keys(next) as (keyof SavedResult)[]).some((k) => next[k] !== saved[k]);
  return { next, changed, errors, warnings };
}

/** The statuses a result is entered as, on the sheet or in the batch page's result table. */
export const resultStatuses = ['examined', 'passed', 'failed', 'absent', 'violation'] as const;

/**
 * Why a sign-up in `from` cannot be given the result `to` in the batch page's result table; null
 * when it can. Entering a result proves the sitting, so 已报名 and 已缴费 take any result in one
 * step; otherwise the status flow's own rules apply (通过 ↔ 未通过 corrected, 缺考 final). 已考
 * records attendance as 实考: making it 缺考 or 违纪 corrects attendance, which is done only on
 * 考勤登记 (README), so the table does not offer it.
 */
export function resultEntryProblem(from: SignupStatus, to: SignupStatus): string | null {
  if ((from === 'registered' || from === 'paid') && resultStatuses.some((s) => s === to)) {
    return null;
  }
  if (from === 'examined' && (to === 'absent' || to === 'violation')) {
    return `考勤已登记为“实考”（已考），不能在结果中改为“${signupStatusLabels[to]}”：考勤只在“考勤登记”中更正`;
  }
  return transitionProblem(from, to);
}

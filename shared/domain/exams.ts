import type { RowVerdict } from './bulk';

/**
 * Exam sign-ups (考核报名): the status flow and which result fields each status allows. Pure
 * rules shared by the forms and the core (notice rules 9 and 10).
 */

export const signupStatuses = [
  'registered',
  'paid',
  'examined',
  'passed',
  'failed',
  'absent',
  'violation',
  'withdrawn',
] as const;
export type SignupStatus = (typeof signupStatuses)[number];

export const signupStatusLabels: Record<SignupStatus, string> = {
  registered: '已报名',
  paid: '已缴费',
  examined: '已考',
  passed: '通过',
  failed: '未通过',
  absent: '缺考',
  violation: '违纪',
  withdrawn: '已撤销',
};

/** Ant Design tag colours, so every table shows a status the same way. */
export const signupStatusColors: Record<SignupStatus, string> = {
  registered: 'blue',
  paid: 'cyan',
  examined: 'geekblue',
  passed: 'green',
  failed: 'red',
  absent: 'orange',
  violation: 'volcano',
  withdrawn: 'default',
};

/** Outcomes and withdrawals: nothing moves on from here (except correcting a grading mistake). */
export const finalStatuses: readonly SignupStatus[] = [
  'passed',
  'failed',
  'absent',
  'violation',
  'withdrawn',
];

export function isFinalStatus(status: SignupStatus): boolean {
  return finalStatuses.includes(status);
}

/**
 * 已报名 → 已缴费 → 已考 → 通过 / 未通过 / 缺考; 缺考 and 违纪 also straight from 已缴费 (违纪
 * from 已考 too: found out after the sitting); 撤销 from any status that is not final; a result
 * of 通过 and 未通过 may be corrected into the other. 缺考 and 违纪 are final here: the one place
 * they can be corrected is the attendance record itself (`attendanceProblem`), before a result.
 */
const transitions: Record<SignupStatus, readonly SignupStatus[]> = {
  registered: ['paid', 'withdrawn'],
  paid: ['examined', 'absent', 'violation', 'withdrawn'],
  examined: ['passed', 'failed', 'absent', 'violation', 'withdrawn'],
  passed: ['failed'],
  failed: ['passed'],
  absent: [],
  violation: [],
  withdrawn: [],
};

export function allowedNextStatuses(from: SignupStatus): readonly SignupStatus[] {
  return transitions[from];
}

export function canMoveTo(from: SignupStatus, to: SignupStatus): boolean {
  return transitions[from].includes(to);
}

/** Why `from` cannot become `to`, in Chinese; null when it can (or nothing changes). */
export function transitionProblem(from: SignupStatus, to: SignupStatus): string | null {
  if (from === to || canMoveTo(from, to)) return null;
  const next = transitions[from];
  const options =
    next.length === 0
      ? `“${signupStatusLabels[from]}”是最终状态，不能再更改`
      : `“${signupStatusLabels[from]}”只能改为${next.map((s) => `“${signupStatusLabels[s]}”`).join('、')}`;
  return `不能从“${signupStatusLabels[from]}”改为“${signupStatusLabels[to]}”：${options}`;
}

/**
 * The statuses that have a score: the exam was sat and counts (实考). 缺考 and 违纪 have none: a
 * 违纪 candidate was in the room, but the sitting is void, so neither gets a score and neither
 * is in 实考 or the pass rate; both are live sign-ups whose fee is still owed.
 */
export const scoredStatuses: readonly SignupStatus[] = ['examined', 'passed', 'failed'];

/**
 * 考勤 (attendance) on exam day, from the sign-in sheet: 实考 makes a sign-up 已考, 缺考 and 违纪
 * their own statuses.
 */
export const attendanceMarks = ['present', 'absent', 'violation'] as const;
export type AttendanceMark = (typeof attendanceMarks)[number];

export const attendanceMarkLabels: Record<AttendanceMark, string> = {
  present: '实考',
  absent: '缺考',
  violation: '违纪',
};

/** The status a mark records. */
export const attendanceStatus: Record<AttendanceMark, SignupStatus> = {
  present: 'examined',
  absent: 'absent',
  violation: 'violation',
};

/** The mark a status shows on the attendance screen; null while attendance is not recorded. */
export function attendanceOf(status: SignupStatus): AttendanceMark | null {
  if (scoredStatuses.includes(status)) return 'present';
  if (status === 'absent' || status === 'violation') return status;
  return null;
}

/**
 * Why a sign-up in `from` cannot take the attendance mark `mark`; null when it can (or nothing
 * changes). Attendance is recorded for a sign-up 已缴费 (or 已报名: the sign-in sheet proves the
 * candidate was on the list, as a result sheet does), and may be corrected between 实考, 缺考 and
 * 违纪 while no result (通过/未通过, a score) is recorded — a wrong tick on the sign-in sheet is
 * put right where it was made, audited like every change. A withdrawn sign-up takes none.
 */
export function attendanceProblem(
  from: SignupStatus,
  mark: AttendanceMark,
  score: number | null = null,
): string | null {
  if (attendanceOf(from) === mark) return null;
  if (from === 'withdrawn') return '报名已撤销，不能登记考勤';
  if (from === 'passed' || from === 'failed') {
    return `已录入结果“${signupStatusLabels[from]}”，不能再更改考勤；如结果有误，请先在成绩中更正`;
  }
  if (score !== null) return '已录入成绩，不能改为“缺考”或“违纪”：缺考、违纪的考生没有成绩';
  return null;
}

export interface SignupResultFields {
  score: number | null;
  certificateNo: string;
  /** ISO date, '' when none. */
  issuedOn: string;
  platformRegistered: boolean;
  creditBank: boolean;
}

export type ResultField = keyof SignupResultFields;

/**
 * Which result fields a sign-up in `status` may carry: a score once the exam was sat; the
 * certificate number and issue date only for 通过; the credit-bank flags only for a pass
 * registered on the platform (notice rule 10). Each problem names its field.
 */
export function resultFieldProblems(
  status: SignupStatus,
  fields: SignupResultFields,
): { field: ResultField; message: string }[] {
  const problems: { field: ResultField; message: string }[] = [];
  const label = signupStatusLabels[status];
  if (fields.score !== null && !scoredStatuses.includes(status)) {
    problems.push({
      field: 'score',
      message: `状态为“${label}”时不能录入成绩：只有已考、通过、未通过的报名才有成绩`,
    });
  }
  if (status !== 'passed') {
    if (fields.certificateNo !== '') {
      problems.push({
        field: 'certificateNo',
        message: `状态为“${label}”时不能录入证书编号：只有“通过”的报名才有证书`,
      });
    }
    if (fields.issuedOn !== '') {
      problems.push({
        field: 'issuedOn',
        message: `状态为“${label}”时不能录入发证日期：只有“通过”的报名才有证书`,
      });
    }
    if (fields.platformRegistered) {
      problems.push({
        field: 'platformRegistered',
        message: `状态为“${label}”时不能标记“平台已登记”：只有通过的成绩才在平台登记`,
      });
    }
  }
  if (fields.creditBank && !(status === 'passed' && fields.platformRegistered)) {
    problems.push({
      field: 'creditBank',
      message:
        '只有通过且已在平台登记的成绩才能转入学分银行（试点通知第四条）：请先确认状态为“通过”并勾选“平台已登记”',
    });
  }
  return problems;
}

/** What a sign-up already has that a status change would contradict. */
const recordedResultLabels: Record<ResultField, string> = {
  score: '已录入成绩',
  certificateNo: '已录入证书编号',
  issuedOn: '已录入发证日期',
  platformRegistered: '已标记平台登记',
  creditBank: '已转入学分银行',
};

/**
 * What a bulk status change makes of one sign-up: nothing when it is already there, else the
 * transition and result-field rules above decide (the reason is the first problem).
 */
export function statusChangeVerdict(
  signup: SignupResultFields & { status: SignupStatus },
  to: SignupStatus,
): RowVerdict {
  if (signup.status === to) return 'unchanged';
  const field = resultFieldProblems(to, signup)[0]?.field;
  // A status change enters no result: what stands in the way is the result already recorded.
  const problem =
    transitionProblem(signup.status, to) ??
    (field ? `${recordedResultLabels[field]}，不能改为“${signupStatusLabels[to]}”` : null);
  return problem ? { reason: problem } : 'apply';
}

/** The result fields empty, as a sign-up starts. */
export const emptyResult: SignupResultFields = {
  score: null,
  certificateNo: '',
  issuedOn: '',
  platformRegistered: false,
  creditBank: false,
};

/** The year an exam date (2020-09-01) falls in: the pilot project year it belongs to. */
export function examYear(examDate: string): number {
  return Number(examDate.slice(0, 4));
}

/** Who pays a sign-up's fee; there is deliberately no training fee (notice rule 12). */
export const payers = ['school', 'subsidy', 'student'] as const;
export type Payer = (typeof payers)[number];

export const payerLabels: Record<Payer, string> = {
  school: '学校承担',
  subsidy: '财政补助',
  student: '学生自愿自费',
};

import { afterTodayProblem, formatChineseDate } from './dates';
import { scoredStatuses, signupStatusLabels, type SignupStatus } from './exams';

/**
 * What the calendar allows a sign-up: attendance and results exist only from the exam day on, and
 * a certificate is issued on or after it and not later than today. Pure, so the core's saves,
 * the result import and any page decide alike.
 */

/** The statuses recorded on or after exam day: attendance (实考, 缺考, 违纪) and results. */
export const examDayStatuses: readonly SignupStatus[] = [...scoredStatuses, 'absent', 'violation'];

/** A batch's 考核日期 and today's date in China, both `YYYY-MM-DD`. */
export interface ExamDay {
  examDate: string;
  today: string;
}

/** Whether the batch's exam day has not come yet. */
export const examAhead = ({ examDate, today }: ExamDay) => examDate > today;

/** Why a sign-up cannot be given `status` yet (its exam is after today); null when it can. */
export function beforeExamProblem(day: ExamDay, status: SignupStatus): string | null {
  if (!examAhead(day) || !examDayStatuses.includes(status)) return null;
  return `考核日期为${formatChineseDate(day.examDate)}，尚未考核，不能登记“${signupStatusLabels[status]}”；请在考核当天或之后登记考勤和结果`;
}

/** Why `issuedOn` cannot be a 发证日期 (before the exam, or after today); null when it can or is ''. */
export function issuedOnProblem(day: ExamDay, issuedOn: string): string | null {
  if (issuedOn === '') return null;
  const on = formatChineseDate(issuedOn);
  if (issuedOn < day.examDate) {
    return `发证日期${on}早于考核日期${formatChineseDate(day.examDate)}，请核对`;
  }
  return afterTodayProblem('发证日期', issuedOn, day.today);
}

/** Both checks for a result as it would be saved, each problem naming its field. */
export function examDayProblems(
  day: ExamDay,
  result: { status: SignupStatus; issuedOn: string },
): { field: 'status' | 'issuedOn'; message: string }[] {
  const problems: { field: 'status' | 'issuedOn'; message: string }[] = [];
  const early = beforeExamProblem(day, result.status);
  if (early) problems.push({ field: 'status', message: early });
  const issued = issuedOnProblem(day, result.issuedOn);
  if (issued) problems.push({ field: 'issuedOn', message: issued });
  return problems;
}

/**
 * Why a batch whose sign-ups already carry attendance or certificates cannot have `day.examDate`
 * as its 考核日期 (an exam after today, or after a certificate was issued); null when it can.
 */
export function examDateMoveProblem(
  day: ExamDay,
  recorded: { sitting: number; firstIssuedOn: string | null },
): string | null {
  if (recorded.sitting > 0 && examAhead(day)) {
    return `该批次已有 ${recorded.sitting} 名考生登记了考勤或结果，考核日期不能晚于今天（${formatChineseDate(day.today)}）`;
  }
  if (recorded.firstIssuedOn !== null && recorded.firstIssuedOn < day.examDate) {
    return `该批次已有证书的发证日期为${formatChineseDate(recorded.firstIssuedOn)}，考核日期不能晚于发证日期`;
  }
  return null;
}

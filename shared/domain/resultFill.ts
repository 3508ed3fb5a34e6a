import {
  isFinalStatus,
  signupStatusLabels,
  type SignupResultFields,
  type SignupStatus,
} from './exams';
import { resultEntryProblem } from './examResults';

/**
 * What 批量录入结果's 本页全部设为… does to one row: set it (`apply`), nothing (`same`), or leave
 * it and why. A fill-down only fills rows still waiting for a result: a recorded result
 * (通过/未通过/缺考/违纪) is corrected one row at a time, never by a fill-down, so one click cannot
 * undo passes and their certificates. `attendance`: 已考 cannot become 缺考/违纪 here — the only
 * other result a waiting row can be refused (`resultEntryProblem`).
 */
export type FillVerdict = 'apply' | 'same' | 'hasResult' | 'withdrawn' | 'attendance';

export function fillVerdict(from: SignupStatus, to: SignupStatus): FillVerdict {
  if (from === to) return 'same';
  if (from === 'withdrawn') return 'withdrawn';
  if (isFinalStatus(from)) return 'hasResult';
  return resultEntryProblem(from, to) === null ? 'apply' : 'attendance';
}

/**
 * What saving `after` over a recorded pass takes away, each named for the person to confirm:
 * the pass itself, a certificate number or issue date left empty, and the platform and
 * credit-bank flags, which only a pass keeps (notice rule 10). Empty when nothing is lost.
 */
export function passLosses(
  before: SignupResultFields & { status: SignupStatus },
  after: { status: SignupStatus; certificateNo: string; issuedOn: string },
): string[] {
  if (before.status !== 'passed') return [];
  const stillPassed = after.status === 'passed';
  const lost: string[] = [];
  if (!stillPassed) lost.push(`结果“通过”（改为“${signupStatusLabels[after.status]}”）`);
  if (before.certificateNo && !after.certificateNo.trim()) {
    lost.push(`证书编号“${before.certificateNo}”`);
  }
  if (before.issuedOn && !after.issuedOn) lost.push(`发证日期 ${before.issuedOn}`);
  if (!stillPassed && before.platformRegistered) lost.push('平台已登记');
  if (!stillPassed && before.creditBank) lost.push('已转入学分银行');
  return lost;
}

import type { Violation } from '../../../../shared/contract/dashboard';
import type { FeeViolations } from '../../../../shared/contract/fees';
import type { FundLine } from '../../../../shared/contract/funds';
import type { ProjectCheck } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { examFormLabels } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { fundYear } from '../../../../shared/domain/funds';
import { formatFen } from '../../../../shared/domain/money';
import {
  alertLevelLabels,
  notOnTimeRunText,
  type AlertSummary,
} from '../../../../shared/domain/weeklyReports';

/** Projects still in play (not 未通过 or 取消资格) whose self-check has failures. */
export function selfCheckViolations(projects: readonly ProjectCheck[]): Violation[] {
  return projects
    .filter((p) => p.status !== 'rejected' && p.status !== 'revoked' && p.selfCheck.fail > 0)
    .map((p) => ({
      kind: 'selfCheck',
      title: `${p.year}年 ${p.certificateName}：资格自查有 ${p.selfCheck.fail} 项不符合`,
      detail: p.verdicts
        .filter((v) => v.level === 'fail')
        .map((v) => v.message)
        .join(' '),
      route: `projects/${p.id}`,
    }));
}

/** Up to five names, then how many in all (`total` when the list holds only the first ones). */
const names = (list: readonly string[], total = list.length) =>
  total > 5 ? `${list.slice(0, 5).join('、')} 等 ${total} 人` : list.join('、');

/**
 * Rules 11 and 13 from the fee ledger's checks: one line per batch over its cap, one per batch
 * whose fee cannot be checked for want of a cap, one per batch above its 费用协商 (a warning), one for the rule-13 violations (只有自费) and one for its to-do
 * (尚未安排).
 */
export function feeRuleViolations(fees: FeeViolations): Violation[] {
  const out: Violation[] = [];
  const byBatch = new Map<number, FeeViolations['overCap']>();
  for (const v of fees.overCap) byBatch.set(v.batchId, [...(byBatch.get(v.batchId) ?? []), v]);
  for (const [batchId, list] of byBatch) {
    const first = list[0];
    const students = list.flatMap((v) => (v.name ? [v.name] : []));
    const batchOver = list.find((v) => v.kind === 'batch');
    out.push({
      kind: 'feeOverCap',
      title: `${first.certificateName}（${certificateLevelLabels[first.level]}）${first.batchLabel}：考核费超过成本上限`,
      detail: [
        batchOver ? `批次考核费 ${formatFen(batchOver.feeFen)}` : '',
        students.length > 0 ? `${names(students)}的报名费用超过上限` : '',
        `依据 ${first.limitText}`,
      ]
        .filter(Boolean)
        .join('；'),
      route: batchOver ? `exams/${batchId}` : 'fees/rules',
    });
  }
  for (const v of fees.capMissing) {
    const what = `${certificateLevelLabels[v.level]}${v.examForm === null ? '' : `（${examFormLabels[v.examForm]}）`}`;
    out.push({
      kind: 'feeCapMissing',
      title: `${v.certificateName}（${certificateLevelLabels[v.level]}）${v.batchLabel}：没有适用的考核成本上限，无法核对考核费`,
      detail: `最高收费 ${formatFen(v.feeFen)}，但 ${formatChineseDate(v.examDate)} 没有适用于${what}的考核成本上限，不能判断是否超过上限。请在证书目录中为“${v.certificateName}”${what}录入该日期适用的考核成本上限及其文件号，或核对批次的考核日期和考核形式。`,
      route: 'catalogue',
    });
  }
  for (const v of fees.aboveAgreement) {
    out.push({
      kind: 'feeAboveAgreement',
      title: `${v.batchLabel}：考核费高于协商费用`,
      detail: `批次考核费 ${formatFen(v.feeFen)}，${formatChineseDate(v.agreedOn)}协商的费用为 ${formatFen(v.agreedFen)}。请核对是否按协商费用收费。`,
      route: `exams/${v.batchId}`,
    });
  }
  if (fees.schoolPaid.length > 0) {
    out.push({
      kind: 'schoolPaid',
      title: `${fees.schoolPaid.length} 名试点学生只有自费的考核，没有由学校承担或财政补助的考核`,
      detail: `${names(fees.schoolPaid.map((s) => `${s.name}（${s.studentNo}）`))}。通知要求学校至少为每名试点学生承担一个证书的考核费用。`,
      route: 'fees/rules',
    });
  }
  const todo = fees.unscheduled;
  if (todo.count > 0) {
    out.push({
      kind: 'schoolPaidTodo',
      title: `${todo.count} 名试点学生尚未安排考核`,
      detail: `${names(
        todo.students.map((s) => `${s.name}（${s.studentNo}）`),
        todo.count,
      )}还没有有效的考核报名（已撤销的不算）。请为每人安排至少一个由学校承担或财政补助的证书考核。`,
      route: 'fees/rules',
    });
  }
  return out;
}

/**
 * Rule 16: overdue weekly reports now (from the first missed period on), and every run of
 * periods not filed on time that reached the threshold — a fact late filing does not clear.
 */
export function weeklyViolations(alert: AlertSummary): Violation[] {
  const current: Violation[] =
    alert.level === 'none'
      ? []
      : [
          {
            kind: 'weeklyReport',
            title: `周报：${alertLevelLabels[alert.level]}（${alert.missedLabels.length} 期逾期未报送）`,
            detail: `逾期未报送：${alert.missedLabels.join('、')}。连续 ${alert.threshold} 期未按时报送可能被取消试点资格。`,
            route: 'weekly',
          },
        ];
  const facts = alert.notOnTimeRuns.map((run): Violation => ({
    kind: 'weeklyReport',
    title: `周报：已发生连续 ${run.starts.length} 期未按时报送`,
    detail: notOnTimeRunText(run),
    route: 'weekly',
  }));
  return [...current, ...facts];
}

/**
 * 试点经费 (rule 16: irregular use of funds or charging students): one line per year whose
 * spending has no document (a warning; `undocumented`: every year's, `undocumentedSpending`, so
 * an earlier year's gap stays listed after the year turns), one per 学生自愿自费 income whose
 * sign-up no longer passes rule 12 (a breach), of any year (`studentMoney`,
 * `studentMoneyProblems`).
 */
export function fundsViolations(
  undocumented: readonly FundLine[],
  studentMoney: readonly FundLine[],
): Violation[] {
  const out: Violation[] = [];
  const byYear = new Map<number, FundLine[]>();
  for (const l of undocumented) {
    const year = fundYear(l.date);
    byYear.set(year, [...(byYear.get(year) ?? []), l]);
  }
  for (const [year, lines] of [...byYear].sort(([a], [b]) => b - a)) {
    out.push({
      kind: 'fundsDocument',
      title: `${year}年度试点经费：${lines.length} 笔支出没有凭证`,
      detail:
        lines
          .slice(0, 5)
          .map((l) => `${formatChineseDate(l.date)} ${l.categoryLabel} ${formatFen(l.amountFen)}`)
          .join('；') + (lines.length > 5 ? ` 等 ${lines.length} 笔` : ''),
      route: `funds/${year}`,
    });
  }
  for (const l of studentMoney) {
    if (l.problem === null) continue;
    const year = l.date.slice(0, 4);
    out.push({
      kind: 'fundsStudentMoney',
      title: `${year}年度试点经费：来自学生的收入不符合规定`,
      detail: l.problem,
      route: l.projectId === null ? `funds/${year}` : `funds/${year}/${l.projectId}`,
    });
  }
  return out;
}

import type { Violation } from '../../../../shared/contract/dashboard';
import type { FeeViolations } from '../../../../shared/contract/fees';
import type { ProjectCheck } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { formatFen } from '../../../../shared/domain/money';
import { alertLevelLabels, type AlertSummary } from '../../../../shared/domain/weeklyReports';

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

const names = (list: readonly string[]) =>
  list.length > 5 ? `${list.slice(0, 5).join('、')} 等 ${list.length} 人` : list.join('、');

/** Rules 11 and 13 from the fee ledger's checks: one line per batch over its cap, one for rule 13. */
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
  if (fees.schoolPaid.length > 0) {
    out.push({
      kind: 'schoolPaid',
      title: `${fees.schoolPaid.length} 名试点学生没有由学校承担或财政补助的考核`,
      detail: `${names(fees.schoolPaid.map((s) => `${s.name}（${s.studentNo}）`))}。通知要求学校至少为每名试点学生承担一个证书的考核费用。`,
      route: 'fees/rules',
    });
  }
  return out;
}

/** Overdue weekly reports, from the first missed period on (rule 16). */
export function weeklyViolations(alert: AlertSummary): Violation[] {
  if (alert.level === 'none') return [];
  return [
    {
      kind: 'weeklyReport',
      title: `周报：${alertLevelLabels[alert.level]}（${alert.missedLabels.length} 期逾期未报送）`,
      detail: `逾期未报送：${alert.missedLabels.join('、')}。连续三期未按时报送可能被取消试点资格。`,
      route: 'weekly',
    },
  ];
}

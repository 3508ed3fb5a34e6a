import type { ExamLevelStats, Violation } from '../../../../shared/contract/dashboard';
import type { ProjectCheck } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { formatFen } from '../../../../shared/domain/money';

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

/** Levels where someone is charged more than the cost cap in force (notice rule 11). */
export function feeOverCapViolations(exams: readonly ExamLevelStats[]): Violation[] {
  return exams.flatMap((e): Violation[] =>
    e.capFen !== null && e.maxFeeFen !== null && e.maxFeeFen > e.capFen
      ? [
          {
            kind: 'feeOverCap',
            title: `${e.certificateName}（${certificateLevelLabels[e.level]}）考核费超过成本上限`,
            detail: `最高收费 ${formatFen(e.maxFeeFen)}，上限 ${formatFen(e.capFen)}（${e.capDocument ?? ''}）`,
            route: 'exams',
          },
        ]
      : [],
  );
}

import type { ExamLevelStats } from '../../../../shared/contract/dashboard';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import {
  addSignupGroup,
  noSignupFigures,
  passRate,
  type SignupFigures,
} from '../../../../shared/domain/signupFigures';
import type { Db } from '../../db/open';
import { batchCapStandings, type BatchCapStanding } from '../fees/capStandings';
import { signupGroups } from '../fees/repository';

const levelOrder: Record<CertificateLevel, number> = { junior: 1, intermediate: 2, senior: 3 };

/**
 * How badly a batch stands under rule 11, to pick the level's worst: over the cap (by how much)
 * before a fee that cannot be checked, before a fee within (by how close), before no fee at all.
 */
const badness = ({ standing, highestFen, batch }: BatchCapStanding): [number, number] => {
  const margin = highestFen - (batch.feeLimit?.amountFen ?? 0);
  if (standing === 'over') return [3, margin];
  if (standing === 'unchecked') return [2, highestFen];
  if (standing === 'within') return [1, margin];
  return [0, 0];
};

const worse = (a: BatchCapStanding, b: BatchCapStanding | undefined) => {
  if (b === undefined) return true;
  const [ra, ma] = badness(a);
  const [rb, mb] = badness(b);
  return ra > rb || (ra === rb && ma > mb);
};

const levelKey = (b: { certificateId: number; level: CertificateLevel }) =>
  `${b.certificateId}:${b.level}`;

/**
 * Sign-ups, results and fees per certificate level: the sign-up groups (`fees/figures.ts`)
 * added up by the domain's `addSignupGroup`, so withdrawn sign-ups are left out as everywhere.
 * 最高收费 and its figure come from the batch of the level that stands worst under rule 11 in
 * `batchCapStandings`, the query 首页's problems list reads too, so the two always agree.
 */
export function examStats(db: Db): ExamLevelStats[] {
  const standings = batchCapStandings(db);
  const batches = new Map(standings.map((s) => [s.batch.id, s.batch]));
  const worst = new Map<string, BatchCapStanding>();
  for (const s of standings) {
    const key = levelKey(s.batch);
    if (worse(s, worst.get(key))) worst.set(key, s);
  }
  const byLevel = new Map<string, { stats: ExamLevelStats; figures: SignupFigures }>();
  for (const g of signupGroups(db)) {
    const b = batches.get(g.batchId);
    if (!b) continue;
    const key = levelKey(b);
    let entry = byLevel.get(key);
    if (!entry) {
      entry = {
        figures: noSignupFigures(),
        stats: {
          certificateId: b.certificateId,
          certificateName: b.certificateName,
          level: b.level,
          signedUp: 0,
          examined: 0,
          passed: 0,
          failed: 0,
          absent: 0,
          violation: 0,
          passRate: null,
          feeFen: { school: 0, subsidy: 0, student: 0 },
          maxFeeFen: null,
          capFen: null,
          capDocument: null,
        },
      };
      byLevel.set(key, entry);
    }
    addSignupGroup(entry.figures, g);
  }
  for (const [key, { stats }] of byLevel) {
    const w = worst.get(key);
    if (!w) continue;
    stats.maxFeeFen = w.highestFen;
    stats.capFen = w.batch.feeLimit?.amountFen ?? null;
    stats.capDocument = w.batch.feeLimit?.document ?? null;
  }
  const all = [...byLevel.values()]
    .filter(({ figures }) => figures.signups > 0)
    .map(({ stats, figures: f }) => ({
      ...stats,
      signedUp: f.signups,
      examined: f.examined,
      passed: f.passed,
      failed: f.failed,
      absent: f.absent,
      violation: f.violation,
      passRate: passRate(f),
      feeFen: {
        school: f.byPayer.school.feeFen,
        subsidy: f.byPayer.subsidy.feeFen,
        student: f.byPayer.student.feeFen,
      },
    }));
  return all.sort(
    (a, b) =>
      a.certificateName.localeCompare(b.certificateName, 'zh-CN') ||
      levelOrder[a.level] - levelOrder[b.level],
  );
}

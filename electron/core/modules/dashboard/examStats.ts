import type { ExamLevelStats } from '../../../../shared/contract/dashboard';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import {
  addSignupGroup,
  isLiveSignup,
  noSignupFigures,
  passRate,
  type SignupFigures,
} from '../../../../shared/domain/signupFigures';
import type { Db } from '../../db/open';
import { loadBatches } from '../fees/batches';
import { signupGroups } from '../fees/repository';
import { batchMaxFeeReader } from './repository';

const levelOrder: Record<CertificateLevel, number> = { junior: 1, intermediate: 2, senior: 3 };

/**
 * Sign-ups, results and fees per certificate level: the sign-up groups (`fees/figures.ts`)
 * added up by the domain's `addSignupGroup`, so withdrawn sign-ups are left out as everywhere.
 * Each batch's highest fee (one index probe, `signups_batch_fee`) is set against the figure in
 * force on its own exam date (`BatchInfo.feeLimit`); the level shows the batch that stands worst
 * against its figure.
 */
export function examStats(db: Db): ExamLevelStats[] {
  const batches = loadBatches(db);
  const maxFee = batchMaxFeeReader(db);
  const byLevel = new Map<string, { stats: ExamLevelStats; figures: SignupFigures }>();
  // The worst standing so far per level: fee minus figure (−∞ while no batch has a figure).
  const worst = new Map<string, number>();
  const counted = new Set<number>();
  for (const g of signupGroups(db)) {
    const b = batches.get(g.batchId);
    if (!b) continue;
    const key = `${b.certificateId}:${b.level}`;
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
    if (counted.has(b.id) || !isLiveSignup(g.status)) continue;
    counted.add(b.id);
    const fee = maxFee(b.id) ?? 0;
    const standing = b.feeLimit === null ? -Infinity : fee - b.feeLimit.amountFen;
    const before = worst.get(key);
    const stats = entry.stats;
    const worse =
      before === undefined ||
      standing > before ||
      (standing === before && standing === -Infinity && fee > (stats.maxFeeFen ?? 0));
    if (worse) {
      worst.set(key, standing);
      stats.maxFeeFen = fee;
      stats.capFen = b.feeLimit?.amountFen ?? null;
      stats.capDocument = b.feeLimit?.document ?? null;
    }
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

import type { ExamLevelStats } from '../../../../shared/contract/dashboard';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import { ceilingInForce, type ExamForm, type FeeLimit } from '../../../../shared/domain/costCaps';
import type { Db } from '../../db/open';
import { limitsByCertificate } from '../catalogue/limits';

interface GroupRow {
  batch_id: number;
  certificate_id: number;
  certificate_name: string;
  level: CertificateLevel;
  exam_date: string;
  exam_form: ExamForm | null;
  status: string;
  payer: 'school' | 'subsidy' | 'student';
  n: number;
  fee: number;
}

const levelOrder: Record<CertificateLevel, number> = { junior: 1, intermediate: 2, senior: 3 };

/**
 * Sign-ups, results and fees per certificate level, withdrawn sign-ups left out. Each batch's
 * highest fee is set against the figure in force on its own exam date (`ceilingInForce`); the
 * level shows the batch that stands worst against its figure. Counts and sums
 * come from `signup_sums` (kept by triggers, migration 009: a few hundred rows at 100,000
 * sign-ups); the highest fee per batch is one index probe each (`signups_batch_fee`).
 */
export function examStats(db: Db): ExamLevelStats[] {
  const rows = db
    .prepare<[], GroupRow>(
      `SELECT g.batch_id, b.certificate_id, c.name AS certificate_name, b.level, b.exam_date,
              b.exam_form, g.status, g.payer, sum(g.n) AS n, sum(g.fen) AS fee
       FROM signup_sums g
       JOIN exam_batches b ON b.id = g.batch_id
       JOIN certificates c ON c.id = b.certificate_id
       WHERE g.status <> 'withdrawn' AND g.n > 0
       GROUP BY g.batch_id, g.status, g.payer`,
    )
    .all();
  const maxFee = db.prepare<[number], { fee: number | null }>(
    `SELECT max(fee_fen) AS fee FROM signups INDEXED BY signups_batch_fee
     WHERE batch_id = ? AND status <> 'withdrawn'`,
  );
  const limits = limitsByCertificate(db);
  const seen = new Set<number>();
  // The worst standing so far per level: fee minus figure (−∞ while no batch has a figure).
  const worst = new Map<string, number>();
  const byLevel = new Map<string, ExamLevelStats>();
  for (const row of rows) {
    const key = `${row.certificate_id}:${row.level}`;
    let stats = byLevel.get(key);
    if (!stats) {
      stats = {
        certificateId: row.certificate_id,
        certificateName: row.certificate_name,
        level: row.level,
        signedUp: 0,
        examined: 0,
        passed: 0,
        failed: 0,
        absent: 0,
        passRate: null,
        feeFen: { school: 0, subsidy: 0, student: 0 },
        maxFeeFen: null,
        capFen: null,
        capDocument: null,
      };
      byLevel.set(key, stats);
    }
    stats.signedUp += row.n;
    if (row.status === 'examined' || row.status === 'passed' || row.status === 'failed') {
      stats.examined += row.n;
    }
    if (row.status === 'passed') stats.passed += row.n;
    if (row.status === 'failed') stats.failed += row.n;
    if (row.status === 'absent') stats.absent += row.n;
    stats.feeFen[row.payer] += row.fee;
    if (seen.has(row.batch_id)) continue;
    seen.add(row.batch_id);
    const fee = maxFee.get(row.batch_id)?.fee ?? 0;
    const limit: FeeLimit | null = ceilingInForce(limits.get(row.certificate_id) ?? [], {
      level: row.level,
      examForm: row.exam_form,
      on: row.exam_date,
    });
    const standing = limit === null ? -Infinity : fee - limit.amountFen;
    const before = worst.get(key);
    const worse =
      before === undefined ||
      standing > before ||
      (standing === before && standing === -Infinity && fee > (stats.maxFeeFen ?? 0));
    if (worse) {
      worst.set(key, standing);
      stats.maxFeeFen = fee;
      stats.capFen = limit?.amountFen ?? null;
      stats.capDocument = limit?.document ?? null;
    }
  }
  const all = [...byLevel.values()];
  for (const stats of all) {
    const decided = stats.passed + stats.failed;
    stats.passRate = decided > 0 ? stats.passed / decided : null;
  }
  return all.sort(
    (a, b) =>
      a.certificateName.localeCompare(b.certificateName, 'zh-CN') ||
      levelOrder[a.level] - levelOrder[b.level],
  );
}

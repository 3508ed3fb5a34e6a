import type { ExamLevelStats } from '../../../../shared/contract/dashboard';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { Db } from '../../db/open';

interface GroupRow {
  batch_id: number;
  certificate_id: number;
  certificate_name: string;
  level: CertificateLevel;
  status: string;
  payer: 'school' | 'subsidy' | 'student';
  n: number;
  fee: number;
  cap_fen: number | null;
  cap_document: string | null;
}

const levelOrder: Record<CertificateLevel, number> = { junior: 1, intermediate: 2, senior: 3 };

/**
 * Sign-ups, results and fees per certificate level, withdrawn sign-ups left out. Counts and sums
 * come from `signup_sums` (kept by triggers, migration 009: a few hundred rows at 100,000
 * sign-ups); the highest fee per batch is one index probe each (`signups_batch_fee`).
 */
export function examStats(db: Db): ExamLevelStats[] {
  const rows = db
    .prepare<[], GroupRow>(
      `SELECT g.batch_id, b.certificate_id, c.name AS certificate_name, b.level, g.status, g.payer,
              sum(g.n) AS n, sum(g.fen) AS fee, l.cost_cap_fen AS cap_fen, l.cap_document
       FROM signup_sums g
       JOIN exam_batches b ON b.id = g.batch_id
       JOIN certificates c ON c.id = b.certificate_id
       LEFT JOIN certificate_levels l ON l.certificate_id = b.certificate_id AND l.level = b.level
       WHERE g.status <> 'withdrawn' AND g.n > 0
       GROUP BY g.batch_id, g.status, g.payer`,
    )
    .all();
  const maxFee = db.prepare<[number], { fee: number | null }>(
    `SELECT max(fee_fen) AS fee FROM signups INDEXED BY signups_batch_fee
     WHERE batch_id = ? AND status <> 'withdrawn'`,
  );
  const batchMax = new Map<number, number>();
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
        capFen: row.cap_fen,
        capDocument: row.cap_document,
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
    if (!batchMax.has(row.batch_id)) batchMax.set(row.batch_id, maxFee.get(row.batch_id)?.fee ?? 0);
    stats.maxFeeFen = Math.max(stats.maxFeeFen ?? 0, batchMax.get(row.batch_id) ?? 0);
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

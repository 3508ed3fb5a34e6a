import type { ExamLevelStats } from '../../../../shared/contract/dashboard';
import type { CertificateLevel } from '../../../../shared/domain/certificate';
import type { Db } from '../../db/open';

interface GroupRow {
  certificate_id: number;
  certificate_name: string;
  level: CertificateLevel;
  status: string;
  payer: 'school' | 'subsidy' | 'student';
  n: number;
  fee: number;
  max_fee: number;
  cap_fen: number | null;
  cap_document: string | null;
}

const levelOrder: Record<CertificateLevel, number> = { junior: 1, intermediate: 2, senior: 3 };

/**
 * Sign-ups, results and fees per certificate level, withdrawn sign-ups left out. One pass over
 * the covering index `signups_batch` grouped by batch, status and payer (a few hundred groups at
 * 100,000 sign-ups), then folded per level here.
 */
export function examStats(db: Db): ExamLevelStats[] {
  const rows = db
    .prepare<[], GroupRow>(
      `SELECT b.certificate_id, c.name AS certificate_name, b.level, g.status, g.payer,
              sum(g.n) AS n, sum(g.fee) AS fee, max(g.max_fee) AS max_fee,
              l.cost_cap_fen AS cap_fen, l.cap_document
       FROM (SELECT batch_id, status, payer, count(*) AS n, sum(fee_fen) AS fee,
                    max(fee_fen) AS max_fee
             FROM signups WHERE status <> 'withdrawn'
             GROUP BY batch_id, status, payer) g
       JOIN exam_batches b ON b.id = g.batch_id
       JOIN certificates c ON c.id = b.certificate_id
       LEFT JOIN certificate_levels l ON l.certificate_id = b.certificate_id AND l.level = b.level
       GROUP BY b.certificate_id, b.level, g.status, g.payer`,
    )
    .all();
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
    stats.maxFeeFen = Math.max(stats.maxFeeFen ?? 0, row.max_fee);
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

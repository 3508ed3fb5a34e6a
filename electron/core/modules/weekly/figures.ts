import type { WeeklyFigureRow, WeeklyFigures } from '../../../../shared/contract/weekly';
import { certificateLevels, type CertificateLevel } from '../../../../shared/domain/certificate';
import { addDays, chinaInstant } from '../../../../shared/domain/weeklyReports';
import type { Db } from '../../db/open';

type Counted = Omit<WeeklyFigureRow, 'certificateId' | 'certificateName' | 'level'>;
const zero = (): Counted => ({
  signups: 0,
  exams: 0,
  examined: 0,
  passed: 0,
  issued: 0,
  paidFen: 0,
});

interface GroupRow {
  certificate_id: number | null;
  level: CertificateLevel | null;
  n: number;
  m?: number;
}

/**
 * The figures of a period [from, to] (China-time dates, inclusive) from the exam tables of
 * migration 008, grouped by certificate and level:
 * - 新增报名: sign-ups created in the period (their creation instant, China time);
 * - 考核批次 / 参考 / 通过: batches whose exam date falls in the period, with their sign-ups
 *   examined (examined, passed or failed) and passed;
 * - 发证: sign-ups whose certificate issue date falls in the period;
 * - 缴费: payments to evaluation organizations dated in the period (by the certificate of the
 *   batch they pay for; a payment for no batch is listed as such).
 */
export function periodFigures(db: Db, from: string, to: string): WeeklyFigures {
  const fromAt = chinaInstant(from, '00:00');
  const toAt = chinaInstant(addDays(to, 1), '00:00');
  const rows = new Map<string, WeeklyFigureRow>();
  const names = new Map(
    db
      .prepare<[], { id: number; name: string }>('SELECT id, name FROM certificates')
      .all()
      .map((c) => [c.id, c.name]),
  );
  const add = (groups: GroupRow[], apply: (row: Counted, g: GroupRow) => void) => {
    for (const g of groups) {
      const key = `${g.certificate_id ?? ''}|${g.level ?? ''}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          certificateId: g.certificate_id,
          certificateName:
            g.certificate_id === null
              ? '未关联考核批次'
              : (names.get(g.certificate_id) ?? `证书 #${g.certificate_id}`),
          level: g.level,
          ...zero(),
        };
        rows.set(key, row);
      }
      apply(row, g);
    }
  };

  add(
    db
      .prepare<[string, string], GroupRow>(
        `SELECT b.certificate_id, b.level, COUNT(*) AS n
         FROM signups s JOIN exam_batches b ON b.id = s.batch_id
         WHERE s.created_at >= ? AND s.created_at < ?
         GROUP BY b.certificate_id, b.level`,
      )
      .all(fromAt, toAt),
    (row, g) => (row.signups += g.n),
  );
  add(
    db
      .prepare<[string, string], GroupRow>(
        `SELECT certificate_id, level, COUNT(*) AS n FROM exam_batches
         WHERE exam_date BETWEEN ? AND ? GROUP BY certificate_id, level`,
      )
      .all(from, to),
    (row, g) => (row.exams += g.n),
  );
  // CROSS JOIN keeps the batches of the period as the outer loop (SQLite would otherwise scan
  // every sign-up).
  add(
    db
      .prepare<[string, string], GroupRow>(
        `SELECT b.certificate_id, b.level,
           SUM(s.status IN ('examined', 'passed', 'failed')) AS n, SUM(s.status = 'passed') AS m
         FROM exam_batches b CROSS JOIN signups s ON s.batch_id = b.id
         WHERE b.exam_date BETWEEN ? AND ?
         GROUP BY b.certificate_id, b.level`,
      )
      .all(from, to),
    (row, g) => {
      row.examined += g.n;
      row.passed += g.m ?? 0;
    },
  );
  add(
    db
      .prepare<[string, string], GroupRow>(
        `SELECT b.certificate_id, b.level, COUNT(*) AS n
         FROM signups s JOIN exam_batches b ON b.id = s.batch_id
         WHERE s.issued_on <> '' AND s.issued_on BETWEEN ? AND ?
         GROUP BY b.certificate_id, b.level`,
      )
      .all(from, to),
    (row, g) => (row.issued += g.n),
  );
  add(
    db
      .prepare<[string, string], GroupRow>(
        `SELECT b.certificate_id, b.level, SUM(p.amount_fen) AS n
         FROM payments p LEFT JOIN exam_batches b ON b.id = p.batch_id
         WHERE p.paid_on BETWEEN ? AND ?
         GROUP BY b.certificate_id, b.level`,
      )
      .all(from, to),
    (row, g) => (row.paidFen += g.n),
  );

  const byCertificate = [...rows.values()]
    .filter((r) => r.signups + r.exams + r.examined + r.issued + r.paidFen > 0)
    .sort(
      (a, b) =>
        Number(a.certificateId === null) - Number(b.certificateId === null) ||
        a.certificateName.localeCompare(b.certificateName, 'zh-CN') ||
        certificateLevels.indexOf(a.level ?? 'junior') -
          certificateLevels.indexOf(b.level ?? 'junior'),
    );
  const totals = zero();
  for (const r of byCertificate) {
    totals.signups += r.signups;
    totals.exams += r.exams;
    totals.examined += r.examined;
    totals.passed += r.passed;
    totals.issued += r.issued;
    totals.paidFen += r.paidFen;
  }
  return { from, to, totals, byCertificate };
}

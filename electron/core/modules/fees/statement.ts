import type { FeeTotals, StudentStatement, TotalsRow } from '../../../../shared/contract/fees';
import { certificateLevelLabels, certificateLevels } from '../../../../shared/domain/certificate';
import {
  breaksSchoolPaidRule,
  isSchoolPaid,
  payerLabels,
  payers,
  type Payer,
  type SignupStatus,
} from '../../../../shared/domain/fees';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { loadBatches } from './batches';

/** 学生费用明细: every sign-up of one student with fee and payer, and who pays how much. */
export function studentStatement(db: Db, studentId: number): StudentStatement {
  const s = db
    .prepare<
      [number],
      {
        id: number;
        student_no: string;
        name: string;
        class_name: string;
        major_name: string;
        pilot: number;
      }
    >(
      `SELECT s.id, s.student_no, s.name, s.class_name, coalesce(m.name, s.major_text) AS major_name,
         s.pilot
       FROM students s LEFT JOIN majors m ON m.id = s.major_id WHERE s.id = ?`,
    )
    .get(studentId);
  if (!s) {
    throw new CoreError('NOT_FOUND', `学生不存在（编号 ${studentId}），可能已被删除，请刷新。`);
  }
  const batches = loadBatches(db);
  const rows = db
    .prepare<
      [number],
      { id: number; batch_id: number; status: SignupStatus; payer: Payer; fee_fen: number }
    >('SELECT id, batch_id, status, payer, fee_fen FROM signups WHERE student_id = ? ORDER BY id')
    .all(studentId);
  const signups = rows.map((r) => {
    const b = batches.get(r.batch_id);
    return {
      id: r.id,
      batchId: r.batch_id,
      batchLabel: b?.label ?? `#${r.batch_id}`,
      certificateName: b?.certificateName ?? '',
      level: b?.level ?? 'junior',
      examDate: b?.examDate ?? '',
      status: r.status,
      feeFen: r.fee_fen,
      payer: r.payer,
    };
  });
  const live = signups.filter((g) => g.status !== 'withdrawn');
  const sum = (list: typeof live) => list.reduce((a, g) => a + g.feeFen, 0);
  return {
    student: {
      id: s.id,
      studentNo: s.student_no,
      name: s.name,
      className: s.class_name,
      majorName: s.major_name,
      pilot: s.pilot === 1,
    },
    signups,
    schoolPaidFen: sum(live.filter((g) => isSchoolPaid(g.payer))),
    studentPaidFen: sum(live.filter((g) => g.payer === 'student')),
    violatesSchoolPaid: breaksSchoolPaidRule(s.pilot === 1, signups),
  };
}

const emptyRow = (key: string, label: string): TotalsRow => ({
  key,
  label,
  signups: 0,
  totalFen: 0,
  schoolFen: 0,
  subsidyFen: 0,
  studentFen: 0,
});

function add(row: TotalsRow, payer: Payer, n: number, fen: number): void {
  row.signups += n;
  row.totalFen += fen;
  if (payer === 'school') row.schoolFen += fen;
  else if (payer === 'subsidy') row.subsidyFen += fen;
  else row.studentFen += fen;
}

/** Live (non-withdrawn) sign-ups grouped by batch, payer and major key, from `signup_sums`. */
function liveSums(db: Db) {
  return db
    .prepare<[], { batch_id: number; payer: Payer; major_key: string; n: number; fen: number }>(
      `SELECT batch_id, payer, major_key, sum(n) AS n, sum(fen) AS fen FROM signup_sums
       WHERE status <> 'withdrawn' AND n > 0 GROUP BY batch_id, payer, major_key`,
    )
    .all();
}

/**
 * 汇总: fees of non-withdrawn sign-ups by certificate, level, major and payer, read from the
 * per-batch × payer × major sums the triggers of migration 009 keep.
 */
export function feeTotals(db: Db): FeeTotals {
  const batches = loadBatches(db);
  const sums = liveSums(db);
  const majorNames = new Map(
    db
      .prepare<[], { id: number; name: string }>('SELECT id, name FROM majors')
      .all()
      .map((m) => [`id:${m.id}`, m.name]),
  );
  const majorLabel = (key: string) =>
    majorNames.get(key) ??
    (key.startsWith('text:') && key.length > 5 ? key.slice(5) : '未填写专业');
  const all = emptyRow('all', '合计');
  const certs = new Map<number, TotalsRow>();
  const levels = new Map(certificateLevels.map((l) => [l, emptyRow(l, certificateLevelLabels[l])]));
  const byPayer = new Map(payers.map((p) => [p, emptyRow(p, payerLabels[p])]));
  for (const g of sums) {
    const b = batches.get(g.batch_id);
    if (!b) continue;
    let c = certs.get(b.certificateId);
    if (!c) certs.set(b.certificateId, (c = emptyRow(String(b.certificateId), b.certificateName)));
    add(c, g.payer, g.n, g.fen);
    add(levels.get(b.level) ?? all, g.payer, g.n, g.fen);
    add(byPayer.get(g.payer) ?? all, g.payer, g.n, g.fen);
    add(all, g.payer, g.n, g.fen);
  }
  const majors = new Map<string, TotalsRow>();
  for (const g of sums) {
    const label = majorLabel(g.major_key);
    let r = majors.get(label);
    if (!r) majors.set(label, (r = emptyRow(label, label)));
    add(r, g.payer, g.n, g.fen);
  }
  const sorted = (rows: Iterable<TotalsRow>) =>
    [...rows].sort((a, b) => b.totalFen - a.totalFen || a.label.localeCompare(b.label, 'zh'));
  return {
    byCertificate: sorted(certs.values()),
    byLevel: [...levels.values()].filter((r) => r.signups > 0),
    byMajor: sorted(majors.values()),
    byPayer: [...byPayer.values()],
    all,
  };
}

import type { FeeTotals, StudentStatement, TotalsRow } from '../../../../shared/contract/fees';
import { certificateLevelLabels, certificateLevels } from '../../../../shared/domain/certificate';
import {
  payerLabels,
  payers,
  schoolPaidStanding,
  type Payer,
} from '../../../../shared/domain/fees';
import {
  addSignupGroup,
  addUpSignups,
  noSignupFigures,
  owedToOrganizations,
  type SignupFigures,
  type SignupGroup,
} from '../../../../shared/domain/signupFigures';
import type { Db } from '../../db/open';
import { notFoundError } from '../../errors';
import { loadBatches, signupBatchFacts } from './batches';
import { majorNameRows, signupGroups, statementStudent, studentSignupFees } from './repository';

/** 学生费用明细: every sign-up of one student with fee and payer, and who pays how much. */
export function studentStatement(db: Db, studentId: number): StudentStatement {
  const s = statementStudent(db, studentId);
  if (!s) {
    throw notFoundError('学生', studentId, '可能已被删除，请刷新');
  }
  const batches = loadBatches(db);
  const rows = studentSignupFees(db, studentId);
  const signups = rows.map((r) => ({
    id: r.id,
    batchId: r.batch_id,
    ...signupBatchFacts(batches, r.batch_id),
    status: r.status,
    feeFen: r.fee_fen,
    payer: r.payer,
  }));
  const figures = addUpSignups(signups.map((g) => ({ ...g, n: 1, fen: g.feeFen })));
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
    schoolPaidFen: owedToOrganizations(figures).feeFen,
    studentPaidFen: figures.byPayer.student.feeFen,
    schoolPaid: s.pilot === 1 ? schoolPaidStanding(signups) : null,
  };
}

function totalsRow(key: string, label: string, f: SignupFigures): TotalsRow {
  return {
    key,
    label,
    signups: f.signups,
    totalFen: f.feeFen,
    schoolFen: f.byPayer.school.feeFen,
    subsidyFen: f.byPayer.subsidy.feeFen,
    studentFen: f.byPayer.student.feeFen,
  };
}

/** Folds groups into figures per key, keeping the first label seen for each key. */
class Buckets {
  readonly figures = new Map<string, { label: string; figures: SignupFigures }>();
  add(key: string, label: string, group: SignupGroup): void {
    let b = this.figures.get(key);
    if (!b) this.figures.set(key, (b = { label, figures: noSignupFigures() }));
    addSignupGroup(b.figures, group);
  }
  /** Rows with live sign-ups. */
  rows(): TotalsRow[] {
    return [...this.figures]
      .filter(([, b]) => b.figures.signups > 0)
      .map(([key, b]) => totalsRow(key, b.label, b.figures));
  }
}

/**
 * 汇总: 报名人次 and fees of the live sign-ups by certificate, level, major and payer, and the
 * withdrawn ones apart, from the sign-up groups (`figures.ts`).
 */
export function feeTotals(db: Db): FeeTotals {
  const batches = loadBatches(db);
  const groups = signupGroups(db);
  const majorNames = new Map(majorNameRows(db).map((m) => [`id:${m.id}`, m.name]));
  const majorLabel = (key: string) =>
    majorNames.get(key) ??
    (key.startsWith('text:') && key.length > 5 ? key.slice(5) : '未填写专业');
  const all = addUpSignups(groups);
  const ofPayer = (p: Payer) => groups.filter((g) => g.payer === p);
  const certs = new Buckets();
  const levels = new Buckets();
  const majors = new Buckets();
  for (const g of groups) {
    const b = batches.get(g.batchId);
    if (!b) continue;
    certs.add(String(b.certificateId), b.certificateName, g);
    levels.add(b.level, certificateLevelLabels[b.level], g);
    const major = majorLabel(g.majorKey);
    majors.add(major, major, g);
  }
  const sorted = (rows: TotalsRow[]) =>
    rows.sort((a, b) => b.totalFen - a.totalFen || a.label.localeCompare(b.label, 'zh'));
  const levelRows = levels.rows();
  return {
    byCertificate: sorted(certs.rows()),
    byLevel: certificateLevels.flatMap((l) => levelRows.filter((r) => r.key === l)),
    byMajor: sorted(majors.rows()),
    byPayer: payers.map((p) => totalsRow(p, payerLabels[p], addUpSignups(ofPayer(p)))),
    all: totalsRow('all', '合计', all),
    withdrawn: all.withdrawn,
  };
}

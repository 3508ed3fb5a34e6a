import type {
  WeeklyFigureRow,
  WeeklyFigures,
  WeeklyPaymentLine,
} from '../../../../shared/contract/weekly';
import { certificateLevels } from '../../../../shared/domain/certificate';
import { scoredStatuses, type SignupStatus } from '../../../../shared/domain/exams';
import type { FigureWindow } from '../../../../shared/domain/weeklyReports';
import {
  addUpFundLines,
  type FundDirection,
  type FundLineFigure,
  type IncomeSource,
  type SpendingCategory,
} from '../../../../shared/domain/funds';
import type { Db } from '../../db/open';
import { figureBatches, figureEntries } from './figuresRepository';

type Counted = Required<Omit<WeeklyFigures['totals'], 'exams'>>;
const zero = (): Counted => ({
  signups: 0,
  withdrawn: 0,
  feeFen: 0,
  examined: 0,
  passed: 0,
  issued: 0,
  paidFen: 0,
});
const measures = Object.keys(zero()) as (keyof Counted)[];

/** The audit log's view of a sign-up (`signupAuditView`), the keys the figures read. */
interface SignupView {
  batchId: number;
  status: SignupStatus;
  feeFen: number;
  issuedOn: string;
}

/** The audit log's view of a payment (`snapshot` in fees/payments.ts). */
interface PaymentView {
  organization: string;
  batchId: number | null;
  amountFen: number;
  paidOn: string;
}

/** The audit log's view of a fund record (`entrySnapshot` in funds/repository.ts). */
interface FundView {
  direction: FundDirection;
  category: IncomeSource | SpendingCategory;
  amountFen: number;
}

// 实考: the one definition (缺考 and 违纪 are no sitting that counts).
const sat: ReadonlySet<SignupStatus> = new Set(scoredStatuses);

const isLive = (v: SignupView | null): v is SignupView => v !== null && v.status !== 'withdrawn';

/** What one sign-up state adds to the ledger's figures (nothing once withdrawn). */
function signupMeasures(v: SignupView | null): Counted {
  const live = isLive(v);
  return {
    signups: 0,
    withdrawn: 0,
    feeFen: live ? v.feeFen : 0,
    examined: live && sat.has(v.status) ? 1 : 0,
    passed: live && v.status === 'passed' ? 1 : 0,
    issued: live && v.issuedOn !== '' ? 1 : 0,
    paidFen: 0,
  };
}

const parse = <T>(json: string | null): T | null =>
  json === null ? null : (JSON.parse(json) as T);

/**
 * The figures of a period: every sign-up and payment change recorded in its audit-log window
 * (`figureWindow`), as the change it made to the ledger's totals, grouped by the certificate
 * and level of the batch concerned. A change counts its after-state and takes back its
 * before-state, so corrections net out and the windows of all periods add up to the totals now.
 * 新增报名 and 撤销 are the sign-ups that became live or stopped being live.
 */
export function periodFigures(
  db: Db,
  period: { start: string; end: string },
  window: FigureWindow,
): WeeklyFigures {
  const rows = new Map<string, WeeklyFigureRow>();
  const batches = new Map(figureBatches(db).map((b) => [b.id, b]));
  const rowOf = (batchId: number | null): WeeklyFigureRow => {
    const batch = batchId === null ? undefined : batches.get(batchId);
    const key = batch ? `${batch.certificate_id}|${batch.level}` : '';
    let row = rows.get(key);
    if (!row) {
      row = {
        certificateId: batch?.certificate_id ?? null,
        certificateName: batch?.name ?? '未关联考核批次',
        level: batch?.level ?? null,
        ...zero(),
      };
      rows.set(key, row);
    }
    return row;
  };
  const addTo = (row: Counted, m: Counted, sign: 1 | -1) => {
    for (const k of measures) row[k] += sign * m[k];
  };

  const payments: WeeklyPaymentLine[] = [];
  const entries = figureEntries(db, window);
  const fundLines: FundLineFigure[] = [];
  const fundLine = (v: FundView | null, sign: 1 | -1) => {
    if (v) fundLines.push({ ...v, amountFen: sign * v.amountFen, lacksDocument: false });
  };
  for (const e of entries) {
    if (e.entity === 'fund_entry') {
      fundLine(parse<FundView>(e.before_json), -1);
      fundLine(parse<FundView>(e.after_json), 1);
    } else if (e.entity === 'signup') {
      const before = parse<SignupView>(e.before_json);
      const after = parse<SignupView>(e.after_json);
      if (before) addTo(rowOf(before.batchId), signupMeasures(before), -1);
      if (after) addTo(rowOf(after.batchId), signupMeasures(after), 1);
      // Gross movements; the live count changes by 新增报名 − 撤销.
      const row = rowOf((after ?? before)!.batchId);
      if (!isLive(before) && isLive(after)) row.signups += 1;
      if (isLive(before) && !isLive(after)) row.withdrawn += 1;
    } else {
      const before = parse<PaymentView>(e.before_json);
      const after = parse<PaymentView>(e.after_json);
      if (before) rowOf(before.batchId).paidFen -= before.amountFen;
      if (after) rowOf(after.batchId).paidFen += after.amountFen;
      const shown = (after ?? before)!;
      payments.push({
        paymentId: Number(e.entity_id),
        organization: shown.organization,
        paidOn: shown.paidOn,
        amountFen: (after?.amountFen ?? 0) - (before?.amountFen ?? 0),
        action: e.action,
        recordedAt: e.at,
      });
    }
  }

  const byCertificate = [...rows.values()]
    .filter((r) => measures.some((k) => r[k] !== 0))
    .sort(
      (a, b) =>
        Number(a.certificateId === null) - Number(b.certificateId === null) ||
        a.certificateName.localeCompare(b.certificateName, 'zh-CN') ||
        certificateLevels.indexOf(a.level ?? 'junior') -
          certificateLevels.indexOf(b.level ?? 'junior'),
    );
  const totals = zero();
  for (const r of byCertificate) addTo(totals, r, 1);
  // 考核费 is the payments' flow (totals.paidFen), added up by the same definition.
  fundLines.push({
    direction: 'spending',
    category: 'exam',
    amountFen: totals.paidFen,
    lacksDocument: false,
  });
  const f = addUpFundLines(fundLines);
  return {
    from: period.start,
    to: period.end,
    basis: 'recorded',
    windowFrom: window.from,
    windowTo: window.to,
    totals,
    byCertificate,
    payments,
    funds: {
      incomeFen: f.incomeFen,
      spendingFen: f.spendingFen,
      spendingByCategory: f.spendingByCategory,
    },
  };
}

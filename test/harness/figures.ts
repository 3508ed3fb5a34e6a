import fc from 'fast-check';
import type { DashboardSummary } from '../../shared/contract/dashboard';
import type { ExamBatch } from '../../shared/contract/exams';
import type {
  FeeTotals,
  FeeViolations,
  LedgerResult,
  Reconciliation,
} from '../../shared/contract/fees';
import type { SheetDownload } from '../../shared/contract/files';
import { BIM_CERT, WEB_CERT, addStudents, type DataCall } from './fees';
import { loadWorkbook, sheetTable } from './sheets';

/**
 * Random schools for property tests of the figures: students (pilot or not),
 * batches, sign-ups in every status including withdrawn and absent, every payer, fees and
 * payments — built through the handlers as a person would, with a plain model of what was
 * actually accepted kept beside it, so a test computes its expectations from the model and
 * never from the code under test.
 */

type Status = 'registered' | 'paid' | 'examined' | 'passed' | 'failed' | 'absent' | 'withdrawn';
type Payer = 'school' | 'subsidy' | 'student';

/** The status changes that lead from 已报名 to each status (notice flow, shared/domain/exams). */
const pathTo: Record<Status, Status[]> = {
  registered: [],
  paid: ['paid'],
  examined: ['paid', 'examined'],
  passed: ['paid', 'examined', 'passed'],
  failed: ['paid', 'examined', 'failed'],
  absent: ['paid', 'absent'],
  withdrawn: ['withdrawn'],
};

export interface SchoolPlan {
  /** `dropSchoolPaid`: at the end, withdraw the student's school-paid sign-ups still open. */
  students: { pilot: boolean; dropSchoolPaid: boolean }[];
  batches: { certificateId: number; level: 'junior' | 'intermediate'; fee: number }[];
  signups: { student: number; batch: number; status: Status; payer: Payer; fee: number | null }[];
  payments: { batch: number | null; amount: number }[];
}

/** A random school plan: up to 8 students, 3 batches, each pair signed up or not. */
export const randomSchool: fc.Arbitrary<SchoolPlan> = fc
  .record({
    students: fc.array(fc.record({ pilot: fc.boolean(), dropSchoolPaid: fc.boolean() }), {
      minLength: 1,
      maxLength: 8,
    }),
    batches: fc.array(
      fc.record({
        certificateId: fc.constantFrom(WEB_CERT, BIM_CERT),
        level: fc.constantFrom('junior' as const, 'intermediate' as const),
        fee: fc.integer({ min: 50, max: 900 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    choices: fc.array(
      fc.record({
        signedUp: fc.nat({ max: 3 }).map((n) => n > 0),
        // Withdrawals and self-paid sign-ups weighted up: they make the cases rule 13 is about.
        status: fc.oneof(
          fc.constantFrom<Status>('registered', 'paid', 'examined', 'passed', 'failed', 'absent'),
          fc.constant<Status>('withdrawn'),
        ),
        payer: fc.oneof(fc.constantFrom<Payer>('school', 'subsidy'), fc.constant<Payer>('student')),
        fee: fc.option(fc.integer({ min: 1, max: 99_999 }).map((fen) => fen / 100)),
      }),
      { minLength: 24, maxLength: 24 },
    ),
    payments: fc.array(
      fc.record({
        batch: fc.option(fc.nat({ max: 2 })),
        amount: fc.integer({ min: 1, max: 200_000 }).map((fen) => fen / 100),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ students, batches, choices, payments }) => {
    const signups: SchoolPlan['signups'] = [];
    students.forEach((_, student) =>
      batches.forEach((__, batch) => {
        const c = choices[student * 3 + batch];
        if (c.signedUp) signups.push({ student, batch, ...c });
      }),
    );
    return {
      students,
      batches,
      signups,
      payments: payments.map((p) => ({
        batch: p.batch === null || p.batch >= batches.length ? null : p.batch,
        amount: p.amount,
      })),
    };
  });

/** What the school holds after building: as accepted by the handlers. */
export interface SchoolModel {
  students: { id: number; studentNo: string; pilot: boolean }[];
  batchIds: number[];
  signups: {
    id: number;
    studentId: number;
    batchId: number;
    status: Status;
    payer: Payer;
    feeFen: number;
  }[];
  payments: { batchId: number | null; amountFen: number }[];
}

const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * Builds `plan` through the handlers: students, batches, sign-ups (school-paid at the batch's
 * fee), then payers (subsidy first, then 学生自愿自费 one by one — refused when it is not an
 * additional certificate, rule 12, and then left as it was), fees, statuses along the notice's
 * flow (so a school-paid exam withdrawn later can leave a student with self-paid ones only),
 * and payments.
 */
export async function buildSchool(call: DataCall, plan: SchoolPlan): Promise<SchoolModel> {
  const nonPilot = plan.students.flatMap((s, i) => (s.pilot ? [] : [i + 1]));
  const studentIds = await addStudents(call, plan.students.length, { nonPilot });
  const students = studentIds.map((id, i) => ({
    id,
    studentNo: `2023${String(i + 1).padStart(6, '0')}`,
    pilot: plan.students[i].pilot,
  }));
  const batchIds: number[] = [];
  for (const [i, b] of plan.batches.entries()) {
    const saved = (await call('exams.batches.save', {
      certificateId: b.certificateId,
      level: b.level,
      // Before the test clock (2026-03-02): results exist only from the exam day on.
      examDate: `2026-02-${10 + i}`,
      fee: b.fee,
      name: `批次${i + 1}`,
      organization: i === 2 ? '另一评价组织' : '',
    })) as { id: number };
    batchIds.push(saved.id);
  }
  const signups: SchoolModel['signups'] = [];
  for (const [i, batchId] of batchIds.entries()) {
    const chosen = plan.signups.filter((g) => g.batch === i);
    if (chosen.length === 0) continue;
    await call('exams.signups.create', {
      batchId,
      studentIds: chosen.map((g) => studentIds[g.student]),
      confirm: true,
    });
    const page = (await call('fees.ledger', {
      batchIds: [batchId],
      pageSize: 1000,
    })) as LedgerResult;
    for (const r of page.items) {
      signups.push({
        id: r.id,
        studentId: r.studentId,
        batchId,
        status: r.status as Status,
        payer: r.payer,
        feeFen: r.feeFen,
      });
    }
  }
  const planOf = (g: SchoolModel['signups'][number]) =>
    plan.signups.find(
      (p) => studentIds[p.student] === g.studentId && batchIds[p.batch] === g.batchId,
    )!;
  const tryChange = async (input: object): Promise<boolean> => {
    try {
      await call('fees.change', input);
      return true;
    } catch {
      return false;
    }
  };
  for (const payer of ['subsidy', 'student'] as const) {
    for (const g of signups.filter((s) => planOf(s).payer === payer)) {
      if (await tryChange({ signupIds: [g.id], payer })) g.payer = payer;
    }
  }
  for (const g of signups) {
    const fee = planOf(g).fee;
    if (fee !== null && (await tryChange({ signupIds: [g.id], fee }))) g.feeFen = fen(fee);
  }
  for (const g of signups) {
    for (const status of pathTo[planOf(g).status]) {
      await call('exams.signups.setStatus', { ids: [g.id], status });
      g.status = status;
    }
  }
  // A school-paid exam withdrawn after a self-paid one was added: what rule 13 is about.
  const open: Status[] = ['registered', 'paid', 'examined'];
  for (const [i, student] of plan.students.entries()) {
    if (!student.dropSchoolPaid) continue;
    for (const g of signups.filter((x) => x.studentId === studentIds[i])) {
      if (g.payer === 'student' || !open.includes(g.status)) continue;
      await call('exams.signups.setStatus', { ids: [g.id], status: 'withdrawn' });
      g.status = 'withdrawn';
    }
  }
  const payments: SchoolModel['payments'] = [];
  for (const p of plan.payments) {
    const batchId = p.batch === null ? null : batchIds[p.batch];
    await call('fees.savePayment', {
      organization: '工业和信息化部教育与考试中心',
      batchId,
      amount: p.amount,
      paidOn: '2026-02-20',
    });
    payments.push({ batchId, amountFen: fen(p.amount) });
  }
  return { students, batchIds, signups, payments };
}

/** Live sign-ups count and fee, and withdrawn ones apart. */
export interface FigureReading {
  signups: number;
  feeFen: number;
  withdrawnSignups: number;
  withdrawnFeeFen: number;
}

/** The figures the model says every page should show, computed from the model alone. */
export function expectedFigures(model: SchoolModel): FigureReading & { owedFen: number } {
  const live = model.signups.filter((g) => g.status !== 'withdrawn');
  const withdrawn = model.signups.filter((g) => g.status === 'withdrawn');
  const sum = (list: typeof live) => list.reduce((a, g) => a + g.feeFen, 0);
  return {
    signups: live.length,
    feeFen: sum(live),
    withdrawnSignups: withdrawn.length,
    withdrawnFeeFen: sum(withdrawn),
    owedFen: sum(live.filter((g) => g.payer !== 'student')),
  };
}

/** Rule 13 from the model alone: 学号 of pilot students 只有自费, and of those 尚未安排. */
export function expectedRule13(model: SchoolModel): {
  selfPaidOnly: string[];
  unscheduled: string[];
} {
  const selfPaidOnly: string[] = [];
  const unscheduled: string[] = [];
  for (const s of model.students.filter((x) => x.pilot)) {
    const live = model.signups.filter((g) => g.studentId === s.id && g.status !== 'withdrawn');
    if (live.length === 0) unscheduled.push(s.studentNo);
    else if (live.every((g) => g.payer === 'student')) selfPaidOnly.push(s.studentNo);
  }
  return { selfPaidOnly: selfPaidOnly.sort(), unscheduled: unscheduled.sort() };
}

/** 费用明细表 read back: its rows added up, and what its total and withdrawn lines say. */
async function readFeeSheet(
  file: SheetDownload,
): Promise<{ rows: FigureReading; totalLine: FigureReading }> {
  const wb = await loadWorkbook(Buffer.from(file.contentBase64, 'base64'));
  const table = sheetTable(wb.worksheets[0]);
  const values = [table.header, ...table.rows];
  const header = table.header;
  const statusAt = header.indexOf('状态');
  const feeAt = header.indexOf('费用（元）');
  const body = values.slice(
    1,
    values.findIndex((r, i) => i > 0 && r.length === 0),
  );
  const rows: FigureReading = { signups: 0, feeFen: 0, withdrawnSignups: 0, withdrawnFeeFen: 0 };
  for (const r of body) {
    const f = fen(Number(r[feeAt]));
    if (r[statusAt] === '已撤销') {
      rows.withdrawnSignups += 1;
      rows.withdrawnFeeFen += f;
    } else {
      rows.signups += 1;
      rows.feeFen += f;
    }
  }
  const line = (prefix: string) => values.find((r) => String(r[0] ?? '').startsWith(prefix));
  const total = line('合计（不含已撤销');
  const withdrawn = line('另有已撤销');
  const count = (cell: unknown) => Number(/(\d+) 人次/.exec(String(cell))?.[1] ?? NaN);
  return {
    rows,
    totalLine: {
      signups: count(total?.[0]),
      feeFen: fen(Number(total?.[feeAt])),
      withdrawnSignups: withdrawn ? count(withdrawn[0]) : 0,
      withdrawnFeeFen: withdrawn ? fen(Number(withdrawn[feeAt])) : 0,
    },
  };
}

/**
 * What every page, sheet and 首页 says about all sign-ups, read through the handlers: 台账
 * (unfiltered), 汇总, 费用明细表 (its rows and its total lines), the batch pages summed, and
 * 首页; and what 缴费与对账 says is owed, by batch and by organization.
 */
export async function readEveryFigure(call: DataCall) {
  const ledger = (await call('fees.ledger', {})) as LedgerResult;
  const totals = (await call('fees.totals', {})) as FeeTotals;
  const sheet = await readFeeSheet(
    (await call('fees.feeSheet', { batchId: null })) as SheetDownload,
  );
  const batches = (await call('exams.batches.list', {})) as ExamBatch[];
  const dashboard = (await call('dashboard.summary', {})) as DashboardSummary;
  const reconcile = (await call('fees.reconcile', {})) as Reconciliation;
  const sumOf = <T>(list: T[], pick: (x: T) => number) => list.reduce((a, x) => a + pick(x), 0);
  const readings: Record<string, FigureReading> = {
    ledger: {
      signups: ledger.figures.signups,
      feeFen: ledger.figures.feeFen,
      withdrawnSignups: ledger.figures.withdrawn.signups,
      withdrawnFeeFen: ledger.figures.withdrawn.feeFen,
    },
    totals: {
      signups: totals.all.signups,
      feeFen: totals.all.totalFen,
      withdrawnSignups: totals.withdrawn.signups,
      withdrawnFeeFen: totals.withdrawn.feeFen,
    },
    feeSheetRows: sheet.rows,
    feeSheetTotal: sheet.totalLine,
    batchPages: {
      signups: sumOf(batches, (b) => b.figures.signups),
      feeFen: sumOf(batches, (b) => b.figures.feeFen),
      withdrawnSignups: sumOf(batches, (b) => b.figures.withdrawn.signups),
      withdrawnFeeFen: sumOf(batches, (b) => b.figures.withdrawn.feeFen),
    },
    dashboard: {
      signups: dashboard.totals.signedUp,
      feeFen: dashboard.totals.feeTotalFen,
      withdrawnSignups: dashboard.totals.withdrawn.signups,
      withdrawnFeeFen: dashboard.totals.withdrawn.feeFen,
    },
  };
  return {
    readings,
    /** Rows with live sign-ups in the ledger's list (its paging count includes withdrawn). */
    ledgerRows: ledger.total,
    owed: {
      totals: totals.all.schoolFen + totals.all.subsidyFen,
      byBatch: sumOf(reconcile.byBatch, (r) => r.dueFen),
      byOrganization: sumOf(reconcile.byOrganization, (r) => r.dueFen),
      dashboard: dashboard.totals.feeFen.school + dashboard.totals.feeFen.subsidy,
    },
    paid: {
      byBatch: sumOf(reconcile.byBatch, (r) => r.paidFen) + reconcile.unassignedFen,
      byOrganization: sumOf(reconcile.byOrganization, (r) => r.paidFen),
    },
    violations: (await call('fees.violations', {})) as FeeViolations,
  };
}

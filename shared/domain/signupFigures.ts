/**
 * The figures of a set of sign-ups, defined once. The ledger, 汇总, 缴费与对账, 费用明细表, the
 * batch page and 首页 all add their sign-ups up with `addUpSignups`, from single sign-ups or from
 * the per-group sums the core keeps (`signup_sums`, migration 009), so they cannot disagree:
 * - a withdrawn (已撤销) sign-up is no exam and no money: it is left out of every count and
 *   total and reported apart (`withdrawn`), so a person sees where it went;
 * - 报名人次 and 费用合计 are the live sign-ups and their fees, whoever pays; `byPayer` splits them;
 * - what is owed to the evaluation organizations is the part paid by the school or a subsidy
 *   (a student pays an additional certificate's fee themselves);
 * - pass rate is passed / (passed + failed): 缺考, 违纪 and results not yet entered decide nothing;
 * - 实考 (`examined`) is the sittings that count (`scoredStatuses`); 缺考 and 违纪 are counted
 *   on their own, and their fees stay owed like any live sign-up's.
 */
import { payers, scoredStatuses, type Payer, type SignupStatus } from './exams';

/** A sign-up counts (as an exam and as money) unless it was withdrawn. */
export const isLiveSignup = (status: SignupStatus): boolean => status !== 'withdrawn';

/** Sign-ups of one status and payer: one sign-up (n = 1) or a row of the core's sums. */
export interface SignupGroup {
  status: SignupStatus;
  payer: Payer;
  n: number;
  fen: number;
}

export interface CountAndFee {
  signups: number;
  feeFen: number;
}

export interface SignupFigures {
  /** 报名人次: live sign-ups. */
  signups: number;
  /** 费用合计: fees of the live sign-ups, whoever pays. */
  feeFen: number;
  byPayer: Record<Payer, CountAndFee>;
  /** Live sign-ups by result: sat the exam (已考, 通过, 未通过), passed, failed, absent, 违纪. */
  examined: number;
  passed: number;
  failed: number;
  absent: number;
  violation: number;
  /** Withdrawn sign-ups: in no figure above, shown as their own line. */
  withdrawn: CountAndFee;
}

export const noSignupFigures = (): SignupFigures => ({
  signups: 0,
  feeFen: 0,
  byPayer: {
    school: { signups: 0, feeFen: 0 },
    subsidy: { signups: 0, feeFen: 0 },
    student: { signups: 0, feeFen: 0 },
  },
  examined: 0,
  passed: 0,
  failed: 0,
  absent: 0,
  violation: 0,
  withdrawn: { signups: 0, feeFen: 0 },
});

/** Adds `group` into `into` (mutating it), for folding many groups into several figures. */
export function addSignupGroup(into: SignupFigures, group: SignupGroup): SignupFigures {
  const { status, payer, n, fen } = group;
  if (!isLiveSignup(status)) {
    into.withdrawn.signups += n;
    into.withdrawn.feeFen += fen;
    return into;
  }
  into.signups += n;
  into.feeFen += fen;
  into.byPayer[payer].signups += n;
  into.byPayer[payer].feeFen += fen;
  if (scoredStatuses.includes(status)) into.examined += n;
  if (status === 'passed') into.passed += n;
  if (status === 'failed') into.failed += n;
  if (status === 'absent') into.absent += n;
  if (status === 'violation') into.violation += n;
  return into;
}

export function addUpSignups(groups: Iterable<SignupGroup>): SignupFigures {
  const figures = noSignupFigures();
  for (const g of groups) addSignupGroup(figures, g);
  return figures;
}

/** Payers whose fee the school pays to the evaluation organization (rules 12 and 13). */
export const paidBySchool = (payer: Payer): boolean => payer !== 'student';

/** The payers `paidBySchool` accepts, for SQL that must say the same (`sqlList`). */
export const schoolPaidPayers: readonly Payer[] = payers.filter(paidBySchool);

/** Owed to the evaluation organizations: live sign-ups paid by the school or a subsidy. */
export function owedToOrganizations(f: SignupFigures): CountAndFee {
  const owed = schoolPaidPayers.map((p) => f.byPayer[p]);
  return {
    signups: owed.reduce((a, p) => a + p.signups, 0),
    feeFen: owed.reduce((a, p) => a + p.feeFen, 0),
  };
}

/** 应考 / 实考 / 缺考 / 违纪 of a set of sign-ups, and how many are not recorded yet. */
export interface AttendanceCounts {
  /** 应考: the live sign-ups (withdrawn ones apart). */
  expected: number;
  /** 实考: sat, with a sitting that counts (已考, 通过, 未通过). */
  present: number;
  absent: number;
  violation: number;
  /** 已报名 or 已缴费: attendance not recorded yet. */
  unrecorded: number;
}

/** The attendance figures, read from the sign-up figures so the batch page and 首页 agree. */
export function attendanceCounts(
  f: Pick<SignupFigures, 'signups' | 'examined' | 'absent' | 'violation'>,
): AttendanceCounts {
  return {
    expected: f.signups,
    present: f.examined,
    absent: f.absent,
    violation: f.violation,
    unrecorded: f.signups - f.examined - f.absent - f.violation,
  };
}

/** passed / (passed + failed); null before any result. */
export function passRate(f: Pick<SignupFigures, 'passed' | 'failed'>): number | null {
  const decided = f.passed + f.failed;
  return decided > 0 ? f.passed / decided : null;
}

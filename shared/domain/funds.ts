/**
 * 试点经费: the pilot's money as a whole, defined once for the core, the page and the
 * 试点经费使用情况表.
 * - Income comes from 奖补资金 (with the allocating document number), 学校预算, other sources, or —
 *   the only money a student may be the source of — a voluntary additional certificate's exam
 *   fee, judged by the fee ledger's rule 12 (`studentPaidWithoutSchoolPaid`), never retyped.
 * - Spending is by category; 考核费 is never entered here: it is read from the payments to
 *   evaluation organizations (缴费记录), each attributed to the pilot project of its batch's
 *   certificate in the exam's year.
 * - A record's year is the year of its date; a payment's, the year it was paid.
 * - Spending with no document (neither a file nor an invoice number) is flagged; spending above
 *   income is shown, not refused.
 */
import { formatFen } from './money';

export const incomeSources = ['award', 'budget', 'other', 'studentExamFee'] as const;
export type IncomeSource = (typeof incomeSources)[number];

export const incomeSourceLabels: Record<IncomeSource, string> = {
  award: '奖补资金',
  budget: '学校预算',
  other: '其他来源',
  studentExamFee: '学生自愿自费（加考证书考核费）',
};

/** Categories a person enters; 考核费 (`exam`) comes from the payments only. */
export const enteredSpendingCategories = [
  'training',
  'equipment',
  'consumables',
  'materials',
  'other',
] as const;
export type EnteredSpendingCategory = (typeof enteredSpendingCategories)[number];

/** Every spending category, 考核费 first, in the order of the 使用情况表. */
export const spendingCategories = ['exam', ...enteredSpendingCategories] as const;
export type SpendingCategory = (typeof spendingCategories)[number];

export const spendingCategoryLabels: Record<SpendingCategory, string> = {
  exam: '考核费',
  training: '师资培训',
  equipment: '实训条件/设备',
  consumables: '耗材',
  materials: '教材与资源',
  other: '其他',
};

export type FundDirection = 'income' | 'spending';

export const fundDirectionLabels: Record<FundDirection, string> = {
  income: '收入',
  spending: '支出',
};

/** The year a record (or payment) counts in: the year of its date (2020-09-01 → 2020). */
export function fundYear(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** A spending line has its document when a file is attached or an invoice number is given. */
export function lacksDocument(line: { invoiceNo: string; hasAttachment: boolean }): boolean {
  return line.invoiceNo.trim() === '' && !line.hasAttachment;
}

/** Income − spending; negative when more was spent than received (shown, never refused). */
export function fundBalance(incomeFen: number, spendingFen: number): number {
  return incomeFen - spendingFen;
}

/** 支出超过收入 ¥1,200.00 — the line the page and the 使用情况表 show for an overspent total. */
export function overspentText(balanceFen: number): string {
  return `支出超过收入 ${formatFen(-balanceFen)}`;
}

/**
 * Rule 12: a student's voluntary exam fee is at most what the sign-up costs — checked when the
 * income is recorded and again on every reading, since the ledger may lower the fee later.
 */
export function studentFeeAmountProblem(amountFen: number, signupFeeFen: number): string | null {
  return amountFen > signupFeeFen
    ? `金额不能超过这条报名的考核费 ${formatFen(signupFeeFen)}`
    : null;
}

/**
 * Words in an “other source” that name students as the payer: money from students other than a
 * voluntary additional certificate's exam fee cannot be entered (notice 四 5, rule 12).
 */
const studentPayerPattern = /学生|学员|考生|家长/;

export function namesStudentsAsSource(text: string): boolean {
  return studentPayerPattern.test(text);
}

export const studentSourceRefusal =
  '不得向试点学生收取费用（通知第四部分）：经费收入不能登记来自学生的款项。学生自愿加考证书的考核费请选择来源“学生自愿自费（加考证书考核费）”并选择对应的报名记录。';

/** A pilot project as the 经费 page and the 使用情况表 name it: Web前端开发（2020年）. */
export function fundProjectLabel(certificateName: string, year: number): string {
  return `${certificateName}（${year}年）`;
}

/** The line of 考核费 paid for batches of no pilot project, or to no batch at all. */
export const unassignedProjectLabel = '未归属试点项目';

/** One line as the totals see it. */
export interface FundLineFigure {
  direction: FundDirection;
  category: IncomeSource | SpendingCategory;
  amountFen: number;
  lacksDocument: boolean;
}

export interface FundFigures {
  incomeFen: number;
  spendingFen: number;
  balanceFen: number;
  incomeBySource: Record<IncomeSource, number>;
  spendingByCategory: Record<SpendingCategory, number>;
  undocumented: number;
}

/** The totals of some lines, defined once: the page, 首页 and the 使用情况表 all add up here. */
export function addUpFundLines(lines: Iterable<FundLineFigure>): FundFigures {
  const incomeBySource = Object.fromEntries(incomeSources.map((s) => [s, 0])) as Record<
    IncomeSource,
    number
  >;
  const spendingByCategory = Object.fromEntries(spendingCategories.map((c) => [c, 0])) as Record<
    SpendingCategory,
    number
  >;
  let incomeFen = 0;
  let spendingFen = 0;
  let undocumented = 0;
  for (const line of lines) {
    if (line.direction === 'income') {
      incomeFen += line.amountFen;
      incomeBySource[line.category as IncomeSource] += line.amountFen;
    } else {
      spendingFen += line.amountFen;
      spendingByCategory[line.category as SpendingCategory] += line.amountFen;
      if (line.lacksDocument) undocumented += 1;
    }
  }
  return {
    incomeFen,
    spendingFen,
    balanceFen: fundBalance(incomeFen, spendingFen),
    incomeBySource,
    spendingByCategory,
    undocumented,
  };
}

/** One income source's or spending category's money, with its label. */
export interface KindAmount {
  key: IncomeSource | SpendingCategory;
  label: string;
  fen: number;
}

/**
 * The totals' income by source and spending by category, labelled and in the kinds' order: as
 * the 经费 page shows them and the 使用情况表 lists them.
 */
export function amountsByKind(
  figures: Pick<FundFigures, 'incomeBySource' | 'spendingByCategory'>,
): Record<FundDirection, KindAmount[]> {
  return {
    income: incomeSources.map((s) => ({
      key: s,
      label: incomeSourceLabels[s],
      fen: figures.incomeBySource[s],
    })),
    spending: spendingCategories.map((c) => ({
      key: c,
      label: spendingCategoryLabels[c],
      fen: figures.spendingByCategory[c],
    })),
  };
}

/** “本期试点经费：收入 ¥0.00，支出 ¥900.00（其中考核费 ¥900.00）”: the weekly report's line. */
export function weeklyFundsLine(flow: {
  incomeFen: number;
  spendingFen: number;
  spendingByCategory: Record<SpendingCategory, number>;
}): string {
  return `本期试点经费：收入 ${formatFen(flow.incomeFen)}，支出 ${formatFen(flow.spendingFen)}（其中${spendingCategoryLabels.exam} ${formatFen(flow.spendingByCategory.exam)}）`;
}

/**
 * 试点推进情况 of a year: the factors the notice names for funding support (因素法: progress,
 * number of pilot majors, scale), shown together because the province's weights are not public.
 */
export interface PilotProgress {
  year: number;
  /** Projects of the year, 未通过 and 取消资格 left out. */
  projects: number;
  /** Distinct majors of those projects. */
  pilotMajors: number;
  /** Students flagged 试点学生 (now; the flag is not kept per year). */
  pilotStudents: number;
  /** Live sign-ups of the batches examined in the year. */
  signups: number;
  passed: number;
  /** Live sign-ups of the year's batches with an issue date recorded. */
  certificates: number;
  /**
   * Weekly-report periods of the year whose due time has passed or whose report was sent (on
   * time, then), and how they were filed.
   */
  weekly: { due: number; onTime: number; late: number; notFiled: number };
}

/** 按时报送率: on time / due, or null when nothing was due yet. */
export function weeklyOnTimeRate(weekly: PilotProgress['weekly']): number | null {
  return weekly.due === 0 ? null : weekly.onTime / weekly.due;
}

/** The figures as lines to copy into whatever form the province sends. */
export function progressLines(p: PilotProgress): string[] {
  const rate = weeklyOnTimeRate(p.weekly);
  return [
    `${p.year}年度试点推进情况`,
    `试点项目（证书）数：${p.projects}`,
    `试点专业数：${p.pilotMajors}`,
    `试点学生数：${p.pilotStudents}`,
    `考核报名人次：${p.signups}`,
    `考核通过人次：${p.passed}`,
    `获得证书人次：${p.certificates}`,
    `周报：应报 ${p.weekly.due} 期，按时报送 ${p.weekly.onTime} 期，逾期报送 ${p.weekly.late} 期，未报送 ${p.weekly.notFiled} 期${
      rate === null ? '' : `，按时报送率 ${(rate * 100).toFixed(1)}%`
    }`,
  ];
}

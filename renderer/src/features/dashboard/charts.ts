import type { DashboardSummary, ExamLevelStats } from '../../../../shared/contract/dashboard';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { payerLabels, payers, signupStatusLabels } from '../../../../shared/domain/exams';
import { fenToYuan, roundYuanToFen } from '../../../../shared/domain/money';
import { periodStatusLabels } from '../../../../shared/domain/weeklyReports';
import { addDays } from '../../../../shared/domain/calendar';
import type { ChartOption } from '../../components/Chart';
import { formatFen } from '../../components/format';
import { t } from '../../i18n';

const tx = t.dashboard;

/** Grouped bars per certificate level: 报名, 已考, 通过. */
export function examsChart(exams: readonly ExamLevelStats[]): ChartOption {
  const names = {
    signedUp: tx.exams.signedUp,
    examined: tx.exams.examined,
    passed: signupStatusLabels.passed,
  };
  const series = (['signedUp', 'examined', 'passed'] as const).map((key) => ({
    name: names[key],
    type: 'bar',
    data: exams.map((e) => e[key]),
  }));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 60, top: 36 },
    xAxis: {
      type: 'category',
      data: exams.map((e) => `${e.certificateName}\n${certificateLevelLabels[e.level]}`),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/** Fees by who pays, in yuan. */
export function payerChart(fees: DashboardSummary['totals']['feeFen']): ChartOption {
  const amountOf = new Map<string, string>(payers.map((p) => [payerLabels[p], formatFen(fees[p])]));
  return {
    tooltip: {
      trigger: 'item',
      valueFormatter: (value: unknown) => formatFen(roundYuanToFen(Number(value))),
    },
    // Amounts in the legend: slice labels do not fit a narrow card.
    legend: {
      bottom: 0,
      orient: 'vertical',
      formatter: (name: string) => `${name} ${amountOf.get(name)}`,
    },
    series: [
      {
        type: 'pie',
        radius: ['35%', '60%'],
        center: ['50%', '40%'],
        label: { show: false },
        data: payers.map((p) => ({ name: payerLabels[p], value: fenToYuan(fees[p]) })),
      },
    ],
  };
}

type WeeklyPeriod = DashboardSummary['weekly']['periods'][number];

/** Compliance classes, worst first; a still-open period is shown apart from a missed one. */
const compliance = [
  { key: 'missed', label: `${periodStatusLabels.unfiled}（已逾期）`, color: '#cf1322' },
  { key: 'late', label: periodStatusLabels.late, color: '#fa8c16' },
  { key: 'open', label: tx.weekly.open, color: '#d9d9d9' },
  { key: 'submitted', label: periodStatusLabels.submitted, color: '#52c41a' },
] as const;

function complianceOf(p: WeeklyPeriod): number {
  if (p.overdue) return 0;
  if (p.status === 'late') return 1;
  if (p.status === 'submitted') return 3;
  return 2;
}

/** The weekly-report calendar: every day of a period coloured by how that period was filed. */
export function weeklyChart(periods: readonly WeeklyPeriod[]): ChartOption {
  const cells: [string, number, string][] = [];
  for (const p of periods) {
    for (let day = p.start; day <= p.end; day = addDays(day, 1)) {
      cells.push([day, complianceOf(p), p.label]);
    }
  }
  const first = periods[0]?.start ?? '';
  const last = periods.at(-1)?.end ?? '';
  return {
    tooltip: {
      formatter: (params: { value: [string, number, string] }) =>
        `${params.value[2]}：${compliance[params.value[1]].label}`,
    },
    visualMap: {
      type: 'piecewise',
      // The class is the cell's second value (the third is the period's label).
      dimension: 1,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: compliance.map((c, i) => ({ value: i, label: c.label, color: c.color })),
    },
    calendar: {
      range: [first, last],
      top: 40,
      left: 40,
      right: 16,
      cellSize: ['auto', 16],
      dayLabel: { nameMap: 'ZH', firstDay: 1 },
      monthLabel: { nameMap: 'ZH' },
      yearLabel: { show: false },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: cells }],
  };
}

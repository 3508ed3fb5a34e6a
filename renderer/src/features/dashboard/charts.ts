import type { DashboardSummary, ExamLevelStats } from '../../../../shared/contract/dashboard';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { fenToYuan } from '../../../../shared/domain/money';
import type { ChartOption } from '../../components/Chart';
import { formatFen } from '../../components/format';
import { t } from '../../i18n';

const tx = t.dashboard;

/** Grouped bars per certificate level: 报名, 已考, 通过. */
export function examsChart(exams: readonly ExamLevelStats[]): ChartOption {
  const series = (['signedUp', 'examined', 'passed'] as const).map((key) => ({
    name: tx.exams[key],
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
  const payers = ['school', 'subsidy', 'student'] as const;
  return {
    tooltip: {
      trigger: 'item',
      valueFormatter: (value: unknown) => formatFen(Math.round(Number(value) * 100)),
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '60%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{d}%' },
        // Payers with nothing yet are left out: an empty slice only prints an overlapping label.
        data: payers
          .filter((p) => fees[p] > 0)
          .map((p) => ({ name: tx.fees.payers[p], value: fenToYuan(fees[p]) })),
      },
    ],
  };
}

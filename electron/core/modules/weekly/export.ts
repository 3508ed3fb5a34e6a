import type {
  WeeklyFigureRow,
  WeeklyFigures,
  WeeklyFile,
  WeeklyReportDetail,
  WeeklyRevision,
} from '../../../../shared/contract/weekly';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { formatFen, fenToYuan } from '../../../../shared/domain/money';
import { formatChineseDate, formatChinaDateTime } from '../../../../shared/domain/dates';
import { weeklyFundsLine } from '../../../../shared/domain/funds';
import {
  figuresMethodLine,
  formatPeriodRange,
  notOnTimeRunText,
  periodStatusLabels,
  type NotOnTimeRun,
  type PeriodState,
} from '../../../../shared/domain/weeklyReports';
import { addSheet, newWorkbook, workbookBytes, type SheetValue } from '../../io/sheetWriter';
import type { Block } from '../package/content';
import { renderDocx } from '../package/lazyDocx';
import { renderPdf } from '../package/pdf';
import type { WeeklySchool } from './repository';

export const narrativeSections = [
  ['progress', '本周工作进展'],
  ['problems', '存在的问题与困难'],
  ['nextPlan', '下周工作计划'],
  ['experience', '典型经验'],
] as const;

const countHeader = ['证书', '等级', '新增报名', '撤销报名', '参考人数', '通过人数', '发证数'];
/** The columns of figureRows: the document shows money as ¥, a sheet as numbers in 元. */
const figureHeader = {
  document: [...countHeader, '费用变动', '缴费金额'],
  sheet: [...countHeader, '费用变动（元）', '缴费金额（元）'],
};

/** 费用变动 and 缴费金额 in the rows figureRows makes. */
const figureMoneyColumns = [countHeader.length, countHeader.length + 1];

function figureRows(figures: WeeklyFigures, money: (fen: number) => SheetValue): SheetValue[][] {
  const row = (f: Omit<WeeklyFigureRow, 'certificateId' | 'certificateName' | 'level'>) => [
    f.signups,
    f.withdrawn,
    f.examined,
    f.passed,
    f.issued,
    money(f.feeFen),
    money(f.paidFen),
  ];
  return [
    ...figures.byCertificate.map((r) => [
      r.certificateName,
      r.level ? certificateLevelLabels[r.level] : '',
      ...row(r),
    ]),
    ['合计', '', ...row(figures.totals)],
  ];
}

const paymentActions = { create: '新增', update: '修改', delete: '删除' } as const;

/** '缴费日期 2026年3月6日 · 某中心 · ¥900.00（新增）', one per payment entry of the period. */
function paymentLines(figures: WeeklyFigures): string[] {
  return figures.payments.map(
    (p) =>
      `缴费日期 ${formatChineseDate(p.paidOn)} · ${p.organization} · ${formatFen(p.amountFen)}（${paymentActions[p.action]}）`,
  );
}

/** The standing facts of rule 16, or nothing. */
const factLines = (runs: readonly NotOnTimeRun[]) => runs.map(notOnTimeRunText);

/** '已报送', '草稿', '未填（已逾期）': the status, and whether its due time passed unsent. */
function statusLabel(period: PeriodState): string {
  const base = periodStatusLabels[period.status];
  return period.overdue ? `${base}（已逾期）` : base;
}

/** '已报送（2026年3月6日 10:00，报送人：李老师）', '草稿', '未填（已逾期）'. */
function statusLine(period: PeriodState): string {
  if (period.submittedAt) {
    const base = periodStatusLabels[period.status];
    return `${base}（${formatChinaDateTime(period.submittedAt)}，报送人：${period.submitter}）`;
  }
  return statusLabel(period);
}

function revisionLine(revision: WeeklyRevision | null): string {
  if (!revision) return '尚未填写';
  const kind = revision.revision > 1 ? '（更正版本）' : '';
  const state =
    revision.status === 'submitted' && revision.submittedAt
      ? `${formatChinaDateTime(revision.submittedAt)} 报送，报送人：${revision.submitter}`
      : '草稿，尚未报送';
  return `第 ${revision.revision} 版${kind}：${state}`;
}

function reportBlocks(
  school: WeeklySchool,
  report: WeeklyReportDetail,
  revision: WeeklyRevision | null,
  today: string,
): Block[] {
  const { period } = report;
  const figures = revision?.figures ?? report.liveFigures;
  const sent = revision?.status === 'submitted' && revision.submittedAt;
  const cell = (text: string) => ({ text, label: true });
  const blocks: Block[] = [
    { type: 'title', text: '1+X证书制度试点工作周报' },
    ...(revision && revision.revision > 1
      ? [
          {
            type: 'paragraph' as const,
            text: `（更正版本：第 ${revision.revision} 版，替代本期此前报送的版本）`,
          },
        ]
      : []),
    {
      type: 'table',
      header: 0,
      widths: [1, 2, 1, 2],
      rows: [
        [cell('填报学校'), { text: school.name, colSpan: 3, align: 'left' }],
        [
          cell('报告期'),
          {
            text: `${formatPeriodRange(period.start, period.end)}（${period.label}）`,
            colSpan: 3,
            align: 'left',
          },
        ],
        [cell('填报人'), revision?.submitter || school.reporter, cell('联系电话'), school.phone],
        [
          cell('报送时间'),
          sent ? formatChinaDateTime(revision.submittedAt!) : '尚未报送',
          cell('截止时间'),
          formatChinaDateTime(period.dueAt),
        ],
      ],
    },
    ...factLines(report.notOnTimeRuns).map((text): Block => ({ type: 'paragraph', text })),
    { type: 'heading', text: '一、本期数据' },
    { type: 'paragraph', text: figuresMethodLine(figures.basis) },
    {
      type: 'table',
      // Names and money need room (¥999,999.99 on one line: narrower, ¥120,000.00 broke into
      // ¥120,000.0 and 0); the counts are short.
      widths: [2.6, 1, 1, 1, 1, 1, 1, 2.4, 2.4],
      rows: [
        figureHeader.document,
        ...figureRows(figures, formatFen).map((r) => r.map((v) => String(v ?? ''))),
      ],
    },
    ...paymentLines(figures).map((text): Block => ({ type: 'paragraph', text })),
    ...(figures.funds
      ? [{ type: 'paragraph' as const, text: weeklyFundsLine(figures.funds) }]
      : []),
  ];
  narrativeSections.forEach(([key, label], i) => {
    blocks.push({ type: 'heading', text: `${'二三四五'[i]}、${label}` });
    const text = revision?.[key] ?? '';
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    for (const line of lines.length > 0 ? lines : ['无']) {
      blocks.push({ type: 'paragraph', text: line });
    }
  });
  blocks.push({
    type: 'signature',
    lines: ['填报人签字：', `${school.name}（盖章）`, formatChineseDate(today)],
  });
  return blocks;
}

const base64 = (fileName: string, bytes: Buffer): WeeklyFile => ({
  fileName,
  contentBase64: bytes.toString('base64'),
});

/** One report (one revision) as docx, pdf (as it prints) or xlsx. */
export async function exportReport(
  school: WeeklySchool,
  report: WeeklyReportDetail,
  revision: WeeklyRevision | null,
  format: 'docx' | 'xlsx' | 'pdf',
  today: string,
): Promise<WeeklyFile> {
  const { period } = report;
  const suffix = revision && revision.revision > 1 ? `_第${revision.revision}版` : '';
  const name = `周报_${period.label}${suffix}.${format}`;
  if (format !== 'xlsx') {
    const render = format === 'pdf' ? renderPdf : renderDocx;
    return base64(
      name,
      await render('1+X证书制度试点工作周报', reportBlocks(school, report, revision, today)),
    );
  }
  const figures = revision?.figures ?? report.liveFigures;
  const wb = await newWorkbook();
  addSheet(
    wb,
    '周报',
    ['项目', '内容'],
    [
      ['学校', school.name],
      ['报告期', formatPeriodRange(period.start, period.end)],
      ['期次', period.label],
      ['截止时间', formatChinaDateTime(period.dueAt)],
      ['状态', statusLine(period)],
      ['版本', revisionLine(revision)],
      ['统计口径', figuresMethodLine(figures.basis)],
      ...(figures.funds ? [['本期试点经费', weeklyFundsLine(figures.funds)]] : []),
      ...factLines(report.notOnTimeRuns).map((text) => ['按时报送记录', text]),
      ...narrativeSections.map(([key, label]) => [label, revision?.[key] ?? '']),
    ],
  );
  addSheet(wb, '本期数据', figureHeader.sheet, figureRows(figures, fenToYuan), {
    moneyColumns: figureMoneyColumns,
  });
  addSheet(
    wb,
    '本期缴费',
    ['缴费日期', '缴费单位', '金额（元）', '操作', '录入时间'],
    figures.payments.map((p) => [
      p.paidOn,
      p.organization,
      fenToYuan(p.amountFen),
      paymentActions[p.action],
      formatChinaDateTime(p.recordedAt),
    ]),
    { dateColumns: [0], moneyColumns: [2] },
  );
  return base64(name, await workbookBytes(wb));
}

/** The reports of a range of periods (newest sent or drafted revision of each) as docx or xlsx. */
export async function exportRange(
  school: string,
  from: string,
  to: string,
  reports: readonly WeeklyReportDetail[],
  format: 'docx' | 'xlsx',
): Promise<WeeklyFile> {
  const name = `周报汇总_${from}至${to}.${format}`;
  const facts = reports[0]?.notOnTimeRuns ?? [];
  const rows = reports.map((r) => {
    const revision = r.revisions[0] ?? null;
    const { totals, funds } = revision?.figures ?? r.liveFigures;
    return { r, revision, totals, funds };
  });
  if (format === 'docx') {
    const blocks: Block[] = [
      { type: 'title', text: '1+X证书制度试点工作周报汇总' },
      { type: 'paragraph', text: `学校：${school}` },
      { type: 'paragraph', text: `范围：${formatPeriodRange(from, to)}，共 ${reports.length} 期` },
      ...factLines(facts).map((text): Block => ({ type: 'paragraph', text })),
      { type: 'heading', text: '一、报送情况' },
      {
        type: 'table',
        // Of 155 mm at 五号: 缴费金额 about 75 pt, ¥999,999.99 (about 60 pt) on one line inside
        // Word's cell margins (5.4 pt a side); the counts are short, 状态 carries who sent it when.
        widths: [1.3, 2, 1.5, 2.2, 0.9, 0.9, 0.9, 2],
        rows: [
          ['期次', '报告期', '截止时间', '状态', '新增报名', '撤销报名', '通过人数', '缴费金额'],
          ...rows.map(({ r, totals }) => [
            r.period.label,
            formatPeriodRange(r.period.start, r.period.end),
            formatChinaDateTime(r.period.dueAt),
            statusLine(r.period),
            String(totals.signups),
            String(totals.withdrawn),
            String(totals.passed),
            formatFen(totals.paidFen),
          ]),
        ],
      },
      { type: 'heading', text: '二、各期内容' },
    ];
    for (const { r, revision, funds } of rows) {
      blocks.push({
        type: 'heading',
        text: `${r.period.label}（${periodStatusLabels[r.period.status]}）`,
      });
      if (funds) blocks.push({ type: 'paragraph', text: weeklyFundsLine(funds) });
      for (const [key, label] of narrativeSections) {
        blocks.push({ type: 'paragraph', text: `${label}：${revision?.[key] || '无'}` });
      }
    }
    return base64(name, await renderDocx('1+X证书制度试点工作周报汇总', blocks));
  }
  const wb = await newWorkbook();
  addSheet(
    wb,
    '周报汇总',
    [
      '期次',
      '开始日期',
      '结束日期',
      '截止时间',
      '状态',
      '报送时间',
      '报送人',
      '版本',
      '新增报名',
      '撤销报名',
      '参考人数',
      '通过人数',
      '发证数',
      '费用变动（元）',
      '缴费金额（元）',
      '试点经费收入（元）',
      '试点经费支出（元）',
      ...narrativeSections.map(([, label]) => label),
    ],
    rows.map(({ r, revision, totals, funds }) => [
      r.period.label,
      r.period.start,
      r.period.end,
      formatChinaDateTime(r.period.dueAt),
      statusLabel(r.period),
      r.period.submittedAt ? formatChinaDateTime(r.period.submittedAt) : '',
      r.period.submitter,
      revision?.revision ?? '',
      totals.signups,
      totals.withdrawn,
      totals.examined,
      totals.passed,
      totals.issued,
      fenToYuan(totals.feeFen),
      fenToYuan(totals.paidFen),
      funds ? fenToYuan(funds.incomeFen) : '',
      funds ? fenToYuan(funds.spendingFen) : '',
      ...narrativeSections.map(([key]) => revision?.[key] ?? ''),
    ]),
    { dateColumns: [1, 2], moneyColumns: [13, 14, 15, 16] },
  );
  addSheet(
    wb,
    '按证书',
    ['期次', ...figureHeader.sheet],
    rows.flatMap(({ r, revision }) =>
      figureRows(revision?.figures ?? r.liveFigures, fenToYuan)
        .slice(0, -1)
        .map((f) => [r.period.label, ...f]),
    ),
    { moneyColumns: figureMoneyColumns.map((i) => i + 1) },
  );
  if (facts.length > 0) {
    addSheet(
      wb,
      '按时报送记录',
      ['已发生'],
      factLines(facts).map((text) => [text]),
    );
  }
  return base64(name, await workbookBytes(wb));
}

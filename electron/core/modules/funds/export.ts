import type { FundLine, FundsOverview, FundTotals } from '../../../../shared/contract/funds';
import { formatChineseDate } from '../../../../shared/domain/dates';
import {
  amountsByKind,
  fundDirectionLabels,
  overspentText,
  spendingCategories,
  spendingCategoryLabels,
  type KindAmount,
} from '../../../../shared/domain/funds';
import { fenToYuan, formatFen } from '../../../../shared/domain/money';
import { addSheet, newWorkbook, workbookBytes, type SheetValue } from '../../io/sheetWriter';
import type { Block, Cell } from '../package/content';
import { renderPdf } from '../package/pdf';
import { mimeTypes } from '../../../../shared/contract/files';

/** 试点经费使用情况表: the same lines and totals as the 经费 page, as xlsx and as PDF. */
export const FUNDS_TABLE_TITLE = '1+X证书制度试点经费使用情况表';

export const FUNDS_SHEET_HEADER = [
  '序号',
  '收支',
  '类别',
  '试点项目',
  '日期',
  '来源单位/收款方',
  '文号/发票号',
  '凭证',
  '金额（元）',
  '备注',
] as const;

export interface FundsFile {
  fileName: string;
  mime: string;
  bytes: Buffer;
}

/** “2026年度 全部试点项目” or “2026年度 Web前端开发（2026年）”. */
function scopeText(overview: FundsOverview): string {
  const project =
    overview.projectId === null
      ? '全部试点项目'
      : (overview.projects.find((p) => p.id === overview.projectId)?.label ?? '');
  return `${overview.year}年度 ${project}`;
}

function fileName(overview: FundsOverview, ext: 'xlsx' | 'pdf'): string {
  const scope = scopeText(overview).replace(/[\\/:*?"<>|\s]+/g, '_');
  return `试点经费使用情况表_${scope}.${ext}`;
}

/** A line's document reference: the attached file, 无凭证 (spending), or — (income without). */
export function documentText(line: FundLine): string {
  if (line.document) return `附件：${line.document.fileName}`;
  if (line.lacksDocument) return '无凭证';
  return line.reference === '' ? '—' : '见文号/发票号';
}

function noteText(line: FundLine): string {
  return [line.signupLabel && `报名：${line.signupLabel}`, line.note, line.problem ?? '']
    .filter(Boolean)
    .join('；');
}

/** Income first, then spending, each by date. */
const ordered = (lines: readonly FundLine[]) => [
  ...lines.filter((l) => l.direction === 'income'),
  ...lines.filter((l) => l.direction === 'spending'),
];

/** The summary lines under the table: totals by source and category, then the balance. */
export function summaryLines(totals: FundTotals): [string, number][] {
  const { income, spending } = amountsByKind(totals);
  const part = ({ label, fen }: KindAmount): [string, number] => [`其中${label}`, fen];
  return [
    ['收入合计', totals.incomeFen],
    ...income.map(part),
    ['支出合计', totals.spendingFen],
    ...spending.map(part),
    ['结余', totals.balanceFen],
  ];
}

/** The remarks under the summary (sheet and PDF alike): overspending, undocumented spending. */
function summaryNotes(totals: FundTotals): string[] {
  const notes: string[] = [];
  if (totals.balanceFen < 0) notes.push(overspentText(totals.balanceFen));
  if (totals.undocumented > 0) notes.push(`${totals.undocumented} 笔支出无凭证`);
  return notes;
}

export async function fundsSheet(overview: FundsOverview, madeOn: string): Promise<FundsFile> {
  const lines = ordered(overview.lines);
  const width = FUNDS_SHEET_HEADER.length;
  const amountAt = FUNDS_SHEET_HEADER.indexOf('金额（元）');
  const body: SheetValue[][] = lines.map((l, i) => [
    i + 1,
    fundDirectionLabels[l.direction],
    l.categoryLabel,
    l.projectLabel,
    l.date,
    l.party,
    l.reference,
    documentText(l),
    fenToYuan(l.amountFen),
    noteText(l),
  ]);
  const total = (label: string, fen: number): SheetValue[] => {
    const row: SheetValue[] = Array<SheetValue>(width).fill('');
    row[0] = label;
    row[amountAt] = fenToYuan(fen);
    return row;
  };
  body.push([], ...summaryLines(overview.totals).map(([label, fen]) => total(label, fen)));
  const notes = summaryNotes(overview.totals);
  if (notes.length > 0) body.push([`说明：${notes.join('；')}`]);

  const wb = await newWorkbook();
  addSheet(wb, '经费使用情况', FUNDS_SHEET_HEADER, body, {
    textColumns: [FUNDS_SHEET_HEADER.indexOf('文号/发票号')],
    moneyColumns: [amountAt],
    dateColumns: [FUNDS_SHEET_HEADER.indexOf('日期')],
    title: { text: `${FUNDS_TABLE_TITLE}（${scopeText(overview)}）`, madeOn },
  });
  if (overview.projectId === null && overview.byProject.length > 0) {
    const header = [
      '试点项目',
      '收入（元）',
      ...spendingCategories.map((c) => `${spendingCategoryLabels[c]}（元）`),
      '支出合计（元）',
      '结余（元）',
    ];
    addSheet(
      wb,
      '分项目汇总',
      header,
      overview.byProject.map((p) => [
        p.label,
        fenToYuan(p.incomeFen),
        ...spendingCategories.map((c) => fenToYuan(p.spendingByCategory[c])),
        fenToYuan(p.spendingFen),
        fenToYuan(p.balanceFen),
      ]),
      {
        moneyColumns: header.map((_, i) => i).slice(1),
        title: { text: `试点经费分项目汇总（${overview.year}年度）`, madeOn },
      },
    );
  }
  return {
    fileName: fileName(overview, 'xlsx'),
    mime: mimeTypes.xlsx,
    bytes: await workbookBytes(wb),
  };
}

/** A line's document in the PDF's narrow column: 附件 without the file's name, else as the sheet says. */
const documentMark = (line: FundLine) => (line.document ? '附件' : documentText(line));

/** The lines of one direction as a PDF table (the project column only when all are shown). */
function linesTable(overview: FundsOverview, direction: 'income' | 'spending'): Block {
  const lines = overview.lines.filter((l) => l.direction === direction);
  const allProjects = overview.projectId === null;
  const income = direction === 'income';
  const head = [
    '序号',
    income ? '来源' : '类别',
    ...(allProjects ? ['试点项目'] : []),
    '日期',
    income ? '来源单位' : '收款方',
    income ? '文号' : '发票号',
    '凭证',
    '金额',
  ];
  const rows: (string | Cell)[][] = [
    head,
    ...lines.map((l, i) => [
      String(i + 1),
      l.categoryLabel,
      ...(allProjects ? [l.projectLabel] : []),
      // Dates read as on every printed form: 2026年3月2日.
      formatChineseDate(l.date),
      l.party || '—',
      l.reference || '—',
      documentMark(l),
      formatFen(l.amountFen),
    ]),
  ];
  if (lines.length === 0) {
    rows.push([{ text: income ? '本年度无收入记录' : '本年度无支出记录', colSpan: head.length }]);
  }
  // 金额 wide enough for ¥999,999.99 on one line: narrower, ¥20,000.00 broke into ¥20,000.0 and 0.
  const widths = allProjects
    ? [0.45, 0.85, 1.2, 1.3, 1.1, 1.25, 0.8, 1.5]
    : [0.45, 1.0, 1.3, 1.35, 1.5, 0.8, 1.45];
  return { type: 'table', rows, widths };
}

/** The PDF in the documents' house style: title, the lines, the totals, signature and stamp. */
export function fundsBlocks(overview: FundsOverview, madeOn: string): Block[] {
  const summary: (string | Cell)[][] = [
    ['项目', '金额'],
    ...summaryLines(overview.totals).map(([label, fen]) => [
      { text: label, label: !label.startsWith('其中') },
      formatFen(fen),
    ]),
  ];
  const notes = summaryNotes(overview.totals);
  return [
    { type: 'title', text: FUNDS_TABLE_TITLE },
    {
      type: 'paragraph',
      text: `范围：${scopeText(overview)}。制表日期：${formatChineseDate(madeOn)}。考核费取自缴费记录（支付给培训评价组织的款项），按考核批次所属试点项目归集。`,
    },
    { type: 'heading', text: '一、收入明细' },
    linesTable(overview, 'income'),
    { type: 'heading', text: '二、支出明细' },
    linesTable(overview, 'spending'),
    { type: 'heading', text: '三、收支汇总' },
    { type: 'table', rows: summary, widths: [2, 1.5] },
    ...(notes.length > 0
      ? [{ type: 'paragraph' as const, text: `说明：${notes.join('；')}。` }]
      : []),
    {
      type: 'signature',
      lines: ['经办人签字：', '负责人签字：', '学校（盖章）', '年　　月　　日'],
    },
  ];
}

export async function fundsPdf(overview: FundsOverview, madeOn: string): Promise<FundsFile> {
  return {
    fileName: fileName(overview, 'pdf'),
    mime: mimeTypes.pdf,
    bytes: await renderPdf(FUNDS_TABLE_TITLE, fundsBlocks(overview, madeOn)),
  };
}

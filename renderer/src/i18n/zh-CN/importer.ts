/* The import wizard and file sending, shared by every import. */

/** Row counts grouped as the tables' 共 1,200 条 beside them (导入 1200 行 read oddly). */
const rows = (n: number) => n.toLocaleString('zh-CN');

/** What an import's result counts (the contract's ImportResult). */
export interface ImportCounts {
  created: number;
  updated: number;
  unchanged?: number;
  leftOut?: number;
}

/** The rows an import matched to saved records already holding the same values. */
export const sameAsSaved = (n = 0) => (n > 0 ? `，另有 ${rows(n)} 条与已保存的相同（未改动）` : '');

export const importer = {
  pickTitle: '点击或拖入文件',
  pickHint:
    '支持 Excel 工作簿（.xlsx）和 CSV（UTF-8 或 Excel 默认的 GBK 编码）。表头可以在标题行下面。',
  pickAgain: '重新选择文件',
  fileInfo: (file: string, sheet: string | null, headerRow: number) =>
    `${file}${sheet ? ` · 工作表“${sheet}”` : ''} · 表头在第 ${headerRow} 行`,
  reading: '正在读取文件…',
  summary: (
    s: {
      total: number;
      valid: number;
      toCreate: number;
      toUpdate: number;
      unchanged: number;
      invalid: number;
    },
    words: { create: string; update: string } = { create: '新增', update: '更新' },
  ) =>
    `共 ${rows(s.total)} 行：可导入 ${rows(s.valid)} 行（${words.create} ${rows(s.toCreate)}，${words.update} ${rows(s.toUpdate)}${s.unchanged > 0 ? `，与已保存的相同 ${rows(s.unchanged)}` : ''}），有错误 ${rows(s.invalid)} 行。`,
  noRows: '表头下方没有数据行。',
  fixFirst: (valid: number) =>
    valid > 0
      ? '有错误的行不能导入：可“下载问题行”在 Excel 中改正后导入该文件，或先“仅导入无误的行”。'
      : '没有可以导入的行：可“下载问题行”在 Excel 中改正后导入该文件。',
  skipped: (s: {
    totals: number;
    notes: number;
    blank: number;
    examples: number;
    merged: number;
  }) => {
    const parts = [
      s.totals > 0 ? `合计/小计行 ${s.totals} 行` : '',
      s.notes > 0 ? `表尾说明 ${s.notes} 行` : '',
      s.blank > 0 ? `空行 ${s.blank} 行` : '',
      s.examples > 0 ? `模板的示例行 ${s.examples} 行` : '',
    ].filter(Boolean);
    const skipped = parts.length > 0 ? `已跳过${parts.join('、')}，它们不是数据行。` : '';
    const merged = s.merged > 0 ? `完全相同的重复行 ${s.merged} 行已合并，只导入一次。` : '';
    return `${skipped}${merged}`;
  },
  groupsTitle: '按原因汇总',
  groupCount: (n: number) => `${rows(n)} 行`,
  groupColumn: (column: string) => `“${column}”列`,
  groupCut: (shown: number) => `只列出前 ${shown} 行；下载问题行可得到全部。`,
  severity: { error: '错误', warning: '提醒' },
  problem: '问题',
  downloadProblems: '下载问题行',
  template: '下载模板',
  templateSaved: (fileName: string) =>
    `已下载 ${fileName}：灰色的一行是示例，可改写或删除；按“说明”工作表填写后导入。`,
  downloaded: (fileName: string) => `已下载 ${fileName}：改正后可直接导入该文件。`,
  skipInvalid: (n: number) => `仅导入无误的 ${rows(n)} 行`,
  skipConfirmTitle: '仅导入无误的行？',
  skipConfirm: (valid: number, invalid: number) =>
    `将导入 ${rows(valid)} 行；另有 ${rows(invalid)} 行有错误，不会导入（导入记录中会写明）。这些行可先“下载问题行”，改正后再导入。`,
  skipConfirmOk: '确定导入',
  missing: (labels: string) =>
    `找不到必填列：${labels}。请在下方“列对应”中为它选择一列，或在表头写上这一列的名称。`,
  mappingTitle: '列对应',
  mappingHint: '按表头自动对应；若不对，可在这里改为其他列。',
  notImported: '（不导入）',
  columnOption: (letter: string, header: string) => `${letter} 列${header ? `：${header}` : ''}`,
  rowsTitle: '预览',
  rowNumber: '行号',
  column: '列',
  reason: '原因',
  result: '结果',
  actions: { create: '新增', update: '更新', error: '有错误' },
  /** A valid row matching a saved record that already holds what it says. */
  unchangedRow: '未改动',
  commit: (n: number) => `导入 ${rows(n)} 行`,
  commitBlocked: (invalid: number) => `全部导入（${invalid} 行有错误）`,
  committing: '正在导入…',
  done: (
    { created, updated, unchanged }: ImportCounts,
    words: { create: string; update: string } = { create: '新增', update: '更新' },
  ) =>
    `导入完成：${words.create} ${created} 条，${words.update} ${updated} 条${sameAsSaved(unchanged)}。`,
  leftOut: (n: number) => `有错误的 ${n} 行未导入。`,
  close: '关闭',
  failed: '导入失败',
  previewFailed: '无法读取这个文件',
  emptyCell: '（空）',
  compareNote:
    '同一值的行排在一起，列出文件的每一列；红色是这些行不一致的单元格，请核对后只保留正确的一行。',
} as const;

export const uploads = {
  /** While a picked file is sent to the core in pieces. */
  sending: (fileName: string) => `正在发送“${fileName}”…`,
  sent: (sent: string, total: string) => `${sent} / ${total}`,
  checking: '已发送，正在处理…',
} as const;

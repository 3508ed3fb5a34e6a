import type { TableRow } from './table';

/** 合计 / 小计 / 总计 / 累计 (with or without a colon) and 共 N 人 / 共计 N 名 / 总人数. */
const TOTAL =
  /^(合\s*计|小\s*计|总\s*计|累\s*计|总人数)(\s*[:：].*)?$|^共计?\s*\d+\s*(人|名|条|行|位)/;

/** How footers and signatures under a roster begin: 注：, 说明：, 制表人：, 填表日期… */
const NOTE = /^(注|备注|说明|附注|制表|填表|审核|负责人|经办人|签字|签名|盖章|日期|联系人)/;

/**
 * A total or subtotal line a school puts under (or between) its rows: a 合计-like cell standing
 * in a required column (合计 under 学号), or anywhere while a required cell is empty. A person's
 * row with every required cell filled is never one, whatever its 备注 says (“共 2 人同住”).
 */
export function isTotalRow(row: TableRow, requiredColumns: readonly number[]): boolean {
  const totals = row.cells
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell }) => cell.kind === 'text' && TOTAL.test(cell.text));
  if (totals.length === 0) return false;
  const required = new Set(requiredColumns);
  return (
    totals.some(({ index }) => required.has(index)) ||
    requiredColumns.some((index) => (row.cells[index]?.text ?? '') === '')
  );
}

/**
 * A note under the table: text only, either one cell beginning like a note (注：…) or standing in a
 * column the import does not read (e.g. a merged 序号 cell spanning the footer), or every cell
 * beginning like a note (制表人：张三 … 审核人：李四 across the footer).
 */
export function isNoteRow(row: TableRow, readColumns: ReadonlySet<number>): boolean {
  const cells = row.cells.map((cell, index) => ({ cell, index })).filter((c) => c.cell.text !== '');
  if (cells.length === 0 || cells.some((c) => c.cell.kind !== 'text')) return false;
  if (cells.every((c) => NOTE.test(c.cell.text))) return true;
  return cells.length === 1 && !readColumns.has(cells[0].index);
}

/**
 * The example row of the import's own 下载模板, left in as it came: every column the import reads
 * holds that column's example value (`examples`: column index → example text). A template whose
 * columns hold no example at all has no example row to find.
 */
export function isExampleRow(row: TableRow, examples: ReadonlyMap<number, string>): boolean {
  let any = false;
  for (const [index, example] of examples) {
    if ((row.cells[index]?.text ?? '') !== example) return false;
    if (example !== '') any = true;
  }
  return any;
}

import { describe, expect, it } from 'vitest';
import { isExampleRow, isNoteRow, isTotalRow } from '../../../electron/core/io/rowKinds';
import type { Cell, TableRow } from '../../../electron/core/io/table';

const cell = (text: string | number): Cell =>
  typeof text === 'number'
    ? { kind: 'number', text: String(text) }
    : { kind: text === '' ? 'empty' : 'text', text };
const row = (...texts: (string | number)[]): TableRow => ({ rowNumber: 9, cells: texts.map(cell) });

// Columns: 0 序号, 1 学号 (required), 2 姓名 (required), 3 备注.
const required = [1, 2];

describe('rows that are not people', () => {
  it.each([
    [row('', '合计', '', '共 40 人')],
    [row('合计：', '', '', '')],
    [row('', '', '小 计', 12)],
    [row('', '', '', '共计 40 名')],
    [row('', '总计', '40', '')],
  ])('a total or subtotal row is recognised: %j', (r) => {
    expect(isTotalRow(r, required)).toBe(true);
  });

  it('a person whose 备注 reads like a total is still a person', () => {
    expect(isTotalRow(row(3, '2023010103', '王五', '共 2 人同住'), required)).toBe(false);
    expect(isTotalRow(row(3, '2023010103', '合计', ''), required)).toBe(true);
  });

  it('a footer note is one text cell that begins like a note or stands outside the read columns', () => {
    const read = new Set([1, 2, 3]);
    expect(isNoteRow(row('注：本表由教务处导出'), read)).toBe(true);
    expect(isNoteRow(row('', '', '', '制表人：张老师'), read)).toBe(true);
    expect(isNoteRow(row('教务处 2023 年 9 月'), read)).toBe(true);
    // A signature footer across the columns: every cell begins like a note.
    expect(isNoteRow(row('制表人：张三', '', '审核人：李四', '日期：2020-11-20'), read)).toBe(true);
    expect(isNoteRow(row('制表人：张三', '2023010103', '王五'), read)).toBe(false);
    // A row with only a name is a person with missing cells, not a note.
    expect(isNoteRow(row('', '', '王五'), read)).toBe(false);
    expect(isNoteRow(row('', '2023010103', '王五'), read)).toBe(false);
  });

  it('the template’s example row is one whose every read column holds its example', () => {
    // 学号 in column 1, 姓名 in 2, 备注 (no example) in 3; column 0 is not read.
    const examples = new Map([
      [1, '2023010101'],
      [2, '张三'],
      [3, ''],
    ]);
    expect(isExampleRow(row('', '2023010101', '张三'), examples)).toBe(true);
    expect(isExampleRow(row(1, '2023010101', '张三', ''), examples)).toBe(true);
    // One cell changed or added: a real row typed over the example.
    expect(isExampleRow(row('', '2023010102', '张三'), examples)).toBe(false);
    expect(isExampleRow(row('', '2023010101', '张三', '转专业'), examples)).toBe(false);
    // No example in any column: nothing is an example row, not even an empty one.
    const noExamples = new Map([...examples.keys()].map((index) => [index, '']));
    expect(isExampleRow(row('', '', ''), noExamples)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  addSheet,
  DATE_FORMAT,
  MONEY_FORMAT,
  neutraliseCell,
  newWorkbook,
  workbookBytes,
} from '../../../electron/core/io/sheetWriter';
import { loadWorkbook, sheetTable } from '../../harness/sheets';

describe('neutraliseCell', () => {
  it.each(['=1+1', '+86 138', '-2', '@SUM(A1)', '\t=x', '\r=x'])('prefixes %j', (value) => {
    expect(neutraliseCell(value)).toBe(`'${value}`);
  });
  it('leaves plain text and numbers alone', () => {
    expect(neutraliseCell('张三')).toBe('张三');
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBeNull();
  });
});

describe('addSheet', () => {
  it('writes text cells that never become formulas, ID numbers as text', async () => {
    const wb = await newWorkbook();
    addSheet(wb, '表', ['姓名', '证件号码'], [['=HYPERLINK("http://x")', '420106200503010013']], {
      textColumns: [1],
    });
    const back = await loadWorkbook(await workbookBytes(wb));
    const row = back.getWorksheet('表')!.getRow(2);
    expect(row.getCell(1).value).toBe(`'=HYPERLINK("http://x")`);
    expect(row.getCell(1).formula).toBeUndefined();
    expect(row.getCell(2).value).toBe('420106200503010013');
    expect(row.getCell(2).numFmt).toBe('@');
  });

  it('writes money as numbers, dates as date cells, a frozen bordered header and A4 landscape print set-up', async () => {
    const wb = await newWorkbook();
    addSheet(
      wb,
      '费用',
      ['学号', '考核日期', '费用（元）'],
      [
        ['2023000001', '2020-11-15', 480],
        ['2023000002', '未定', 1234.5],
      ],
      {
        textColumns: [0],
        dateColumns: [1],
        moneyColumns: [2],
        title: { text: '考核费用明细表', madeOn: '2026-12-02' },
      },
    );
    const ws = (await loadWorkbook(await workbookBytes(wb))).getWorksheet('费用')!;
    expect(ws.getCell('A1').value).toBe('考核费用明细表');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').value).toBe('制表日期：2026年12月2日');
    const table = sheetTable(ws);
    expect(table.headerRow).toBe(3);
    expect(table.header).toEqual(['学号', '考核日期', '费用（元）']);
    expect(ws.getCell('A3').font?.bold).toBe(true);
    expect(ws.getCell('C3').border?.bottom?.style).toBe('thin');
    expect(table.rows[0]).toEqual(['2023000001', new Date(Date.UTC(2020, 10, 15)), 480]);
    // Text that is not a date stays text; the sum a spreadsheet would make is a number.
    expect(table.rows[1][1]).toBe('未定');
    expect((table.rows as number[][]).reduce((sum, r) => sum + r[2], 0)).toBe(1714.5);
    expect(ws.getCell('B4').numFmt).toBe(DATE_FORMAT);
    expect(ws.getCell('C4').numFmt).toBe(MONEY_FORMAT);
    expect(ws.getCell('A4').numFmt).toBe('@');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    // Columns fit their content: the CJK title of a short column is wider than its digits.
    expect(ws.getColumn(1).width).toBeGreaterThanOrEqual('2023000001'.length);
    expect(ws.getColumn(3).width).toBeGreaterThanOrEqual('费用（元）'.length * 2);
  });

  it('keeps an upload template plain: without a title the header is the first row', async () => {
    const wb = await newWorkbook();
    addSheet(wb, '考生信息', ['姓名', '证件号码'], [['张三', '420106200503010013']], {
      textColumns: [1],
    });
    const ws = (await loadWorkbook(await workbookBytes(wb))).getWorksheet('考生信息')!;
    expect(ws.getRow(1).values).toEqual([undefined, '姓名', '证件号码']);
    expect(sheetTable(ws).headerRow).toBe(1);
  });
});

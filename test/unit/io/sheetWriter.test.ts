import { describe, expect, it } from 'vitest';
import {
  addSheet,
  neutraliseCell,
  newWorkbook,
  workbookBytes,
} from '../../../electron/core/io/sheetWriter';
import { loadWorkbook } from '../../harness/sheets';

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
    const wb = newWorkbook();
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
});

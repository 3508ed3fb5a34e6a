import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords, readCsv } from '../../../electron/core/io/csv';
import { decodeText } from '../../../electron/core/io/decode';
import { CoreError } from '../../../electron/core/errors';
import { csvBytes } from '../../harness/sheets';

describe('CSV records', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside quotes, CRLF', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\r\nline2"\r\n1,,3\r\n';
    expect(await parseCsvRecords(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\r\nline2'],
      ['1', '', '3'],
    ]);
  });

  it('accepts LF and old-Mac CR line endings and a last line without a break', async () => {
    expect(await parseCsvRecords('a,b\nc,d\re,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps empty trailing fields and reads tab-separated text', async () => {
    expect(await parseCsvRecords('a,b,\r\n')).toEqual([['a', 'b', '']]);
    expect(await parseCsvRecords('姓名\t学号\n张三\t001\n')).toEqual([
      ['姓名', '学号'],
      ['张三', '001'],
    ]);
  });

  it('refuses an unclosed quote (a truncated file) with the row it started on', async () => {
    const error = await parseCsvRecords('a,b\r\n1,2\r\n"unfinished,3\r\n4,5').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('BAD_FILE');
    expect((error as CoreError).message).toContain('第 3 行有一个引号没有闭合');
    expect((error as CoreError).details).toEqual({ rowNumber: 3 });
  });

  it('refuses text after a closing quote, naming the row', async () => {
    const error = await parseCsvRecords('a,b\r\n"ab"cd,e\r\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toBe(
      'CSV 文件第 2 行的引号用法有误（引号括起的内容后面紧跟了别的字符）。请在 Excel 中打开检查后重新另存为 CSV。',
    );
  });

  it('keeps quotes inside unquoted fields and skips a byte-order mark', async () => {
    expect(await parseCsvRecords('\ufeff姓名,备注\r\n张三,5"寸\r\n')).toEqual([
      ['姓名', '备注'],
      ['张三', '5"寸'],
    ]);
  });

  it('numbers records as Excel shows them even when a quoted field spans lines', async () => {
    const table = await readCsv(
      csvBytes([['名称', '说明'], ['甲', '两行\n说明'], [], ['乙', '一行']]),
    );
    expect(table.rows.map((r) => [r.rowNumber, r.cells.map((c) => c.text)])).toEqual([
      [1, ['名称', '说明']],
      [2, ['甲', '两行 说明']],
      [4, ['乙', '一行']],
    ]);
  });
});

describe('text decoding', () => {
  const sample =
    '证书名称,培训评价组织\r\n建筑信息模型（BIM）,廊坊市中科建筑产业化创新研究中心\r\n';

  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    expect(decodeText(bom)).toEqual({ text: sample, encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 for what Chinese Excel saves as CSV (GBK)', () => {
    const gbk = iconv.encode(sample, 'gbk');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(decodeText(gbk)).toEqual({ text: sample, encoding: 'gb18030' });
  });

  it('reads UTF-16 with BOM (Excel “Unicode 文本”)', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    expect(decodeText(utf16).text).toBe(sample);
  });

  it('refuses binary content with a Chinese message', () => {
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x13, 0x37, 0x00]);
    expect(() => decodeText(binary)).toThrow(/既不是 Excel 工作簿（.xlsx），也不是 CSV 文本文件/);
  });
});

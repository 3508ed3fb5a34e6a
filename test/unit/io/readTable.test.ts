import { randomBytes } from 'node:crypto';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import { readTable } from '../../../electron/core/io/read';
import { columnLetter, lostLongIdentifier, numberText } from '../../../electron/core/io/table';
import { csvBytes, xlsxBytes } from '../../harness/sheets';

async function failure(promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected a CoreError');
}

describe('reading .xlsx', () => {
  it('reads the first sheet with the row numbers Excel shows, skipping empty rows', async () => {
    const bytes = await xlsxBytes([
      {
        name: '名单',
        rows: [['2020年1+X证书目录'], [], ['证书名称', '批次'], ['物流管理', '第一批']],
        decorate: (sheet) => sheet.mergeCells('A1:B1'),
      },
      { name: '说明', rows: [['别的内容']] },
    ]);
    const table = await readTable(bytes, { fileName: 'a.xlsx' });
    expect(table.format).toBe('xlsx');
    expect(table.sheetName).toBe('名单');
    expect(table.sheetNames).toEqual(['名单', '说明']);
    expect(table.rows.map((r) => [r.rowNumber, r.cells.map((c) => c.text)])).toEqual([
      [1, ['2020年1+X证书目录', '2020年1+X证书目录']],
      [3, ['证书名称', '批次']],
      [4, ['物流管理', '第一批']],
    ]);
  });

  it('reads a named sheet and names the sheets when it is missing', async () => {
    const bytes = await xlsxBytes([
      { name: '甲', rows: [['a']] },
      { name: '乙', rows: [['b']] },
    ]);
    expect(
      (await readTable(bytes, { fileName: 'x.xlsx', sheetName: '乙' })).rows[0].cells[0].text,
    ).toBe('b');
    const error = await failure(readTable(bytes, { fileName: 'x.xlsx', sheetName: '丙' }));
    expect(error.message).toBe('工作簿中没有名为“丙”的工作表。现有工作表：甲、乙。');
  });

  it('normalises cells: dates to ISO, numbers without float noise, full-width and odd spaces', async () => {
    const bytes = await xlsxBytes({
      rows: [
        [
          new Date(Date.UTC(2020, 8, 1)),
          0.1 + 0.2,
          2020,
          '１２３ＡＢｃ',
          '\u00A0张\u3000\u3000三 ',
          { richText: [{ text: '富' }, { text: '文本' }] },
          { formula: '1+1', result: 2 },
          true,
          { text: '链接', hyperlink: 'https://example.org' },
          new Date(Date.UTC(2020, 8, 1, 8, 30)),
        ],
      ],
      decorate: (sheet) => {
        sheet.getCell('A1').numFmt = 'yyyy/m/d';
        sheet.getCell('J1').numFmt = 'yyyy/m/d h:mm';
      },
    });
    const [row] = (await readTable(bytes, { fileName: 'x.xlsx' })).rows;
    expect(row.cells.map((c) => [c.kind, c.text])).toEqual([
      ['date', '2020-09-01'],
      ['number', '0.3'],
      ['number', '2020'],
      ['text', '123ABc'],
      ['text', '张 三'],
      ['text', '富文本'],
      ['number', '2'],
      ['boolean', 'TRUE'],
      ['text', '链接'],
      ['date', '2020-09-01 08:30'],
    ]);
  });

  it('shows that an 18-digit ID stored as a number has lost digits', async () => {
    const bytes = await xlsxBytes({ rows: [[110105194912310020, '11010519491231002X', 2020001]] });
    const [row] = (await readTable(bytes, { fileName: 'x.xlsx' })).rows;
    expect(row.cells[0].kind).toBe('number');
    expect(row.cells[0].text).not.toBe('110105194912310020');
    expect(lostLongIdentifier(row.cells[0])).toBe(true);
    expect(lostLongIdentifier(row.cells[1])).toBe(false);
    expect(lostLongIdentifier(row.cells[2])).toBe(false);
    expect(lostLongIdentifier({ kind: 'text', text: '1.10105E+17' })).toBe(true);
  });

  it('decides the format by content, not by the extension', async () => {
    const xlsx = await xlsxBytes({ rows: [['a', 'b']] });
    expect((await readTable(xlsx, { fileName: '名单.csv' })).format).toBe('xlsx');
    expect((await readTable(xlsx, { fileName: '名单' })).format).toBe('xlsx');
    const csv = csvBytes([['a', 'b']]);
    expect((await readTable(csv, { fileName: 'x.txt' })).format).toBe('csv');
  });

  it('refuses a truncated workbook with a clear Chinese message', async () => {
    const xlsx = await xlsxBytes({ rows: [['证书名称'], ['物流管理']] });
    for (const cut of [0.3, 0.6, 0.95]) {
      const error = await failure(
        readTable(xlsx.subarray(0, Math.floor(xlsx.length * cut)), { fileName: 'cut.xlsx' }),
      );
      expect(error.code).toBe('BAD_FILE');
      expect(error.message).toContain('文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或被截断');
    }
  });

  it('refuses random bytes, a zip that is random after PK, an old .xls and an empty file', async () => {
    const random = randomBytes(4096);
    random[10] = 0; // make sure it is not text
    expect((await failure(readTable(random, { fileName: 'x.xlsx' }))).message).toContain(
      '文件不是有效的 Excel 工作簿',
    );
    expect((await failure(readTable(random, { fileName: 'x.csv' }))).message).toContain(
      '既不是 Excel 工作簿',
    );
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2048)]);
    expect((await failure(readTable(fakeZip, { fileName: 'x.xlsx' }))).message).toContain(
      '可能已损坏或被截断',
    );
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(512),
    ]);
    expect((await failure(readTable(xls, { fileName: 'x.xls' }))).message).toContain(
      'Excel 97-2003',
    );
    expect((await failure(readTable(Buffer.alloc(0), { fileName: 'x.csv' }))).message).toContain(
      '是空的',
    );
  });
});

describe('a Word document picked instead of a spreadsheet', () => {
  const wordSays = (name: string) =>
    `文件“${name}”是 Word 文档，不是表格，无法导入。请选择 Excel 工作簿（.xlsx）或 CSV 文件`;

  it('refuses a .docx holding a roster table, naming the file, whatever its name says', async () => {
    const cells = (texts: string[]) =>
      new TableRow({
        children: texts.map((text) => new TableCell({ children: [new Paragraph(text)] })),
      });
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Table({ rows: [cells(['学号', '姓名']), cells(['2023000001', '张三'])] }),
            ],
          },
        ],
      }),
    );
    for (const name of ['学生名单.docx', '学生名单.xlsx']) {
      const error = await failure(readTable(docx, { fileName: name }));
      expect(error.code).toBe('BAD_FILE');
      expect(error.message).toContain(wordSays(name));
    }
  });

  it('refuses a Word 97-2003 .doc by its name (its container is the one of an .xls)', async () => {
    const doc = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      randomBytes(512),
    ]);
    expect((await failure(readTable(doc, { fileName: '名单.doc' }))).message).toContain(
      wordSays('名单.doc'),
    );
  });
});

describe('reading .csv', () => {
  const rows = [
    ['证书名称', '培训评价组织', '等级'],
    ['建筑信息模型（BIM）', '廊坊市中科建筑产业化创新研究中心', '初级、中级'],
    ['"引号", 与逗号', '组织\n第二行', '高级'],
  ];
  it.each(['utf-8', 'utf-8-bom', 'gbk'] as const)('reads %s CSV the same', async (encoding) => {
    const table = await readTable(csvBytes(rows, encoding), { fileName: '目录.csv' });
    expect(table.format).toBe('csv');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      rows[0],
      rows[1],
      ['"引号", 与逗号', '组织 第二行', '高级'],
    ]);
  });
});

describe('cell helpers', () => {
  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      'A',
      'Z',
      'AA',
      'AB',
      'ZZ',
      'AAA',
    ]);
  });
  it('prints numbers without binary noise or exponents', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1234.5)).toBe('1234.5');
    expect(numberText(123456789012345)).toBe('123456789012345');
    expect(numberText(1.1010519491231e17)).toBe('110105194912310000');
  });
});

import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../electron/core/errors';
import { isDateFormat, readXlsx } from '../../../electron/core/io/xlsxReader';
import { serialDateText } from '../../../electron/core/io/xlsxSheet';
import { readXlsxWithExcelJs } from '../../harness/excelJsTable';
import { makeZip } from '../../harness/files';
import { xlsxBytes } from '../../harness/sheets';

const read = (bytes: Uint8Array, sheetName?: string) =>
  readXlsx(bytes, { fileName: '名单.xlsx', sheetName });

const texts = (table: { rows: { rowNumber: number; cells: { kind: string; text: string }[] }[] }) =>
  table.rows.map((r) => [r.rowNumber, r.cells.map((c) => `${c.kind}:${c.text}`)]);

describe('.xlsx reader', () => {
  it('reads what ExcelJS reads from an ExcelJS workbook', async () => {
    const bytes = await xlsxBytes([
      {
        name: '名单',
        rows: [
          ['2023 级学生名单'],
          [],
          ['学号', '姓名', '身份证号', '入学日期', '成绩', '备注'],
          [
            '2023010101',
            '张　三',
            '11010519491231002X',
            new Date(Date.UTC(2023, 8, 1)),
            0.1 + 0.2,
            { richText: [{ text: '富' }, { text: '文本' }] },
          ],
          [
            2023010102,
            ' 李四 ',
            110105194912310020,
            new Date(Date.UTC(2023, 8, 1, 8, 30)),
            { formula: '1+1', result: 2 },
            true,
          ],
          [
            'a & b <c>',
            '"引号"',
            '１２３',
            '',
            null,
            { text: '链接', hyperlink: 'https://example.org' },
          ],
        ],
        decorate: (sheet) => {
          sheet.mergeCells('A1:F1');
          sheet.getColumn(4).numFmt = 'yyyy"年"m"月"d"日"';
          sheet.getCell('D5').numFmt = 'yyyy/m/d h:mm';
        },
      },
      { name: '说明', rows: [['别的内容']] },
    ]);
    const fast = await read(bytes);
    const full = await readXlsxWithExcelJs(bytes);
    expect(fast.sheetNames).toEqual(['名单', '说明']);
    expect(fast.sheetName).toBe('名单');
    const trim = (rows: ReturnType<typeof texts>) =>
      rows.map(([n, cells]) => {
        const list = [...(cells as string[])];
        while (list.length > 0 && list[list.length - 1] === 'empty:') list.pop();
        return [n, list];
      });
    expect(trim(texts(fast))).toEqual(trim(texts(full)));
    expect(texts(fast)[2]).toEqual([
      4,
      [
        'text:2023010101',
        'text:张 三',
        'text:11010519491231002X',
        'date:2023-09-01',
        'number:0.3',
        'text:富文本',
      ],
    ]);
    expect((await read(bytes, '说明')).rows[0].cells[0].text).toBe('别的内容');
  });

  /** A workbook part by part, as other programs write them: prefixes, inline strings, … */
  function handmade(sheetXml: string, options: { date1904?: boolean; styles?: string } = {}) {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    return makeZip({
      '[Content_Types].xml': '<?xml version="1.0"?><Types/>',
      '_rels/.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      // Sheets listed in the workbook in another order than their part names.
      'xl/workbook.xml': `<?xml version="1.0"?><x:workbook xmlns:x="${ns}" xmlns:r="${rel}"><x:workbookPr${options.date1904 ? ' date1904="1"' : ''}/><x:sheets><x:sheet name="第二张" sheetId="2" r:id="rId2"/><x:sheet name="学生" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': sheetXml,
      'xl/worksheets/sheet2.xml': `<x:worksheet xmlns:x="${ns}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>第二张的内容</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`,
      'xl/sharedStrings.xml': `<x:sst xmlns:x="${ns}"><x:si><x:t>学号</x:t></x:si><x:si><x:r><x:t>姓</x:t></x:r><x:r><x:t xml:space="preserve">名 </x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si><x:si><x:t>第一行_x000D_&#10;第二行 &amp; &lt;完&gt;</x:t></x:si><x:si/></x:sst>`,
      'xl/styles.xml':
        options.styles ??
        `<x:styleSheet xmlns:x="${ns}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts><x:cellStyleXfs><x:xf numFmtId="14"/></x:cellStyleXfs><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="31" applyNumberFormat="1"/><x:xf numFmtId="164"/><x:xf numFmtId="49"><x:alignment/></x:xf></x:cellXfs></x:styleSheet>`,
    });
  }

  const sheet = (rows: string) =>
    `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A4:C4"/></x:mergeCells></x:worksheet>`;

  it('reads prefixed XML, inline and shared strings, phonetic runs, escapes, dates and merges', async () => {
    const bytes = handmade(
      sheet(
        '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s"><x:v>3</x:v></x:c></x:row>' +
          // No r attributes: positions follow on.
          '<x:row><x:c t="inlineStr"><x:is><x:t>S1</x:t></x:is></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c s="1"><x:v>45170</x:v></x:c><x:c s="2"><x:v>45170.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A2</x:f><x:v>S1</x:v></x:c><x:c s="3"><x:v>110105194912310020</x:v></x:c></x:row>' +
          '<x:row r="4" spans="1:3"><x:c r="A4" t="inlineStr"><x:is><x:r><x:t>合并</x:t></x:r><x:r><x:t>标题</x:t></x:r></x:is></x:c><x:c r="B4"/><x:c r="C4"></x:c></x:row>' +
          '<x:row r="6"/>',
      ),
    );
    const table = await read(bytes, '学生');
    expect(table.sheetNames).toEqual(['第二张', '学生']);
    expect(texts(table)).toEqual([
      [1, ['text:学号', 'text:姓名']],
      [
        2,
        [
          'text:S1',
          'text:第一行 第二行 & <完>',
          'date:2023-09-01',
          'date:2023-09-01 12:00',
          'boolean:TRUE',
          'error:#N/A',
          'text:S1',
          'number:110105194912310016',
        ],
      ],
      [4, ['text:合并标题', 'text:合并标题', 'text:合并标题']],
    ]);
    // The first sheet of the workbook is the default, whatever its part is called.
    expect((await read(bytes)).rows[0].cells[0].text).toBe('第二张的内容');
  });

  it('numbers rows as listed, sorted when a writer lists them out of order (the last listing of a row wins)', async () => {
    const unmerged = (rows: string) =>
      `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData></x:worksheet>`;
    const cell = (ref: string, text: string) =>
      `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`;
    const inOrder = handmade(
      unmerged(
        `<x:row r="2">${cell('A2', '甲')}</x:row><x:row r="5">${cell('A5', '乙')}${cell('C5', '丙')}</x:row>`,
      ),
    );
    expect(texts(await read(inOrder, '学生'))).toEqual([
      [2, ['text:甲']],
      [5, ['text:乙', 'empty:', 'text:丙']],
    ]);
    const shuffled = handmade(
      unmerged(
        `<x:row r="3">${cell('A3', '丙')}</x:row><x:row r="1">${cell('A1', '甲')}</x:row><x:row r="3">${cell('B3', '丁')}</x:row><x:row r="2">${cell('A2', '乙')}</x:row>`,
      ),
    );
    expect(texts(await read(shuffled, '学生'))).toEqual([
      [1, ['text:甲']],
      [2, ['text:乙']],
      [3, ['empty:', 'text:丁']],
    ]);
  });

  it('honours the 1904 date system', async () => {
    const bytes = handmade(sheet('<x:row r="1"><x:c r="A1" s="1"><x:v>43708</x:v></x:c></x:row>'), {
      date1904: true,
    });
    expect((await read(bytes, '学生')).rows[0].cells[0]).toEqual({
      kind: 'date',
      text: '2023-09-01',
    });
  });

  it('tells date formats from number formats', () => {
    expect(isDateFormat('yyyy/m/d')).toBe(true);
    expect(isDateFormat('[$-804]yyyy"年"m"月"')).toBe(true);
    expect(isDateFormat('h:mm')).toBe(true);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('#,##0"元"')).toBe(false);
    expect(isDateFormat('[Red]0.0')).toBe(false);
    expect(isDateFormat('@')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
    expect(serialDateText(45170, false)).toBe('2023-09-01');
    expect(serialDateText(45170.25, false)).toBe('2023-09-01 06:00');
  });

  it('refuses an unknown compression method and damaged parts, without another reader', async () => {
    const bytes = handmade(sheet('<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>'));
    // The workbook's central directory entry claims an unknown compression method.
    const odd = Buffer.from(bytes);
    const central = odd.lastIndexOf(Buffer.from('xl/workbook.xml')) - 46;
    expect(odd.readUInt32LE(central)).toBe(0x02014b50);
    odd.writeUInt16LE(12, central + 10);
    const unknown = await read(odd).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(CoreError);
    expect((unknown as CoreError).message).toBe(
      'Excel 文件“名单.xlsx”中的条目“xl/workbook.xml”使用了不支持的压缩方式（12），请用常见的 zip 工具或原程序重新保存。',
    );

    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf(Buffer.from('学号'));
    damaged[at] ^= 0xff; // content no longer matches its CRC
    const error = await read(damaged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toContain('可能已损坏或被截断');
  });

  it('refuses malformed sheet XML and entities a DTD would define (no expansion)', async () => {
    const cases = [
      sheet('<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>学号</x:t></x:is></x:row>'),
      `<?xml version="1.0"?><!DOCTYPE x:worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${sheet(
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&b;</x:t></x:is></x:c></x:row>',
      ).replace('<?xml version="1.0"?>', '')}`,
    ];
    for (const xml of cases) {
      const error = await read(handmade(xml), '学生').catch((e: unknown) => e);
      expect(error, xml).toBeInstanceOf(CoreError);
      expect((error as CoreError).message).toContain('可能已损坏或被截断');
    }
  });
});

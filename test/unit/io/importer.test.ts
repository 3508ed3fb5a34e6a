import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { ImportRequest } from '../../../shared/contract/imports';
import { importRequestSchema } from '../../../shared/contract/imports';
import { parseDateText } from '../../../shared/domain/text';
import { CoreError } from '../../../electron/core/errors';
import { createEventSource } from '../../../electron/core/events';
import { createTaskRegistry } from '../../../electron/core/io/tasks';
import { fieldForHeader, headerKey } from '../../../electron/core/io/header';
import { commitImport, previewImport } from '../../../electron/core/io/importer';
import type { ImportDefinition } from '../../../electron/core/io/importDefinition';
import type { ProgressEvent } from '../../../shared/contract/events';
import { chinaDate } from '../../../shared/domain/dates';
import { csvBytes, upload, xlsxBytes } from '../../harness/sheets';

/** A person import like the later student roster: ID number (a long identifier), name, birth date. */
type Field = 'idNumber' | 'name' | 'birthDate';
const fields = [
  {
    key: 'idNumber',
    label: '证件号码',
    synonyms: ['身份证号', '身份证号码', '证件号'],
    required: true,
    longId: true,
  },
  { key: 'name', label: '姓名', synonyms: ['学生姓名'], required: true },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月日'] },
] as const;

const rowSchema = z.object({
  idNumber: z.string().regex(/^\d{17}[\dX]$/, { error: '证件号码应为 18 位' }),
  name: z.string().min(1, { error: '请填写姓名' }),
  birthDate: z.string().transform((text, ctx) => {
    if (text === '') return null;
    const iso = parseDateText(text);
    if (!iso) {
      ctx.addIssue({ code: 'custom', message: `日期“${text}”无法识别` });
      return z.NEVER;
    }
    return iso;
  }),
});
type Person = z.output<typeof rowSchema>;

let db: Database.Database;
let events: ProgressEvent[];
const env = () => {
  const source = createEventSource();
  source.on((e) => {
    if (e.type === 'progress') events.push(e);
  });
  return {
    db,
    today: () => chinaDate(new Date()),
    events: source,
    importTasks: createTaskRegistry(),
  };
};

function definition(): ImportDefinition<Field, Person> {
  return {
    title: '人员导入',
    fields,
    rowSchema,
    keyOf: (p) => p.idNumber,
    keyField: 'idNumber',
    existingKeys: () =>
      new Set(db.prepare('SELECT id_number FROM people').pluck().all() as string[]),
    apply(rows, progress) {
      let created = 0;
      let updated = 0;
      const find = db.prepare('SELECT 1 FROM people WHERE id_number = ?').pluck();
      const upsert = db.prepare(
        `INSERT INTO people (id_number, name, birth_date) VALUES (?, ?, ?)
         ON CONFLICT (id_number) DO UPDATE SET name = excluded.name, birth_date = excluded.birth_date`,
      );
      rows.forEach(({ value }, i) => {
        if (find.get(value.idNumber)) updated += 1;
        else created += 1;
        upsert.run(value.idNumber, value.name, value.birthDate);
        if (value.name === '触发写入失败') throw new Error('simulated failure in the middle');
        progress(i + 1);
      });
      return { total: rows.length, created, updated };
    },
  };
}

const request = (input: ImportRequest) => importRequestSchema.parse(input);
const people = () => db.prepare('SELECT * FROM people ORDER BY id_number').all();

beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE people (id_number TEXT PRIMARY KEY, name TEXT NOT NULL, birth_date TEXT)');
  events = [];
});
afterEach(() => db.close());

describe('header matching', () => {
  it('ignores spaces, width, required marks and notes in header texts', () => {
    expect(headerKey(' *身份证号码（必填） ')).toBe('身份证号码');
    expect(fieldForHeader('身 份 证 号', fields)).toBe('idNumber');
    expect(fieldForHeader('证件号码(18位)', fields)).toBe('idNumber');
    expect(fieldForHeader('学生姓名：', fields)).toBe('name');
    expect(fieldForHeader('备注', fields)).toBeUndefined();
  });
});

describe('generic import preview', () => {
  it('finds the header below title rows, maps synonyms and reports per-row errors with row and column', async () => {
    const bytes = await xlsxBytes({
      rows: [
        ['湖北示例职业技术学院 2020 级学生名单'],
        ['制表日期：2020年9月1日'],
        [],
        ['序号', '学生姓名', '身份证号码', '出生日期', '备注'],
        [1, '张三', '１１０１０５１９４９１２３１００２Ｘ', new Date(Date.UTC(1949, 11, 31)), ''],
        [2, '李四', 110105194912310020, '2003/2/3', ''],
        [3, '', '11010519491231003X', '2003年2月30日', ''],
        [4, '王五', '11010519491231002X', '', '与第 5 行的证件号码相同'],
      ],
      decorate: (sheet) => sheet.mergeCells('A1:E1'),
    });
    const preview = await previewImport(
      definition(),
      request({ file: upload('学生.xlsx', bytes), taskId: 't1' }),
      env(),
    );
    expect(preview.headerRowNumber).toBe(4);
    expect(preview.mapping).toEqual({ idNumber: 2, name: 1, birthDate: 3 });
    expect(preview.missingFields).toEqual([]);
    expect(preview.columns.map((c) => c.label)).toEqual([
      '序号',
      '学生姓名',
      '身份证号码',
      '出生日期',
      '备注',
    ]);
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([5, 6, 7, 8]);
    // Rows 5 and 8 share an ID number with different names: both are held back, each naming both.
    const clash =
      '第 5、8 行的证件号码都是“11010519491231002X”，但其他内容不同：同一证件号码只能有一行，请核对后只保留正确的一行';
    expect(preview.rows[0]).toEqual({
      rowNumber: 5,
      values: { idNumber: '11010519491231002X', name: '张三', birthDate: '1949-12-31' },
      action: null,
      errors: [
        {
          rowNumber: 5,
          column: '身份证号码',
          field: 'idNumber',
          reason: clash,
          message: `第 5 行“身份证号码”列：${clash}`,
          group: '证件号码重复但内容不同',
        },
      ],
    });
    expect(preview.rows[1].errors).toEqual([
      {
        rowNumber: 6,
        column: '身份证号码',
        field: 'idNumber',
        reason: '该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入',
        message:
          '第 6 行“身份证号码”列：该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入',
        group: '证件号码被 Excel 存成数字（末几位已丢失）',
      },
    ]);
    expect(preview.rows[2].errors.map((e) => e.message)).toEqual([
      '第 7 行“学生姓名”列：请填写姓名',
      '第 7 行“出生日期”列：日期“2003年2月30日”无法识别',
    ]);
    expect(preview.rows[3].errors.map((e) => e.message)).toEqual([
      `第 8 行“身份证号码”列：${clash}`,
    ]);
    expect(preview.summary).toEqual({
      total: 4,
      valid: 0,
      invalid: 4,
      toCreate: 0,
      toUpdate: 0,
      unchanged: 0,
    });
    expect(preview.groups.map((g) => [g.severity, g.column, g.title, g.count])).toEqual([
      ['error', '身份证号码', '证件号码重复但内容不同', 2],
      ['error', '身份证号码', '证件号码被 Excel 存成数字（末几位已丢失）', 1],
      ['error', '学生姓名', '请填写姓名', 1],
      ['error', '出生日期', '日期“2003年2月30日”无法识别', 1],
    ]);
    expect(preview.groups[0].problems.map((p) => p.rowNumber)).toEqual([5, 8]);
    // Only the clash is laid out side by side on the page.
    expect(preview.groups.map((g) => g.compare ?? false)).toEqual([true, false, false, false]);
    // Progress went out under the page's task id, from 0 to the total.
    const checking = events.filter((e) => e.taskId === 't1' && e.label.includes('检查'));
    expect(checking[0]).toMatchObject({ done: 0, total: 4 });
    expect(checking.at(-1)).toMatchObject({ done: 4, total: 4 });
    expect(people()).toEqual([]);
  });

  it('reads GBK CSV with quoted fields and full-width digits', async () => {
    const bytes = csvBytes(
      [
        ['姓名', '证件号码', '出生日期'],
        ['"小"明, 同学', '１１０１０５１９４９１２３１００２X', '2003-02-03'],
        ['科学计数', '1.10105E+17', ''],
      ],
      'gbk',
    );
    const preview = await previewImport(
      definition(),
      request({ file: upload('学生.csv', bytes) }),
      env(),
    );
    expect(preview.format).toBe('csv');
    expect(preview.rows[0].values).toEqual({
      idNumber: '11010519491231002X',
      name: '"小"明, 同学',
      birthDate: '2003-02-03',
    });
    expect(preview.rows[1].errors[0].message).toBe(
      '第 3 行“证件号码”列：该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入',
    );
  });

  it('reports unmapped required fields and accepts the user’s own column mapping', async () => {
    const bytes = csvBytes([
      ['名字', '证件号码', '其他'],
      ['张三', '11010519491231002X', 'x'],
    ]);
    const file = upload('a.csv', bytes);
    const preview = await previewImport(definition(), request({ file }), env());
    expect(preview.missingFields).toEqual([{ key: 'name', label: '姓名', required: true }]);
    expect(preview.rows).toEqual([]);
    await expect(commitImport(definition(), request({ file }), env())).rejects.toThrow(
      '未导入任何数据：表格中找不到必填列 “姓名”',
    );

    const mapped = await previewImport(
      definition(),
      request({ file, mapping: { name: 0 } }),
      env(),
    );
    expect(mapped.mapping).toEqual({ idNumber: 1, name: 0, birthDate: null });
    expect(mapped.summary).toMatchObject({ valid: 1, invalid: 0 });

    const error = await previewImport(
      definition(),
      request({ file, mapping: { name: 7 } }),
      env(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toContain(
      '“姓名”对应的列（第 8 列）超出了表格范围（共 3 列）',
    );
  });

  it('says plainly when no header can be found', async () => {
    const bytes = csvBytes([
      ['随便', '什么'],
      ['1', '2'],
    ]);
    await expect(
      previewImport(definition(), request({ file: upload('a.csv', bytes) }), env()),
    ).rejects.toThrow(
      '没有找到表头：前 20 行中没有一行包含这些列名：“证件号码”、“姓名”、“出生日期”',
    );
  });
});

describe('generic import commit', () => {
  const good = [
    ['姓名', '身份证号', '出生日期'],
    ['张三', '11010519491231002X', '1949-12-31'],
    ['李四', '110105200302030011', '20030203'],
  ];

  it('refuses a file with any bad row and writes nothing', async () => {
    const bytes = csvBytes([...good, ['', '110105200302030029', '']]);
    const error = await commitImport(
      definition(),
      request({ file: upload('a.csv', bytes) }),
      env(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toBe(
      '未导入任何数据：1 行有错误（“姓名”列：请填写姓名（1 行）；例如第 4 行“姓名”列：请填写姓名）。请下载问题行修改后重新导入，或选择只导入无误的行。',
    );
    expect(people()).toEqual([]);
  });

  it('with skipInvalid, writes the valid rows and says how many were left out', async () => {
    const bytes = csvBytes([...good, ['', '110105200302030029', ''], ['王五', '1101', '']]);
    const file = upload('a.csv', bytes);
    expect(await commitImport(definition(), request({ file, skipInvalid: true }), env())).toEqual({
      total: 2,
      created: 2,
      updated: 0,
      leftOut: 2,
    });
    expect(people()).toHaveLength(2);
  });

  it('with skipInvalid, still refuses a file whose every row has errors', async () => {
    const bytes = csvBytes([good[0], ['', '110105200302030029', '']]);
    const file = upload('a.csv', bytes);
    await expect(
      commitImport(definition(), request({ file, skipInvalid: true }), env()),
    ).rejects.toThrow(
      '未导入任何数据：全部 1 行都有错误（“姓名”列：请填写姓名（1 行）），没有可导入的行。',
    );
    expect(people()).toEqual([]);
  });

  it('rolls everything back when writing fails part-way', async () => {
    const bytes = csvBytes([...good, ['触发写入失败', '110105200302030020', '']]);
    await expect(
      commitImport(definition(), request({ file: upload('a.csv', bytes) }), env()),
    ).rejects.toThrow('simulated failure');
    expect(people()).toEqual([]);
  });

  it('writes all rows once, and a second import of the same file updates instead of duplicating', async () => {
    const file = upload('a.csv', csvBytes(good));
    expect(await commitImport(definition(), request({ file, taskId: 'c1' }), env())).toEqual({
      total: 2,
      created: 2,
      updated: 0,
    });
    const writing = events.filter((e) => e.taskId === 'c1' && e.label.includes('写入'));
    expect(writing.at(-1)).toMatchObject({ done: 2, total: 2 });

    const again = await previewImport(definition(), request({ file }), env());
    expect(again.summary).toEqual({
      total: 2,
      valid: 2,
      invalid: 0,
      toCreate: 0,
      toUpdate: 2,
      unchanged: 0,
    });
    expect(await commitImport(definition(), request({ file }), env())).toEqual({
      total: 2,
      created: 0,
      updated: 2,
    });
    expect(people()).toEqual([
      { id_number: '11010519491231002X', name: '张三', birth_date: '1949-12-31' },
      { id_number: '110105200302030011', name: '李四', birth_date: '2003-02-03' },
    ]);
  });

  it('keeps up with a 20,000-row roster', async () => {
    const rows: string[][] = [['姓名', '身份证号', '出生日期']];
    for (let i = 0; i < 20_000; i += 1) {
      rows.push([
        `学生${i}`,
        `110105200302${String(i).padStart(5, '0')}X`.slice(-18),
        '2003-02-03',
      ]);
    }
    const bytes = await xlsxBytes({ rows });
    const result = await commitImport(
      definition(),
      request({ file: upload('big.xlsx', bytes) }),
      env(),
    );
    expect(result).toEqual({ total: 20_000, created: 20_000, updated: 0 });
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(20_000);
  }, 60_000);
});

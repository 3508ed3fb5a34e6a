import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import type { ImportPreview } from '../../shared/contract/imports';
import type { Student } from '../../shared/contract/students';
import { createTestCore, type TestCore } from '../harness/core';
import { csvBytes, upload, xlsxBytes } from '../harness/sheets';
import { fails, ok, readRows } from '../harness/staff';
import { residentId, rosterHeader, rosterRows, withBadCheckChar } from '../harness/students';
import { softwareMajor } from '../harness/majors';

let t: TestCore;
beforeEach(() => {
  t = createTestCore(); // 2026-03-02T08:00:00Z
});
afterEach(() => t.dispose());

const student = (overrides: Record<string, unknown> = {}) => ({
  studentNo: '2023010101',
  name: '张三',
  idType: 'resident',
  idNumber: '11010519491231002x',
  gender: 'female',
  majorId: null,
  majorText: '',
  className: '软件2301班',
  entryYear: 2023,
  phone: '138 0013 8000',
  pilot: true,
  ...overrides,
});

const count = () => readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM students')[0].n;
const list = (input: Record<string, unknown> = {}) => ok(t, 'students.list', input);

describe('students: one by one', () => {
  it('creates, lists, updates and deletes a student; the ID number is stored normalised', async () => {
    const created = await ok(t, 'students.save', student());
    expect(created).toMatchObject({
      studentNo: '2023010101',
      idNumber: '11010519491231002X',
      gender: 'female',
      phone: '13800138000',
      pilot: true,
      idWarning: null,
    });
    const page = await list();
    expect(page.stats.total).toBe(1);
    expect(page.items.map((s) => s.name)).toEqual(['张三']);

    const updated = await ok(t, 'students.save', student({ id: created.id, name: '张三丰' }));
    expect(updated.name).toBe('张三丰');
    expect(await ok(t, 'students.usage', { id: created.id })).toEqual({ refs: [], summary: '' });
    expect(await ok(t, 'students.delete', { id: created.id })).toEqual({ id: created.id });
    expect(count()).toBe(0);
    const audit = readRows<{ action: string }>(
      t,
      "SELECT action FROM audit_log WHERE entity = 'student' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('refuses a bad check character, a gender mismatch and a birth date after today, on the ID field', async () => {
    const bad = withBadCheckChar(residentId('20050301', 3));
    let error = await fails(t, 'students.save', student({ idNumber: bad.id, gender: 'male' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual([
      { path: 'idNumber', message: `校验位应为 ${bad.expected}，实际为 ${bad.actual}` },
    ]);

    error = await fails(t, 'students.save', student({ gender: 'male' }));
    expect(error.details?.fields).toEqual([
      {
        path: 'idNumber',
        message: '性别不一致：身份证号码的顺序码表示女性，但性别填写为“男”',
      },
    ]);

    // The clock says 2026-03-02 (China): born the next day is refused, today is fine.
    error = await fails(t, 'students.save', student({ idNumber: residentId('20260303', 2) }));
    expect(error.details?.fields?.[0].message).toBe(
      '出生日期 2026-03-03（第 7–14 位）晚于今天（2026-03-02）',
    );
    await ok(t, 'students.save', student({ idNumber: residentId('20260302', 2) }));

    error = await fails(t, 'students.save', student({ phone: '12345', studentNo: '学号' }));
    expect(error.details?.fields?.map((f) => f.path).sort()).toEqual(['phone', 'studentNo']);
    expect(count()).toBe(1);
  });

  it("bounds 入学年份 by today as a roster's 年级 is: next year's intake at the latest", async () => {
    // The clock says 2026-03-02: 2027 is next autumn's intake, 2028 is not yet anyone's.
    const error = await fails(t, 'students.save', student({ entryYear: 2028 }));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: '输入有误，未保存。入学年份 2028 超出范围：应在 1990–2027 年之间',
      details: { fields: [{ path: 'entryYear' }] },
    });
    expect(count()).toBe(0);
    expect(await ok(t, 'students.save', student({ entryYear: 2027 }))).toMatchObject({
      entryYear: 2027,
    });
  });

  it('accepts a 15-digit old number with a warning, and other documents by shape', async () => {
    const old = await ok(t, 'students.save', student({ idNumber: '110105491231002' }));
    expect(old.idWarning).toBe('15 位旧身份证号，请更换为 18 位');
    const passport = await ok(
      t,
      'students.save',
      student({ studentNo: 'P1', idType: 'passport', idNumber: 'e12345678', gender: 'male' }),
    );
    expect(passport.idNumber).toBe('E12345678');
    const error = await fails(
      t,
      'students.save',
      student({ studentNo: 'P2', idType: 'hk_macao', idNumber: 'X1234' }),
    );
    expect(error.details?.fields?.[0].message).toContain('H 或 M 加 8 位数字');
    expect((await list({ idWarningsOnly: true })).items.map((s) => s.idNumber)).toEqual([
      '110105491231002',
    ]);
  });

  it('keeps 学号 and ID numbers unique, naming the student who holds them', async () => {
    await ok(t, 'students.save', student());
    let error = await fails(
      t,
      'students.save',
      student({ name: '李四', idNumber: residentId('20050301', 1), gender: 'male' }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.fields?.[0]).toEqual({
      path: 'studentNo',
      message: '学号 2023010101 已被学生“张三”使用，同一学号不能登记两次，未保存。',
    });
    // Letter case does not make a different 学号.
    await ok(t, 'students.save', student({ studentNo: 'A1', idNumber: residentId('20050301', 2) }));
    error = await fails(
      t,
      'students.save',
      student({ studentNo: 'a1', idNumber: residentId('20050301', 4) }),
    );
    expect(error.details?.fields?.[0].path).toBe('studentNo');

    error = await fails(t, 'students.save', student({ studentNo: '2023010102', name: '李四' }));
    expect(error.details?.fields?.[0]).toEqual({
      path: 'idNumber',
      message:
        '居民身份证号码 11010519491231002X 已登记在学号 2023010101（张三）名下，同一证件不能属于两名学生，未保存。',
    });
    // The same number under another document type is a different document.
    await ok(
      t,
      'students.save',
      student({ studentNo: 'O1', idType: 'other', idNumber: '11010519491231002X' }),
    );
    expect(count()).toBe(3);
  });

  it('links a major; deleting the major keeps its name as unmatched text to link again', async () => {
    const major = await ok(t, 'majors.save', softwareMajor);
    const linked = await ok(t, 'students.save', student({ majorId: major.id }));
    expect(linked).toMatchObject({ majorId: major.id, majorCode: '510203', majorText: '软件技术' });
    const asked = await fails(t, 'majors.delete', { id: major.id });
    expect(asked.code).toBe('IN_USE');
    expect(asked.message).toContain('1 名学生');
    await ok(t, 'majors.delete', { id: major.id, force: true });
    const [after] = (await list()).items;
    expect(after).toMatchObject({ majorId: null, majorText: '软件技术' });
    expect((await ok(t, 'students.facets', {})).unmatchedMajors).toEqual([
      { text: '软件技术', count: 1 },
    ]);

    const again = await ok(t, 'majors.save', softwareMajor);
    expect(await ok(t, 'students.matchMajors', {})).toEqual({ linked: 1, unmatched: 0 });
    expect((await list()).items[0]).toMatchObject({ majorId: again.id, majorName: '软件技术' });
  });

  it('asks nothing of a student nobody refers to, and says when the student is gone', async () => {
    const error = await fails(t, 'students.delete', { id: 999 });
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('students: list in SQL', () => {
  async function seed(n: number) {
    await ok(t, 'majors.save', softwareMajor);
    const bytes = await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(n)] });
    await ok(t, 'students.importCommit', { file: upload('名单.xlsx', bytes) });
  }

  it('searches name, 学号 and ID number prefixes; filters; sorts; pages; counts', async () => {
    await seed(200);
    const all = await list({ pageSize: 1000 });
    expect(all.stats.total).toBe(200);
    expect(all.stats.pilot).toBe(160);
    expect(all.stats.male + all.stats.female).toBe(200);
    // Majors other than 软件技术 are unmatched texts.
    expect((await ok(t, 'students.facets', {})).unlinkedMajor).toBe(150);

    const first = all.items[0];
    expect((await list({ search: first.studentNo })).items.map((s) => s.id)).toEqual([first.id]);
    expect((await list({ search: first.idNumber.slice(0, 17) })).items[0].id).toBe(first.id);
    const surname = first.name[0];
    const bySurname = await list({ search: surname, pageSize: 1000 });
    expect(bySurname.stats.total).toBe(all.items.filter((s) => s.name[0] === surname).length);
    expect(bySurname.items.every((s) => s.name.startsWith(surname))).toBe(true);

    const facets = await ok(t, 'students.facets', {});
    expect(facets.total).toBe(200);
    expect(facets.entryYears.map((y) => y.value)).toEqual([2024, 2023, 2022, 2021]);
    const someClass = facets.classes[0].value;
    const byClass = await list({ classNames: [someClass], pageSize: 1000 });
    expect(byClass.stats.total).toBe(facets.classes[0].count);
    expect(byClass.items.every((s) => s.className === someClass)).toBe(true);

    const software = facets.majors.find((m) => m.code === '510203');
    const filtered = await list({
      majors: [software?.majorId ?? 0],
      entryYears: [2023],
      pilot: true,
      genders: ['male'],
      pageSize: 1000,
    });
    expect(filtered.items.length).toBe(filtered.stats.total);
    expect(
      filtered.items.every(
        (s) => s.majorCode === '510203' && s.entryYear === 2023 && s.pilot && s.gender === 'male',
      ),
    ).toBe(true);
    expect((await list({ majors: ['none'] })).stats.total).toBe(150);

    const byNameDesc = await list({ sortBy: 'name', sortOrder: 'desc', pageSize: 1000 });
    const names = byNameDesc.items.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));

    const page2 = await list({ page: 2, pageSize: 30 });
    expect(page2.items.map((s) => s.studentNo)).toEqual(
      all.items.slice(30, 60).map((s) => s.studentNo),
    );
  });

  it('refuses an unknown sort column or a page size beyond 1000', async () => {
    expect((await fails(t, 'students.list', { sortBy: 'password' })).code).toBe('VALIDATION');
    expect((await fails(t, 'students.list', { pageSize: 5000 })).message).toContain('1–1000');
  });
});

describe('students: roster import', () => {
  // The first row differs from 下载模板's example row (which an import skips) in its phone only.
  const goodRows = () => [
    [
      '2023010101',
      '张三',
      residentId('20050301', 2),
      '女',
      '软件技术',
      '软件2301班',
      '2023级',
      '13800138001',
      '是',
    ],
    [
      '2023010102',
      '李四',
      residentId('20050302', 1),
      '男',
      '510203',
      '软件2301班',
      '2023级',
      '',
      '',
    ],
    [
      '2023010103',
      '王五',
      residentId('20050303', 3),
      '',
      '物联网应用技术',
      '物联2301班',
      '2023',
      '',
      '否',
    ],
  ];

  const preview = (file: ReturnType<typeof upload>, mapping?: Record<string, number | null>) =>
    ok(t, 'students.importPreview', { file, mapping });
  const errorsOf = (p: ImportPreview) =>
    p.rows.flatMap((r) => r.errors.map((e) => [e.rowNumber, e.column, e.reason]));

  it('reads a GBK CSV with title rows and reports each bad row with its row and column', async () => {
    const bad = withBadCheckChar(residentId('20050304', 5));
    const bytes = csvBytes(
      [
        ['湖北示例职业技术学院 2023 级 1+X 试点学生名单'],
        ['制表：教务处', '', '日期：2023年9月1日'],
        ['序号', '学号', '姓名', '身份证号', '性别', '专业', '班级', '年级', '手机'],
        [
          '1',
          '２０２３０１０１０１',
          '张 三',
          '４２０１０６２００５０３０１００２' + residentId('20050301', 2)[17],
          '女',
          '软件技术',
          '软件2301班',
          '2023级',
          ' 138 0013 8000 ',
        ],
        ['2', '2023010102', '李四', '4.20106E+17', '男', '软件技术', '软件2301班', '2023级', ''],
        ['3', '2023010103', '王五', bad.id, '男', '软件技术', '软件2301班', '2023级', ''],
        [
          '4',
          '2023010104',
          '赵六',
          residentId('20050305', 2),
          '男',
          '软件技术',
          '软件2301班',
          '2023级',
          '',
        ],
        [
          '5',
          '2023010105',
          '钱七',
          residentId('20050306', 7),
          '男',
          '软件技术',
          '软件2301班',
          '2023届',
          '12345',
        ],
      ],
      'gbk',
    );
    const result = await preview(upload('名单.csv', bytes));
    expect(result.format).toBe('csv');
    expect(result.headerRowNumber).toBe(3);
    expect(result.mapping).toMatchObject({
      studentNo: 1,
      name: 2,
      idNumber: 3,
      gender: 4,
      major: 5,
      className: 6,
      entryYear: 7,
      phone: 8,
      idType: null,
      pilot: null,
    });
    // Row 4: full-width digits and stray spaces are cleaned; it is fine.
    expect(result.rows[0]).toMatchObject({
      rowNumber: 4,
      action: 'create',
      errors: [],
      values: { studentNo: '2023010101', name: '张 三', phone: '138 0013 8000' },
    });
    expect(errorsOf(result)).toEqual([
      [5, '身份证号', '该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入'],
      [6, '身份证号', `校验位应为 ${bad.expected}，实际为 ${bad.actual}`],
      [8, '年级', '“2023届”是毕业年份（届），请填写入学年份（年级），例如 2023级'],
      [8, '手机', '联系电话格式不正确：手机号为 11 位（如 13800138000），座机如 027-87654321'],
    ]);
    // Row 7: the ID number says female, the cell 男 — the ID wins, with a warning.
    expect(result.rows[3].warnings?.find((w) => w.field === 'gender')?.reason).toBe(
      '性别填写为“男”，但身份证号码表示女性：以身份证号码为准，导入为“女”',
    );
    expect(result.summary).toEqual({
      total: 5,
      valid: 2,
      invalid: 3,
      toCreate: 2,
      toUpdate: 0,
      unchanged: 0,
    });
    // Committing such a file saves nothing.
    const error = await fails(t, 'students.importCommit', { file: upload('名单.csv', bytes) });
    expect(error.message).toMatch(/^未导入任何数据：3 行有错误/);
    expect(count()).toBe(0);
  });

  it('flags an ID number stored as an Excel number (digits lost) in .xlsx', async () => {
    const bytes = await xlsxBytes({
      rows: [
        ['学号', '姓名', '证件号码', '性别'],
        // Typed into a number cell: Excel keeps 15 significant digits.
        ['1', '张三', Number('420106200503010023'), '女'],
        ['2', '李四', residentId('20050301', 3), '男'],
      ],
    });
    const result = await preview(upload('名单.xlsx', bytes));
    expect(errorsOf(result)).toEqual([
      [2, '证件号码', '该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入'],
    ]);
  });

  it('commits all rows in one go, reads gender from the ID, defaults 试点学生 to 是', async () => {
    await ok(t, 'majors.save', softwareMajor);
    const file = upload('名单.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...goodRows()] }));
    const result = await preview(file);
    expect(result.rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(result.rows[2].warnings?.map((w) => [w.column, w.reason])).toEqual([
      [
        '专业',
        '专业“物联网应用技术”不在本校专业列表中：导入后显示为“未匹配”，可在专业列表中新增该专业后重新匹配',
      ],
    ]);
    expect(await ok(t, 'students.importCommit', { file })).toEqual({
      total: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const saved = (await list()).items;
    expect(saved.map((s) => [s.studentNo, s.gender, s.majorCode, s.majorText, s.pilot])).toEqual([
      ['2023010101', 'female', '510203', '软件技术', true],
      ['2023010102', 'male', '510203', '软件技术', true],
      ['2023010103', 'male', null, '物联网应用技术', false],
    ]);
    const audit = readRows<{ entity: string; after_json: string }>(
      t,
      "SELECT entity, after_json FROM audit_log WHERE entity = 'student_import'",
    );
    expect(JSON.parse(audit[0].after_json)).toEqual({
      fileName: '名单.xlsx',
      total: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      leftOut: 0,
    });
  });

  it('re-imports idempotently: by 学号, else by ID number; empty cells keep saved data', async () => {
    await ok(t, 'majors.save', softwareMajor);
    const file = upload('名单.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...goodRows()] }));
    await ok(t, 'students.importCommit', { file });
    const before = (await list()).items;

    // The same file again: every row matches, nothing is added, nothing changes — and the
    // result says so rather than calling them updated.
    const again = await preview(file);
    expect(again.summary).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3, invalid: 0 });
    expect(again.rows.map((r) => r.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(await ok(t, 'students.importCommit', { file })).toEqual({
      total: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect((await list()).items).toEqual(before);

    // 李四 got a new 学号 (found by ID number); 张三's phone cell is empty now (kept);
    // 王五's class changed.
    const rows = goodRows();
    rows[0][7] = '';
    rows[1][0] = '2023019999';
    rows[2][5] = '物联2302班';
    const changed = upload('名单2.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rows] }));
    const p = await preview(changed);
    // 张三's empty phone cell keeps what is saved, so his row changes nothing.
    expect(p.summary).toMatchObject({ toCreate: 0, toUpdate: 2, unchanged: 1 });
    expect(p.rows.map((r) => r.action)).toEqual(['unchanged', 'update', 'update']);
    expect(p.rows[1].warnings?.map((w) => [w.column, w.reason])).toEqual([
      ['学号', `按证件号码匹配到已有学生学号 2023010102（李四），其学号将改为 2023019999`],
    ]);
    expect(await ok(t, 'students.importCommit', { file: changed })).toEqual({
      total: 3,
      created: 0,
      updated: 2,
      unchanged: 1,
    });
    const after = (await list()).items;
    expect(count()).toBe(3);
    expect(after.map((s) => [s.studentNo, s.name, s.phone, s.className])).toEqual([
      ['2023010101', '张三', '13800138001', '软件2301班'],
      ['2023010103', '王五', '', '物联2302班'],
      ['2023019999', '李四', '', '软件2301班'],
    ]);
    expect(after.find((s) => s.name === '李四')?.id).toBe(
      before.find((s) => s.name === '李四')?.id,
    );
  });

  it('refuses duplicates in the file and an ID number that belongs to another student', async () => {
    await ok(t, 'students.save', student({ studentNo: 'S1', idNumber: residentId('20050301', 2) }));
    await ok(t, 'students.save', student({ studentNo: 'S2', idNumber: residentId('20050302', 2) }));
    const bytes = csvBytes([
      ['学号', '姓名', '证件号码', '性别'],
      ['S1', '张三', residentId('20050302', 2), '女'],
      ['N1', '新甲', residentId('20060101', 1), '男'],
      ['N2', '新乙', residentId('20060101', 1), '男'],
      ['n1', '新丙', residentId('20060101', 3), '男'],
    ]);
    const result = await preview(upload('a.csv', bytes));
    // Rows 3–5 clash (3 and 4 by ID number, 3 and 5 by 学号, case ignored): all are held back.
    const sameId = `第 3、4 行的证件号码都是“${residentId('20060101', 1)}”，但其他内容不同：同一证件号码只能有一行，请核对后只保留正确的一行`;
    const sameNo = (no: string) =>
      `第 3、5 行的学号都是“${no}”，但其他内容不同：同一学号只能有一行，请核对后只保留正确的一行`;
    expect(errorsOf(result)).toEqual([
      [2, '证件号码', '该居民身份证号码已登记在学号 S2（张三）名下，与本行学号 S1 不是同一名学生'],
      [3, '学号', sameNo('N1')],
      [3, '证件号码', sameId],
      [4, '证件号码', sameId],
      [5, '学号', sameNo('n1')],
    ]);
    expect(result.groups.map((g) => [g.title, g.count])).toEqual([
      ['学号重复但内容不同', 2],
      ['证件号码重复但内容不同', 2],
      ['证件号码已属于另一名学生', 1],
    ]);
    expect(result.groups.map((g) => g.compare ?? false)).toEqual([true, true, false]);
  });

  it('refuses a saved student’s ID number under another 学号 and name, keeping the student', async () => {
    await ok(
      t,
      'students.save',
      student({ studentNo: 'S1', name: '甲', idNumber: residentId('20050301', 2) }),
    );
    const bytes = csvBytes([
      ['学号', '姓名', '证件号码', '性别'],
      // 丙's row with 甲's ID number pasted in: not taken for 甲 with a new 学号 and name.
      ['S9', '丙', residentId('20050301', 2), '女'],
      ['S8', '丁', residentId('20060101', 3), '男'],
    ]);
    const file = upload('a.csv', bytes);
    const result = await preview(file);
    expect(errorsOf(result)).toEqual([
      [
        2,
        '证件号码',
        '该居民身份证号码已登记在学号 S1（甲）名下，本行的学号和姓名都与其不同，不能确定是同一名学生：请核对证件号码；如确是该学生改了学号和姓名，请先在“学生”中修改其姓名后再导入',
      ],
    ]);
    expect(result.summary).toMatchObject({ toCreate: 1, toUpdate: 0, invalid: 1 });
    await ok(t, 'students.importCommit', { file, skipInvalid: true });
    expect((await list()).items.map((s) => [s.studentNo, s.name])).toEqual([
      ['S1', '甲'],
      ['S8', '丁'],
    ]);
  });

  it('names the saved student two rows reach, one by 学号 and one by ID number', async () => {
    await ok(
      t,
      'students.save',
      student({ studentNo: 'S1', name: '甲', idNumber: residentId('20050301', 2) }),
    );
    const bytes = csvBytes([
      ['学号', '姓名', '证件号码', '性别'],
      // A new 学号 with S1's ID number and name: matched to 甲 by the number.
      ['S9', '甲', residentId('20050301', 2), '女'],
      // S1's own 学号 with another number: matched to 甲 by the 学号. The rows share nothing.
      ['S1', '甲', residentId('20050301', 4), '女'],
    ]);
    const result = await preview(upload('a.csv', bytes));
    expect(errorsOf(result)).toEqual([
      [
        3,
        '学号',
        '与第 2 行对应同一名已有学生学号 S1（甲）：一行按学号、一行按证件号码匹配到该学生。同一名学生只能出现一次，请核对这两行的学号和证件号码',
      ],
    ]);
  });

  it('offers manual column mapping when headers are unusual', async () => {
    const bytes = csvBytes(
      [
        ['编号', '姓名', '号码', '男女'],
        ['S9', '周八', residentId('20050301', 5), '男'],
      ],
      'utf-8-bom',
    );
    const file = upload('a.csv', bytes);
    const first = await preview(file);
    expect(first.missingFields.map((f) => f.label)).toEqual(['学号', '证件号码']);
    expect(first.rows).toEqual([]);
    const unmapped = await fails(t, 'students.importCommit', { file });
    expect(unmapped).toMatchObject({
      code: 'VALIDATION',
      details: { hint: 'importColumnMapping' },
    });
    if (unmapped.code === 'VALIDATION') {
      expect(unmapped.details?.missingFields?.map((f) => f.label)).toEqual(['学号', '证件号码']);
    }
    expect(count()).toBe(0);
    const mapped = await preview(file, { studentNo: 0, idNumber: 2, gender: 3 });
    expect(mapped.summary).toMatchObject({ valid: 1, invalid: 0, toCreate: 1 });
  });

  it('rolls everything back when a write fails part-way', async () => {
    // A trigger added from outside makes the third insert fail inside the import's transaction.
    const raw = new Database(path.join(t.dataDir, DATABASE_FILE));
    raw.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON students WHEN NEW.student_no = '2023010103'
      BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    raw.close();
    const file = upload('名单.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...goodRows()] }));
    const error = await fails(t, 'students.importCommit', { file });
    expect(error.code).toBe('INTERNAL');
    expect(count()).toBe(0);
  });

  it('imports 20,000 rows', async () => {
    const bytes = await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(20_000)] });
    const file = upload('big.xlsx', bytes);
    const p = await preview(file);
    expect(p.summary).toMatchObject({ total: 20_000, valid: 20_000, toCreate: 20_000 });
    expect(await ok(t, 'students.importCommit', { file })).toEqual({
      total: 20_000,
      created: 20_000,
      updated: 0,
      unchanged: 0,
    });
    expect(count()).toBe(20_000);
    const some: Student = (await list({ search: '2023' })).items[0];
    expect(some.studentNo.startsWith('2023')).toBe(true);
  }, 90_000);
});

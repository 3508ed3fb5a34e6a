import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/contract/imports';
import { createTestCore, type TestCore } from '../harness/core';
import { softwareMajor } from '../harness/majors';
import { loadWorkbook, sheetTable, templateWithRows, upload, xlsxBytes } from '../harness/sheets';
import { fails, ok, readRows } from '../harness/staff';
import { residentId, rosterHeader, rosterRows, withBadCheckChar } from '../harness/students';
import { IMPORT_GROUP_LIST_LIMIT, IMPORT_PREVIEW_PAGE } from '../../shared/contract/imports';
import { UNMATCHED_MAJOR_GROUP } from '../../shared/domain/students';

let t: TestCore;
beforeEach(() => {
  t = createTestCore(); // 2026-03-02T08:00:00Z
});
afterEach(() => t.dispose());

const count = () => readRows<{ n: number }>(t, 'SELECT count(*) AS n FROM students')[0].n;
const ID = rosterHeader.indexOf('身份证号码');
const NAME = rosterHeader.indexOf('姓名');
const GENDER = rosterHeader.indexOf('性别');
const PHONE = rosterHeader.indexOf('联系电话');

/** 15-digit (GB 11643-1989) form of an 18-digit number: no century, no check character. */
const legacyOf = (id: string) => `${id.slice(0, 6)}${id.slice(8, 17)}`;

/**
 * The roster: 2,000 distinct students with 15 bad check digits, 6 missing names, 20 ID
 * numbers stored as Excel numbers, 10 fifteen-digit IDs, 8 gender cells the ID contradicts,
 * 12 rows pasted twice, blank rows, a 合计 row and a footer note. `originals` keeps every row's
 * true cells, to fix the problem rows with.
 */
function messyRoster() {
  const originals = rosterRows(2000, { majors: ['软件技术'] });
  const rows: unknown[][] = originals.map((r) => [...r]);
  // Digits-only IDs can be typed into a number cell (an X cannot).
  const numeric = rows.map((_, i) => i).filter((i) => /^\d{18}$/.test(originals[i][ID]));
  const take = (n: number) => numeric.splice(0, n);
  const badCheck = take(15);
  for (const i of badCheck) rows[i][ID] = withBadCheckChar(originals[i][ID]).id;
  const noName = take(6);
  for (const i of noName) rows[i][NAME] = '';
  const asNumber = take(20);
  for (const i of asNumber) rows[i][ID] = Number(originals[i][ID]);
  for (const i of take(10)) rows[i][ID] = legacyOf(originals[i][ID]);
  const flipped = take(8);
  for (const i of flipped) rows[i][GENDER] = originals[i][GENDER] === '男' ? '女' : '男';
  // A phone as people write it.
  rows[1500][PHONE] = '+86 138-6189 0164';
  const pasted = rows.slice(1000, 1012).map((r) => [...r]);
  const sheet: unknown[][] = [
    ['湖北示例职业技术学院 2023 级学生名单'],
    [...rosterHeader],
    ...rows.slice(0, 700),
    [],
    ['', '', '', '', '', '', '', '', ''],
    ...rows.slice(700, 1400),
    ...pasted.slice(0, 6),
    [],
    ...rows.slice(1400),
    ...pasted.slice(6),
    ['合计', '', '', '', '', '', '', '共 2000 人'],
    ['注：本表由教务处于 2023 年 9 月导出，如有疑问请联系教务处。'],
  ];
  return { sheet, originals, flipped };
}

const groupCounts = (p: ImportPreview, severity: 'error' | 'warning') =>
  p.groups.filter((g) => g.severity === severity).map((g) => [g.title, g.count]);

describe('students: a real school’s messy roster', () => {
  it('groups 41 error rows in three groups, skips totals and blanks, merges pasted rows, imports the other 1,959', async () => {
    await ok(t, 'majors.save', softwareMajor);
    const roster = messyRoster();
    const file = upload('名单.xlsx', await xlsxBytes({ rows: roster.sheet as never }));

    const preview = await ok(t, 'students.importPreview', { file });
    expect(preview.summary).toEqual({
      total: 2000,
      valid: 1959,
      invalid: 41,
      toCreate: 1959,
      toUpdate: 0,
      unchanged: 0,
    });
    expect(groupCounts(preview, 'error')).toEqual([
      ['证件号码被 Excel 存成数字（末几位已丢失）', 20],
      ['身份证号码校验位错误', 15],
      ['请填写姓名', 6],
    ]);
    expect(groupCounts(preview, 'warning')).toEqual([
      ['完全相同的重复行（已合并）', 12],
      ['15 位旧身份证号', 10],
      ['性别与身份证号码不一致（以身份证号码为准）', 8],
    ]);
    expect(preview.skipped).toEqual({ totals: 1, notes: 1, blank: 3, examples: 0, merged: 12 });
    const checkGroup = preview.groups.find((g) => g.title === '身份证号码校验位错误');
    expect(checkGroup?.column).toBe('身份证号码');
    expect(checkGroup?.problems[0].message).toMatch(/^第 \d+ 行“身份证号码”列：校验位应为/);
    expect(preview.identityFields).toEqual(['studentNo', 'name']);

    // The answer carries one page of rows, not 2,000; every listed problem row's cells come along.
    expect(preview.rowsFrom).toBe(0);
    expect(preview.rows.length).toBe(IMPORT_PREVIEW_PAGE);
    const listed = preview.groups.flatMap((g) => g.problems.map((p) => p.rowNumber));
    expect(
      Object.keys(preview.listedValues)
        .map(Number)
        .sort((x, y) => x - y),
    ).toEqual([...new Set(listed)].sort((x, y) => x - y));
    const badName = preview.groups.find((g) => g.title === '请填写姓名')!.problems[0];
    expect(preview.listedValues[badName.rowNumber].name).toBe('');
    expect(preview.listedValues[badName.rowNumber].studentNo).not.toBe('');
    const later = await ok(t, 'students.importPreview', { file, rowsFrom: 1000 });
    expect(later.rowsFrom).toBe(1000);
    expect(later.rows[0].rowNumber).toBeGreaterThan(preview.rows.at(-1)!.rowNumber);
    expect(later.summary).toEqual(preview.summary);
    // Past the end: the last page.
    const last = await ok(t, 'students.importPreview', { file, rowsFrom: 5000 });
    expect(last.rowsFrom).toBe(2000 - IMPORT_PREVIEW_PAGE);
    expect(last.rows.length).toBe(IMPORT_PREVIEW_PAGE);

    // All or nothing stays the default…
    const refused = await fails(t, 'students.importCommit', { file });
    expect(refused.message).toMatch(/^未导入任何数据：41 行有错误/);
    expect(count()).toBe(0);

    // …and 仅导入无误的行 imports the rest, saying (and auditing) how many were left out.
    expect(await ok(t, 'students.importCommit', { file, skipInvalid: true })).toEqual({
      total: 1959,
      created: 1959,
      updated: 0,
      unchanged: 0,
      leftOut: 41,
    });
    expect(count()).toBe(1959);
    const audit = readRows<{ after_json: string }>(
      t,
      "SELECT after_json FROM audit_log WHERE entity = 'student_import'",
    );
    expect(JSON.parse(audit[0].after_json)).toMatchObject({ total: 1959, leftOut: 41 });
    // The ID number decided the gender; the phone was normalised.
    const flipped = roster.originals[roster.flipped[0]];
    const [saved] = readRows<{ gender: string }>(
      t,
      'SELECT gender FROM students WHERE student_no = ?',
      flipped[0],
    );
    expect(saved.gender).toBe(flipped[GENDER] === '男' ? 'male' : 'female');
    const [phone] = readRows<{ phone: string }>(
      t,
      'SELECT phone FROM students WHERE student_no = ?',
      roster.originals[1500][0],
    );
    expect(phone.phone).toBe('13861890164');
  }, 60_000);

  it('downloads the problem rows (行号, the file’s columns, 问题); fixed in Excel they import', async () => {
    await ok(t, 'majors.save', softwareMajor);
    const roster = messyRoster();
    const file = upload('名单.xlsx', await xlsxBytes({ rows: roster.sheet as never }));
    await ok(t, 'students.importCommit', { file, skipInvalid: true });

    const sheet = await ok(t, 'students.importProblems', { file });
    expect(sheet.fileName).toBe('名单-问题行.xlsx');
    const wb = await loadWorkbook(Buffer.from(sheet.contentBase64, 'base64'));
    const ws = wb.getWorksheet('问题行');
    if (!ws) throw new Error('no 问题行 sheet');
    const table = sheetTable(ws);
    expect(table.header).toEqual(['行号', ...rosterHeader, '问题']);
    expect(table.rows).toHaveLength(41);
    const byNo = new Map(roster.originals.map((r) => [r[0], r]));
    for (const row of table.rows) {
      expect(typeof row[0]).toBe('number');
      // Every original cell is text, so an ID number cannot lose digits again.
      expect(typeof row[1 + ID]).toBe('string');
      expect(String(row.at(-1))).toMatch(/校验位|请填写姓名|存成了数字/);
    }

    // The coordinator fixes the cells and imports that same file.
    for (const [i, row] of table.rows.entries()) {
      const original = byNo.get(String(row[1])) as string[];
      const excelRow = ws.getRow(table.headerRow + 1 + i);
      excelRow.getCell(2 + NAME).value = original[NAME];
      excelRow.getCell(2 + ID).value = original[ID];
    }
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await ok(t, 'students.importPreview', { file: upload('问题行.xlsx', fixed) });
    expect(again.summary).toMatchObject({ total: 41, invalid: 0, toCreate: 41 });
    await ok(t, 'students.importCommit', { file: upload('问题行.xlsx', fixed) });
    expect(count()).toBe(2000);
  }, 60_000);

  it('下载模板: the header and one example row (columns as text), a 说明 sheet with each column’s rule; the example is valid', async () => {
    const template = await ok(t, 'students.importTemplate', {});
    expect(template.fileName).toBe('学生名单导入模板.xlsx');
    const bytes = Buffer.from(template.contentBase64, 'base64');
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学生名单', '说明']);
    const data = sheetTable(wb.worksheets[0]);
    const header = data.header as string[];
    expect(header.slice(0, 4)).toEqual(['学号', '姓名', '证件类型', '证件号码']);
    // One example row, its ID number a text cell (see importTemplates.test for every import).
    expect(data.rows).toHaveLength(1);
    expect(typeof data.rows[0][header.indexOf('证件号码')]).toBe('string');
    const idColumn = wb.worksheets[0].getColumn(header.indexOf('证件号码') + 1);
    expect(idColumn.numFmt).toBe('@');
    const notes = sheetTable(wb.worksheets[1]);
    expect(notes.header).toEqual(['列名', '必填', '示例', '填写说明', '也可用的列名']);
    for (const label of header) {
      const rule = notes.rows.find((r) => r[0] === label);
      expect(String(rule?.[3] ?? '')).not.toBe('');
    }
    const idNote = notes.rows.find((r) => r[0] === '证件号码');
    expect(idNote?.[1]).toBe('是');
    expect(typeof idNote?.[2]).toBe('string');
    const empty = await ok(t, 'students.importPreview', { file: upload('模板.xlsx', bytes) });
    expect(empty.summary).toMatchObject({ total: 0, valid: 0 });
    expect(empty.skipped.examples).toBe(1);
    // The example with another 学号 and ID number (a person copying it) imports cleanly.
    const filled = await templateWithRows(bytes, [
      { 学号: '2023010102', 证件号码: residentId('20050301', 4) },
    ]);
    const preview = await ok(t, 'students.importPreview', { file: upload('模板.xlsx', filled) });
    expect(preview.summary).toMatchObject({ total: 1, valid: 1, invalid: 0 });
  });

  it('lists every unmatched 专业 name over all rows, not only the 500 the group lists', async () => {
    // A fresh install: no majors yet, so every row is 专业未匹配.
    const rows = rosterRows(1200, { majors: ['软件技术'] });
    const MAJOR = rosterHeader.indexOf('专业');
    const YEAR = rosterHeader.indexOf('年级');
    const late = [800, 801, 802, 950, 1199];
    for (const i of late) [rows[i][MAJOR], rows[i][YEAR]] = ['大数据技术', '2023级'];
    rows[950][YEAR] = '2022级'; // the earliest of them, on a row the group does not list
    rows[1199][MAJOR] = ' 大数据 技术'; // the same name, spaced differently
    const file = upload('名单.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rows] }));

    const preview = await ok(t, 'students.importPreview', { file });
    const group = preview.groups.find((g) => g.title === UNMATCHED_MAJOR_GROUP)!;
    expect(group.count).toBe(1200);
    expect(group.problems).toHaveLength(IMPORT_GROUP_LIST_LIMIT);
    const earliest = (indexes: number[]) =>
      Math.min(...indexes.map((i) => Number(/\d{4}/.exec(rows[i][YEAR])![0])));
    const others = rows.map((_, i) => i).filter((i) => !late.includes(i));
    expect(earliest(late)).toBe(2022);
    expect(group.values).toEqual([
      { text: '软件技术', count: 1195, earliestYear: earliest(others) },
      { text: '大数据技术', count: 5, earliestYear: 2022 },
    ]);
  });
});

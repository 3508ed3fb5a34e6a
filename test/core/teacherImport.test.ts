import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../shared/contract/imports';
import type { Teacher } from '../../shared/contract/teachers';
import { createTestCore, type TestCore } from '../harness/core';
import { loadWorkbook, sheetTable, templateWithRows, upload, xlsxBytes } from '../harness/sheets';
import { auditEntries, fails, ok, readRows } from '../harness/staff';
import { softwareMajor } from '../harness/majors';

let t: TestCore;
beforeEach(async () => {
  t = createTestCore();
  await ok(t, 'majors.save', softwareMajor);
});
afterEach(() => t.dispose());

const header = [
  '工号',
  '姓名',
  '性别',
  '职称',
  '专业',
  '专任',
  '双师型',
  '能独立承担教学任务',
  '考评员',
];

async function file(rows: unknown[][], name = '教师名单.xlsx') {
  return upload(
    name,
    await xlsxBytes({ rows: [['XX职业技术学院教师名单'], header, ...rows] as never }),
  );
}

describe('teacher import', () => {
  it('previews with every row error (row, column, reason) and imports nothing while any remains', async () => {
    const bad = await file([
      ['T001', '张三', '女', '讲师', '510203', '是', '是', '是', '否'],
      ['T002', '李四', '未知', '讲师', '', '是', '否', '是', ''],
      ['T003', '王五', '男', '讲师', '数控技术', '是', '也许', '是', ''],
      ['T001', '赵六', '男', '讲师', '软件技术', '是', '否', '是', ''],
    ]);
    const preview = await ok(t, 'teachers.importPreview', { file: bad });
    expect(preview.headerRowNumber).toBe(2);
    const messages = preview.rows.flatMap((r) => r.errors.map((e) => e.message));
    expect(messages).toEqual(
      expect.arrayContaining([
        '第 4 行“性别”列：性别“未知”应为“男”或“女”',
        '第 5 行“专业”列：专业“数控技术”尚未登记，请先新增该专业，或清空此格',
        '第 5 行“双师型”列：“也许”无法识别，双师型应填“是”或“否”',
      ]),
    );
    // The 工号 clash holds back both rows, each naming both.
    for (const row of [3, 6]) {
      expect(messages).toContain(
        `第 ${row} 行“工号”列：第 3、6 行的工号都是“T001”，但其他内容不同：同一工号只能有一行，请核对后只保留正确的一行`,
      );
    }
    const refused = await fails(t, 'teachers.importCommit', { file: bad });
    expect(refused.code).toBe('VALIDATION');
    expect(await ok(t, 'teachers.list', {})).toEqual([]);
  });

  it('imports a clean file in one go, links majors by code or name, and re-import updates instead of doubling', async () => {
    const rows = [
      ['T001', '张三', '女', '讲师', '510203', '是', '是', '是', '否'],
      ['t002', '李四', '男', '副教授', '软件技术', '否', '√', '', ''],
    ];
    const result: ImportResult = await ok(t, 'teachers.importCommit', { file: await file(rows) });
    expect(result).toEqual({ total: 2, created: 2, updated: 0, unchanged: 0 });
    const teachers: Teacher[] = await ok(t, 'teachers.list', {});
    expect(
      teachers.map((x) => [
        x.staffNo,
        x.majorCode,
        x.fullTime,
        x.dualQualified,
        x.canTeachIndependently,
      ]),
    ).toEqual([
      ['T001', '510203', true, true, true],
      ['t002', '510203', false, true, false],
    ]);

    // The same 工号 (any letter case) again: updated, reported as 更新 in the preview, never doubled.
    const again = await file([['T002', '李四', '男', '教授', '软件技术', '否', '是', '是', '']]);
    const preview: ImportPreview = await ok(t, 'teachers.importPreview', { file: again });
    expect(preview.summary).toMatchObject({ toCreate: 0, toUpdate: 1 });
    expect(await ok(t, 'teachers.importCommit', { file: again })).toEqual({
      total: 1,
      created: 0,
      updated: 1,
      unchanged: 0,
    });
    const after: Teacher[] = await ok(t, 'teachers.list', {});
    expect(after).toHaveLength(2);
    expect(after.find((x) => x.name === '李四')?.title).toBe('教授');
    // Once more: 李四 already holds every value, so nothing is written, audited or called updated,
    // and the preview says so before.
    const same: ImportPreview = await ok(t, 'teachers.importPreview', { file: again });
    expect(same.summary).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 1 });
    expect(same.rows.map((r) => r.action)).toEqual(['unchanged']);
    expect(await ok(t, 'teachers.importCommit', { file: again })).toMatchObject({
      updated: 0,
      unchanged: 1,
    });
    expect(await ok(t, 'teachers.list', {})).toEqual(after);
    expect(
      readRows<{ n: number }>(t, "SELECT count(*) AS n FROM audit_log WHERE entity = 'teacher'")[0]
        .n,
    ).toBe(3);
  });

  it('the teacher and catalogue templates’ examples are valid; problem rows are downloadable here too', async () => {
    // The example row copied with another 工号 / 证书名称 (the example itself is skipped).
    const copies = { teachers: { 工号: 'T2015002' }, catalogue: { 证书名称: '数字媒体交互设计' } };
    for (const kind of ['teachers', 'catalogue'] as const) {
      const template = await ok(t, `${kind}.importTemplate`, {});
      const bytes = Buffer.from(template.contentBase64, 'base64');
      const filled = await templateWithRows(bytes, [copies[kind]]);
      const preview = await ok(t, `${kind}.importPreview`, {
        file: upload(template.fileName, filled),
      });
      expect(preview.summary).toMatchObject({ total: 1, valid: 1, invalid: 0 });
    }
    const bad = await file([
      ['T001', '张三', '女', '讲师', '510203', '是', '是', '是', '否'],
      ['T002', '李四', '未知', '讲师', '', '是', '否', '是', ''],
    ]);
    const sheet = await ok(t, 'teachers.importProblems', { file: bad });
    const wb = await loadWorkbook(Buffer.from(sheet.contentBase64, 'base64'));
    const table = sheetTable(wb.worksheets[0]);
    expect(table.header).toEqual(['行号', ...header, '问题']);
    expect(table.rows.map((r) => [r[0], r[1], r.at(-1)])).toEqual([
      [4, 'T002', '“性别”列：性别“未知”应为“男”或“女”'],
    ]);
    expect(await ok(t, 'teachers.importCommit', { file: bad, skipInvalid: true })).toEqual({
      total: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      leftOut: 1,
    });
    expect(auditEntries(t, 'teacher_import').map((e) => [e.entityId, e.after])).toEqual([
      [
        '教师名单.xlsx',
        { fileName: '教师名单.xlsx', total: 1, created: 1, updated: 0, unchanged: 0, leftOut: 1 },
      ],
    ]);
  });
});

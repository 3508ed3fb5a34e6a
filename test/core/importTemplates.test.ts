import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExamBatch } from '../../shared/contract/exams';
import { createTestCore, type TestCore } from '../harness/core';
import { batchInput, createBatch, seedExamSchool } from '../harness/exams';
import { loadWorkbook, sheetTable, templateWithRows, upload } from '../harness/sheets';
import { fails, ok } from '../harness/staff';
import { residentId } from '../harness/students';

/*
 * Every import's 下载模板 has one example row under its header. Left in as it came, the import
 * skips it (and says so); the rows a person adds under it are imported.
 */

let t: TestCore;
let batch: ExamBatch;

beforeAll(async () => {
  t = createTestCore();
  const seeded = await seedExamSchool(t.core, { students: 4 });
  batch = await createBatch(t.core, batchInput(seeded.certificate.id));
  await ok(t, 'exams.signups.create', {
    batchId: batch.id,
    studentIds: seeded.students.map((s) => s.id),
    confirm: true,
  });
});
afterAll(() => t.dispose());

type Prefix = 'students' | 'teachers' | 'catalogue' | 'exams.results' | 'arrangements';

/** A seeded candidate (学生1…) as the organization's lists name them. */
const candidate = (i: number) => ({
  身份证号: residentId('20040301', i),
  学号: `2020${String(i).padStart(6, '0')}`,
  姓名: `学生${i}`,
});

/** Each import with a template: two real rows, each the example with some cells changed. */
const kinds: { prefix: Prefix; sheet: string; rows: Record<string, string>[] }[] = [
  {
    prefix: 'students',
    sheet: '学生名单',
    rows: [
      { 学号: '2023010102', 姓名: '王芳', 证件号码: residentId('20050301', 4) },
      { 学号: '2023010103', 姓名: '刘丽', 证件号码: residentId('20050301', 6) },
    ],
  },
  {
    prefix: 'teachers',
    sheet: '教师',
    rows: [
      { 工号: 'T2015002', 姓名: '王老师' },
      { 工号: 'T2015003', 姓名: '赵老师' },
    ],
  },
  {
    prefix: 'catalogue',
    sheet: '证书目录',
    rows: [{ 证书名称: '数字媒体交互设计' }, { 证书名称: '网络安全评估' }],
  },
  {
    prefix: 'exams.results',
    sheet: '成绩',
    rows: [
      { ...candidate(1), 准考证号: 'Z001', 证书编号: 'WEB-2020-000011' },
      { ...candidate(2), 准考证号: 'Z002', 证书编号: 'WEB-2020-000012' },
    ],
  },
  {
    prefix: 'arrangements',
    sheet: '准考证号',
    rows: [
      { ...candidate(3), 准考证号: 'A003', 考场: '', 场次: '', 座位号: '' },
      { ...candidate(4), 准考证号: 'A004', 考场: '', 场次: '', 座位号: '' },
    ],
  },
];

/** The request for a file: result and 准考证号 imports are of one batch. */
const request = (prefix: Prefix, fileName: string, bytes: Buffer) => ({
  file: upload(fileName, bytes),
  ...(prefix === 'exams.results' || prefix === 'arrangements' ? { batchId: batch.id } : {}),
});

async function template(prefix: Prefix) {
  const sheet = await ok(t, `${prefix}.importTemplate`, {});
  return { fileName: sheet.fileName, bytes: Buffer.from(sheet.contentBase64, 'base64') };
}

describe.each(kinds)('下载模板 of $prefix', ({ prefix, sheet, rows }) => {
  it('has the 说明 sheet’s example values as one marked row under the header, as text', async () => {
    const wb = await loadWorkbook((await template(prefix)).bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual([sheet, '说明']);
    const data = sheetTable(wb.worksheets[0]);
    const notes = sheetTable(wb.worksheets[1]);
    const example = new Map(notes.rows.map((r) => [r[0], r[2] ?? '']));
    expect(data.rows).toHaveLength(1);
    expect(data.rows[0]).toEqual(data.header.map((label) => example.get(label)));
    expect(data.rows[0].some((v) => v !== '')).toBe(true);
    const exampleRow = wb.worksheets[0].getRow(data.headerRow + 1);
    data.header.forEach((_, i) => {
      const cell = exampleRow.getCell(i + 1);
      expect(cell.numFmt).toBe('@');
      expect(cell.font.italic).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    });
    expect(String(exampleRow.getCell(1).note)).toContain('示例');
  });

  it('left untouched, imports nothing and says the example row was skipped', async () => {
    const { fileName, bytes } = await template(prefix);
    const preview = await ok(t, `${prefix}.importPreview`, request(prefix, fileName, bytes));
    expect(preview.summary).toMatchObject({ total: 0, valid: 0, invalid: 0 });
    expect(preview.skipped).toEqual({ totals: 0, notes: 0, blank: 0, examples: 1, merged: 0 });
    expect(preview.rows).toEqual([]);
    const error = await fails(t, `${prefix}.importCommit`, request(prefix, fileName, bytes));
    expect(error.message).toBe(
      '未导入任何数据：表头下方只有模板的示例行（已跳过），没有要导入的数据行。',
    );
  });

  it('filled in under the example row, imports the two rows added and not the example', async () => {
    const { fileName, bytes } = await template(prefix);
    const filled = await templateWithRows(bytes, rows);
    const preview = await ok(t, `${prefix}.importPreview`, request(prefix, fileName, filled));
    expect(preview.skipped.examples).toBe(1);
    expect(preview.summary).toMatchObject({ total: 2, valid: 2, invalid: 0 });
    expect(preview.rows.map((r) => r.rowNumber)).toEqual([3, 4]);
    const result = await ok(t, `${prefix}.importCommit`, request(prefix, fileName, filled));
    expect(result.total).toBe(2);
    expect(result.created + result.updated).toBe(2);
  });
});

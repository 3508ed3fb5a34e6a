import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExamBatch, Signup } from '../../shared/contract/exams';
import { createTestCore, type TestCore } from '../harness/core';
import { batchInput, createBatch, type seedExamSchool, seedSignedUpBatch } from '../harness/exams';
import { loadWorkbook, sheetTable, upload, xlsxBytes } from '../harness/sheets';
import { auditEntries, fails, ok } from '../harness/staff';
import { residentId } from '../harness/students';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedExamSchool>>;
let batch: ExamBatch;

const studentNo = (i: number) => `2020${String(i).padStart(6, '0')}`;

/** 学生1…学生6 signed up (学号 2020000001…), 1–4 paid; 6 withdrawn. */
beforeEach(async () => {
  t = createTestCore();
  ({ seeded, batch } = await seedSignedUpBatch(t.core, 6));
  const all = await signups();
  await ok(t, 'exams.signups.setStatus', {
    ids: [1, 2, 3, 4].map((i) => all.get(studentNo(i))!.id),
    status: 'paid',
  });
  await ok(t, 'exams.signups.setStatus', { ids: [all.get(studentNo(6))!.id], status: 'withdrawn' });
});
afterEach(() => t.dispose());

async function signups(): Promise<Map<string, Signup>> {
  const page = await ok(t, 'exams.signups.list', { batchId: batch.id, pageSize: 100 });
  return new Map(page.items.map((s) => [s.studentNo, s]));
}
const idOf = async (i: number) => (await signups()).get(studentNo(i))!.id;

describe('attendance (考勤登记)', () => {
  it('lists the live candidates by 学号 until the batch is arranged, with nothing recorded yet', async () => {
    const sheet = await ok(t, 'exams.attendance.list', { batchId: batch.id });
    expect(sheet.seatOrder).toBe(false);
    expect(sheet.items.map((r) => [r.studentNo, r.status, r.mark, r.seat])).toEqual([
      [studentNo(1), 'paid', null, null],
      [studentNo(2), 'paid', null, null],
      [studentNo(3), 'paid', null, null],
      [studentNo(4), 'paid', null, null],
      [studentNo(5), 'registered', null, null],
    ]);
    expect(sheet.counts).toEqual({
      expected: 5,
      present: 0,
      absent: 0,
      violation: 0,
      unrecorded: 5,
    });
  });

  it('records 实考 / 缺考 / 违纪 in one audited call and the counts follow on the batch and 首页', async () => {
    const entries = [
      { id: await idOf(1), mark: 'present' },
      { id: await idOf(2), mark: 'present' },
      { id: await idOf(3), mark: 'absent' },
      { id: await idOf(4), mark: 'violation' },
      // 已报名: the sign-in sheet proves the sitting, as a result sheet does.
      { id: await idOf(5), mark: 'present' },
    ];
    const saved = await ok(t, 'exams.attendance.save', { batchId: batch.id, entries });
    expect(saved.updated).toBe(5);
    expect(saved.counts).toEqual({
      expected: 5,
      present: 3,
      absent: 1,
      violation: 1,
      unrecorded: 0,
    });
    const after = await signups();
    expect([1, 2, 3, 4, 5, 6].map((i) => after.get(studentNo(i))!.status)).toEqual([
      'examined',
      'examined',
      'absent',
      'violation',
      'examined',
      'withdrawn',
    ]);
    // Every change in the audit log, before and after.
    const audit = auditEntries<{ status: string }>(t, 'signup').filter(
      (e) => e.action === 'update' && e.after?.status !== 'paid' && e.after?.status !== 'withdrawn',
    );
    expect(audit.map((e) => `${e.before?.status}→${e.after?.status}`)).toEqual([
      'paid→examined',
      'paid→examined',
      'paid→absent',
      'paid→violation',
      'registered→examined',
    ]);

    // The batch's figures: 违纪 in no 实考 and its fee still owed like 缺考's.
    const b = await ok(t, 'exams.batches.get', { id: batch.id });
    expect(b.figures).toMatchObject({ signups: 5, examined: 3, absent: 1, violation: 1 });
    expect(b.figures.feeFen).toBe(5 * 48000);
    const summary = await ok(t, 'dashboard.summary', {});
    expect(summary.exams[0]).toMatchObject({
      signedUp: 5,
      examined: 3,
      absent: 1,
      violation: 1,
      passRate: null,
    });
    expect(summary.totals.feeTotalFen).toBe(5 * 48000);

    // Saving the same again changes nothing.
    const again = await ok(t, 'exams.attendance.save', { batchId: batch.id, entries });
    expect(again).toMatchObject({ updated: 0, unchanged: 5 });
  });

  it('corrects a wrong tick before any result, but refuses a result or score in the way — all or none', async () => {
    await ok(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [
        { id: await idOf(1), mark: 'present' },
        { id: await idOf(2), mark: 'absent' },
        { id: await idOf(3), mark: 'present' },
      ],
    });
    // 学生1 passed, 学生3 has a score.
    await ok(t, 'exams.signups.saveResult', {
      id: await idOf(1),
      status: 'passed',
      score: 80,
      certificateNo: 'WEB-1',
    });
    await ok(t, 'exams.signups.saveResult', { id: await idOf(3), score: 55 });
    const error = await fails(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [
        { id: await idOf(2), mark: 'present' },
        { id: await idOf(1), mark: 'violation' },
        { id: await idOf(3), mark: 'absent' },
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('2 条考勤不能保存，未做任何更改');
    expect(error.message).toContain(
      '学生1（学号 2020000001）：不能登记为“违纪”，已录入结果“通过”，不能再更改考勤',
    );
    expect(error.message).toContain('学生3（学号 2020000003）：不能登记为“缺考”，已录入成绩');
    // Nothing written: 学生2 still 缺考.
    expect((await signups()).get(studentNo(2))!.status).toBe('absent');
    // The correction alone goes through.
    await ok(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [{ id: await idOf(2), mark: 'present' }],
    });
    expect((await signups()).get(studentNo(2))!.status).toBe('examined');
  });

  it('refuses a withdrawn sign-up and one of another batch, naming them', async () => {
    const other = await createBatch(
      t.core,
      batchInput(seeded.certificate.id, { name: '第二批', examDate: '2020-12-01' }),
    );
    const error = await fails(t, 'exams.attendance.save', {
      batchId: other.id,
      entries: [{ id: await idOf(1), mark: 'present' }],
    });
    expect(error.message).toContain('第 1 条报名已不在本批次中');
    const withdrawn = await fails(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [{ id: await idOf(6), mark: 'absent' }],
    });
    expect(withdrawn.message).toContain('学生6（学号 2020000006）：不能登记为“缺考”，报名已撤销');
  });
});

describe('缺考名单', () => {
  it('lists the 缺考 and 违纪 candidates as an .xlsx in the shared sheet style, read back', async () => {
    await ok(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [
        { id: await idOf(1), mark: 'present' },
        { id: await idOf(2), mark: 'absent' },
        { id: await idOf(3), mark: 'violation' },
        { id: await idOf(4), mark: 'present' },
      ],
    });
    const file = await ok(t, 'exams.attendance.absentSheet', { batchId: batch.id });
    expect(file.fileName).toBe('Web前端开发 初级 · 2020年11月15日 第一批 缺考名单.xlsx');
    const wb = await loadWorkbook(Buffer.from(file.contentBase64, 'base64'));
    const ws = wb.getWorksheet('缺考名单')!;
    expect(String(ws.getCell('A1').value)).toContain(
      '缺考名单（应考 5 人，实考 2 人，缺考 1 人，违纪 1 人）',
    );
    const { header, rows } = sheetTable(ws);
    expect(header).toEqual([
      '序号',
      '考场座位',
      '准考证号',
      '学号',
      '姓名',
      '身份证号',
      '专业',
      '班级',
      '考勤',
    ]);
    expect(rows.map((r) => [r[0], r[3], r[4], r[5], r[8]])).toEqual([
      [1, studentNo(2), '学生2', residentId('20040301', 2), '缺考'],
      [2, studentNo(3), '学生3', residentId('20040301', 3), '违纪'],
    ]);
    // ID numbers and 学号 are text cells, never numbers Excel would round.
    expect(ws.getCell(`F${ws.rowCount}`).numFmt).toBe('@');
  });
});

describe('违纪 (the sign-up status)', () => {
  it('is final: no result, no score, no other status afterwards', async () => {
    const id = await idOf(1);
    await ok(t, 'exams.signups.setStatus', { ids: [id], status: 'violation' });
    const score = await fails(t, 'exams.signups.saveResult', { id, score: 80 });
    expect(score.message).toContain('状态为“违纪”时不能录入成绩');
    const move = await fails(t, 'exams.signups.setStatus', { ids: [id], status: 'examined' });
    expect(move.message).toContain('“违纪”是最终状态，不能再更改');
  });

  it('keeps attendance over the result sheet: the preview shows the disagreement and imports no score', async () => {
    await ok(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [
        { id: await idOf(1), mark: 'violation' },
        { id: await idOf(2), mark: 'absent' },
        { id: await idOf(3), mark: 'present' },
      ],
    });
    const header = ['准考证号', '姓名', '身份证号', '成绩', '是否通过', '证书编号'];
    const idNumber = (i: number) => residentId('20040301', i);
    const file = upload(
      '成绩单.xlsx',
      await xlsxBytes({
        rows: [
          header,
          ['Z1', '学生1', idNumber(1), 90, '通过', 'WEB-1'],
          ['Z2', '学生2', idNumber(2), 70, '通过', 'WEB-2'],
          ['Z3', '学生3', idNumber(3), '', '违纪', ''],
          ['Z4', '学生4', idNumber(4), 88, '违纪', ''],
        ] as never,
      }),
    );
    const preview = await ok(t, 'exams.results.importPreview', { batchId: batch.id, file });
    const groups = Object.fromEntries(
      preview.groups.map((g) => [g.title, g.problems.map((p) => [p.rowNumber, p.message])]),
    );
    expect(groups['考勤与成绩单不一致（以考勤为准）']).toEqual([
      [2, expect.stringContaining('考勤记录为“违纪”，成绩单为“通过”：以考勤为准，此行成绩不导入')],
      [3, expect.stringContaining('考勤记录为“缺考”，成绩单为“通过”')],
      [4, expect.stringContaining('考勤记录为“已考”，成绩单为“违纪”：以考勤为准')],
    ]);
    expect(groups['成绩单本身前后矛盾']).toEqual([
      [5, expect.stringContaining('成绩单写明违纪，却又有分数')],
    ]);
    await ok(t, 'exams.results.importCommit', { batchId: batch.id, file, skipInvalid: true });
    const after = await signups();
    expect(after.get(studentNo(1))).toMatchObject({ status: 'violation', score: null });
    expect(after.get(studentNo(2))).toMatchObject({ status: 'absent', score: null });
    expect(after.get(studentNo(3))).toMatchObject({ status: 'examined' });
    expect(after.get(studentNo(4))).toMatchObject({ status: 'paid' });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { ExamBatch, Signup } from '../../shared/contract/exams';
import { createTestCore, type TestCore } from '../harness/core';
import { batchInput, createBatch, seedExamSchool } from '../harness/exams';
import { upload, xlsxBytes } from '../harness/sheets';
import { fails, ok } from '../harness/staff';
import { residentId } from '../harness/students';

// The test clock says 2026-03-02 in China.
const TODAY = '2026-03-02';
const AHEAD = '2026-04-10';

let t: TestCore;
afterEach(() => t.dispose());

/** Three students signed up and paid for a batch on `examDate`. */
async function paidBatch(examDate: string): Promise<{ batch: ExamBatch; ids: number[] }> {
  t = createTestCore();
  const seeded = await seedExamSchool(t.core, { students: 3 });
  const batch = await createBatch(t.core, batchInput(seeded.certificate.id, { examDate }));
  await ok(t, 'exams.signups.create', {
    batchId: batch.id,
    studentIds: seeded.students.map((s) => s.id),
    confirm: true,
  });
  const ids = (await signups(batch)).map((s) => s.id);
  await ok(t, 'exams.signups.setStatus', { ids, status: 'paid' });
  return { batch, ids };
}

async function signups(batch: ExamBatch): Promise<Signup[]> {
  return (await ok(t, 'exams.signups.list', { batchId: batch.id, pageSize: 100 })).items;
}

const resultSheet = async (rows: unknown[][]) =>
  upload(
    '成绩单.xlsx',
    await xlsxBytes({
      rows: [['身份证号', '姓名', '成绩', '是否通过', '证书编号', '发证日期'], ...rows] as never,
    }),
  );

describe('no attendance or result before the exam day', () => {
  it('refuses 考勤, status moves, single and batch results and the result import for a batch still ahead, and 首页 counts no pass', async () => {
    const { batch, ids } = await paidBatch(AHEAD);
    const early = '考核日期为2026年4月10日，尚未考核';

    const attendance = await fails(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [{ id: ids[0], mark: 'present' }],
    });
    expect(attendance.code).toBe('VALIDATION');
    expect(attendance.message).toContain(early);
    expect(attendance.message).toContain('学生1');

    const moved = await fails(t, 'exams.signups.setStatus', { ids, status: 'absent' });
    expect(moved.code).toBe('CONFLICT');
    expect(moved.message).toContain(`${early}，不能登记“缺考”`);
    // The preview of the same bulk action says the same, row by row.
    const plan = await ok(t, 'exams.signups.planStatus', { ids, status: 'examined' });
    expect(plan.applicable).toEqual([]);
    expect(plan.skipped).toHaveLength(3);

    const single = await fails(t, 'exams.signups.saveResult', {
      id: ids[0],
      status: 'examined',
      score: 80,
    });
    expect(single.details).toMatchObject({
      fields: [{ path: 'status', message: expect.stringContaining(early) }],
    });

    const table = await fails(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [{ id: ids[1], status: 'passed', score: 90, certificateNo: 'C-1', issuedOn: '' }],
    });
    expect(table.message).toContain(early);

    const imported = await fails(t, 'exams.results.importPreview', {
      batchId: batch.id,
      file: await resultSheet([[residentId('20040301', 1), '学生1', 90, '通过', 'C-1', '']]),
    });
    expect(imported.message).toBe(
      '该批次的考核日期为2026年4月10日，尚未考核，不能导入成绩；请在考核结束后导入培训评价组织的成绩单。',
    );

    // Nothing was written: every sign-up is still 已缴费, and 首页 counts no sitting and no pass.
    expect((await signups(batch)).map((s) => s.status)).toEqual(['paid', 'paid', 'paid']);
    const summary = await ok(t, 'dashboard.summary', {});
    expect(JSON.stringify(summary)).not.toMatch(/"passed":[1-9]/);
    // Still allowed before the exam: withdrawing a sign-up.
    await ok(t, 'exams.signups.setStatus', { ids: [ids[2]], status: 'withdrawn' });
  });

  it('takes attendance and results on the exam day itself', async () => {
    const { batch, ids } = await paidBatch(TODAY);
    await ok(t, 'exams.attendance.save', {
      batchId: batch.id,
      entries: [{ id: ids[0], mark: 'present' }],
    });
    await ok(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [{ id: ids[0], status: 'passed', score: 90, certificateNo: 'C-1', issuedOn: TODAY }],
    });
    await ok(t, 'exams.signups.setStatus', { ids: [ids[1]], status: 'absent' });
    expect((await signups(batch)).map((s) => s.status)).toEqual(['passed', 'absent', 'paid']);
  });
});

describe('发证日期 between the exam day and today', () => {
  it('refuses an issue date before the exam or after today, naming the field, in every way in', async () => {
    const { batch, ids } = await paidBatch('2026-01-10');
    await ok(t, 'exams.signups.saveResult', { id: ids[0], status: 'examined' });
    const before = await fails(t, 'exams.signups.saveResult', {
      id: ids[0],
      status: 'passed',
      certificateNo: 'C-1',
      issuedOn: '2026-01-09',
    });
    expect(before.details).toMatchObject({
      fields: [
        { path: 'issuedOn', message: '发证日期2026年1月9日早于考核日期2026年1月10日，请核对' },
      ],
    });
    const later = await fails(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [
        { id: ids[1], status: 'passed', score: 90, certificateNo: 'C-2', issuedOn: '2026-03-03' },
      ],
    });
    expect(later.message).toContain('发证日期2026年3月3日晚于今天（2026年3月2日），请核对');

    const preview = await ok(t, 'exams.results.importPreview', {
      batchId: batch.id,
      file: await resultSheet([
        [residentId('20040301', 1), '学生1', 90, '通过', 'C-1', '2025-12-31'],
        [residentId('20040301', 2), '学生2', 91, '通过', 'C-2', '2026-02-01'],
      ]),
    });
    expect(preview.summary).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    const group = preview.groups.find((g) => g.title === '发证日期不在考核日期与今天之间');
    expect(group?.problems.map((p) => p.message)).toEqual([
      '第 2 行“发证日期”列：发证日期2025年12月31日早于考核日期2026年1月10日，请核对',
    ]);
    expect((await signups(batch)).map((s) => [s.status, s.issuedOn])).toEqual([
      ['examined', ''],
      ['paid', ''],
      ['paid', ''],
    ]);
  });
});

describe('moving a batch whose attendance or certificates are recorded', () => {
  it('refuses a 考核日期 after today or after an issued certificate, and allows one that fits', async () => {
    const { batch, ids } = await paidBatch('2026-01-10');
    await ok(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [
        { id: ids[0], status: 'passed', score: 90, certificateNo: 'C-1', issuedOn: '2026-02-01' },
      ],
    });
    const save = (examDate: string) =>
      ({ id: batch.id, ...batchInput(batch.certificateId, { examDate }), confirm: true }) as const;

    const ahead = await fails(t, 'exams.batches.save', save(AHEAD));
    expect(ahead.details).toMatchObject({
      fields: [
        {
          path: 'examDate',
          message: '该批次已有 1 名考生登记了考勤或结果，考核日期不能晚于今天（2026年3月2日）',
        },
      ],
    });
    const afterCertificate = await fails(t, 'exams.batches.save', save('2026-02-15'));
    expect(afterCertificate.details).toMatchObject({
      fields: [
        {
          path: 'examDate',
          message: '该批次已有证书的发证日期为2026年2月1日，考核日期不能晚于发证日期',
        },
      ],
    });
    const earlier = await ok(t, 'exams.batches.save', save('2026-01-08'));
    expect(earlier.examDate).toBe('2026-01-08');
  });
});

describe('教师 出生年月', () => {
  const teacher = (birthMonth: string) => ({
    name: '王老师',
    gender: 'female',
    staffNo: 'T001',
    birthMonth,
  });

  it('refuses a month still to come and a teacher younger than 18, on the form and in an import', async () => {
    t = createTestCore();
    const future = await fails(t, 'teachers.save', teacher('2030-01'));
    expect(future.details).toMatchObject({
      fields: [{ path: 'birthMonth', message: '出生年月2030年1月晚于当前年月，请核对' }],
    });
    const child = await fails(t, 'teachers.save', teacher('2008-04'));
    expect(child.details).toMatchObject({
      fields: [
        { path: 'birthMonth', message: '按出生年月2008年4月计算，该教师不满 18 周岁，请核对' },
      ],
    });
    const adult = await ok(t, 'teachers.save', teacher('2008-03'));
    expect(adult.birthMonth).toBe('2008-03');

    const preview = await ok(t, 'teachers.importPreview', {
      file: upload(
        '教师.xlsx',
        await xlsxBytes({
          rows: [
            ['姓名', '性别', '工号', '出生年月'],
            ['李老师', '男', 'T002', '2027-05'],
          ],
        }),
      ),
    });
    expect(preview.summary).toMatchObject({ total: 1, valid: 0, invalid: 1 });
    expect(JSON.stringify(preview.groups)).toContain('出生年月2027年5月晚于当前年月，请核对');
  });
});

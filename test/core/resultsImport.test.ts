import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExamBatch, Signup } from '../../shared/contract/exams';
import { savedResultOf } from '../../shared/domain/examResults';
import { createTestCore, type TestCore } from '../harness/core';
import { batchInput, createBatch, seedExamSchool } from '../harness/exams';
import { csvBytes, loadWorkbook, sheetTable, upload, xlsxBytes } from '../harness/sheets';
import { auditEntries, fails, ok } from '../harness/staff';
import { residentId } from '../harness/students';

let t: TestCore;
let seeded: Awaited<ReturnType<typeof seedExamSchool>>;
let batch: ExamBatch;

/** 学生1…学生8 (学号 2020000001…); 1–7 signed up for the batch, 7 then withdrawn, 8 never. */
beforeEach(async () => {
  t = createTestCore();
  seeded = await seedExamSchool(t.core, { students: 8 });
  batch = await createBatch(t.core, batchInput(seeded.certificate.id));
  await ok(t, 'exams.signups.create', {
    batchId: batch.id,
    studentIds: seeded.students.slice(0, 7).map((s) => s.id),
    confirm: true,
  });
  const seventh = (await loadSignups()).get(studentNo(7))!;
  await ok(t, 'exams.signups.setStatus', { ids: [seventh.id], status: 'withdrawn' });
});
afterEach(() => t.dispose());

/** The batch's sign-ups by 学号. */
async function loadSignups(): Promise<Map<string, Signup>> {
  const page = await ok(t, 'exams.signups.list', { batchId: batch.id, pageSize: 100 });
  return new Map(page.items.map((s) => [s.studentNo, s]));
}
const studentNo = (i: number) => `2020${String(i).padStart(6, '0')}`;
const idOf = (i: number) => residentId('20040301', i);

const header = [
  '序号',
  '准考证号',
  '姓名',
  '身份证号',
  '学号',
  '理论成绩',
  '实操成绩',
  '成绩',
  '是否通过',
  '证书编号',
  '发证日期',
];

async function sheet(rows: unknown[][], name = '成绩单.xlsx') {
  return upload(
    name,
    await xlsxBytes({
      rows: [['Web前端开发（初级）2020年第一批考核成绩'], header, ...rows] as never,
    }),
  );
}

const request = (file: ReturnType<typeof upload>, extra: Record<string, unknown> = {}) => ({
  batchId: batch.id,
  file,
  ...extra,
});

describe('results import', () => {
  it('lists matched, unmatched and conflicting rows; refuses while any remains; imports the valid rows in one go, audited', async () => {
    const file = await sheet([
      // 1: matched by ID, passed with certificate and date.
      [1, 'Z001', '学生1', idOf(1), '', 82, 76, 78.4, '通过', 'WEB-2020-0001', '2020-12-20'],
      // 2: ID stored as a number (digits lost): matched by 学号 + 姓名 instead, failed.
      [
        2,
        'Z002',
        '学生2',
        Number(idOf(2).slice(0, 17)) * 10,
        studentNo(2),
        40,
        50,
        46,
        '不合格',
        '',
        '',
      ],
      // 3: 缺考 written in the score column.
      [3, 'Z003', '学生3', idOf(3), '', '', '', '缺考', '', '', ''],
      // 4: name does not match the sign-up found by ID.
      [4, 'Z004', '李四', idOf(4), '', 70, 70, 70, '通过', 'WEB-2020-0004', ''],
      // 5: 未通过 with a certificate number: the sheet contradicts itself.
      [5, 'Z005', '学生5', idOf(5), '', 30, 30, 30, '未通过', 'WEB-2020-0005', ''],
      // 6: a score without a verdict: 已考.
      [6, 'Z006', '学生6', idOf(6), '', 65, 60, 62, '', '', ''],
      // 7: the withdrawn sign-up.
      [7, 'Z007', '学生7', idOf(7), '', 90, 90, 90, '通过', 'WEB-2020-0007', ''],
      // 8: a student of the school not signed up for this batch.
      [8, 'Z008', '学生8', idOf(8), '', 90, 90, 90, '通过', 'WEB-2020-0008', ''],
      // 9: nobody.
      [9, 'Z009', '王五', residentId('19990101', 9), '', 90, 90, 90, '通过', 'WEB-2020-0009', ''],
      [],
      ['合计', '', '', '', '', '', '', '', '', '', ''],
    ]);
    const preview = await ok(t, 'exams.results.importPreview', request(file));
    expect(preview.headerRowNumber).toBe(2);
    expect(preview.mapping).toMatchObject({
      admissionNo: 1,
      name: 2,
      idNumber: 3,
      studentNo: 4,
      theoryScore: 5,
      practicalScore: 6,
      score: 7,
      result: 8,
      certificateNo: 9,
      issuedOn: 10,
    });
    expect(preview.summary).toEqual({
      total: 9,
      valid: 4,
      invalid: 5,
      toCreate: 4,
      toUpdate: 0,
      unchanged: 0,
    });
    const byTitle = Object.fromEntries(
      preview.groups.map((g) => [
        g.title,
        { severity: g.severity, count: g.count, rows: g.problems.map((p) => p.rowNumber) },
      ]),
    );
    expect(byTitle).toMatchObject({
      姓名与报名记录不一致: { severity: 'error', count: 1, rows: [6] },
      成绩单本身前后矛盾: { severity: 'error', count: 1, rows: [7] },
      报名已撤销: { severity: 'error', count: 1, rows: [9] },
    });
    expect(byTitle['未匹配：本校有此学生，但未报名本批次']).toEqual({
      severity: 'error',
      count: 1,
      rows: [10],
    });
    expect(byTitle['未匹配：本批次的报名中没有此考生']).toEqual({
      severity: 'error',
      count: 1,
      rows: [11],
    });
    expect(byTitle['身份证号被 Excel 存成数字（末几位已丢失）']).toEqual({
      severity: 'warning',
      count: 1,
      rows: [4],
    });
    const messages = preview.rows.flatMap((r) => r.errors.map((e) => e.message));
    expect(messages).toEqual(
      expect.arrayContaining([
        '第 6 行“姓名”列：按身份证号匹配到的考生是“学生4”（学号 2020000004），与成绩单上的姓名“李四”不一致',
        '第 7 行“证书编号”列：状态为“未通过”时不能录入证书编号：只有“通过”的报名才有证书',
        '第 9 行：该考生在本批次的报名已撤销，不能录入成绩；如确需录入，请先重新报名',
        '第 10 行“身份证号”列：本校学生 学生8（学号 2020000008）没有报名本批次，请核对成绩单是否属于本批次',
        `第 11 行“身份证号”列：本批次的报名中没有身份证号为“${residentId('19990101', 9)}”的考生`,
      ]),
    );
    expect(preview.skipped.totals).toBe(1);
    expect(preview.headline).toBe('匹配到本批次报名 4 行，未匹配 2 行，有冲突或错误 3 行。');

    // All or nothing by default: refused, nothing changed.
    const before = await loadSignups();
    const refused = await fails(t, 'exams.results.importCommit', request(file));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('5 行有错误');
    expect(await loadSignups()).toEqual(before);

    // Only the valid rows, when the person chooses so.
    const result = await ok(t, 'exams.results.importCommit', request(file, { skipInvalid: true }));
    expect(result).toEqual({ total: 4, created: 4, updated: 0, unchanged: 0, leftOut: 5 });
    const after = await loadSignups();
    const view = (i: number) => {
      const s = after.get(studentNo(i))!;
      return [
        s.status,
        s.score,
        s.theoryScore,
        s.practicalScore,
        s.certificateNo,
        s.issuedOn,
        s.admissionNo,
      ];
    };
    expect(view(1)).toEqual(['passed', 78.4, 82, 76, 'WEB-2020-0001', '2020-12-20', 'Z001']);
    expect(view(2)).toEqual(['failed', 46, 40, 50, '', '', 'Z002']);
    expect(view(3)).toEqual(['absent', null, null, null, '', '', 'Z003']);
    expect(view(4)).toEqual(['registered', null, null, null, '', '', '']);
    expect(view(5)).toEqual(['registered', null, null, null, '', '', '']);
    expect(view(6)).toEqual(['examined', 62, 65, 60, '', '', 'Z006']);
    expect(view(7)).toEqual(['withdrawn', null, null, null, '', '', '']);

    // Each sign-up change in the audit log; the import itself with the rows left out.
    const changes = auditEntries<{ status: string; certificateNo: string }>(t, 'signup').filter(
      (e) => e.action === 'update' && e.after?.status !== 'withdrawn',
    );
    expect(changes.map((c) => [c.before?.status, c.after?.status])).toEqual([
      ['registered', 'passed'],
      ['registered', 'failed'],
      ['registered', 'absent'],
      ['registered', 'examined'],
    ]);
    expect(changes[0].after?.certificateNo).toBe('WEB-2020-0001');
    // Each entry's after is the sign-up as stored, not as the sheet asked.
    const stored = new Map([...after.values()].map((s) => [s.id, s]));
    for (const change of changes) {
      const s = stored.get(Number(change.entityId))!;
      expect(change.after).toEqual({
        studentId: s.studentId,
        batchId: s.batchId,
        ...savedResultOf(s),
        feeFen: s.feeFen,
        payer: s.payer,
      });
    }
    const imports = auditEntries(t, 'result_import');
    expect(imports).toHaveLength(1);
    expect(imports[0].after).toEqual({
      fileName: '成绩单.xlsx',
      batchId: batch.id,
      total: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
      leftOut: 5,
    });

    // The batch's history shows the import with its counts.
    const history = await ok(t, 'fees.history.batch', { batchId: batch.id });
    const entry = history.entries.find((e) => e.entity === 'result_import');
    expect(entry).toMatchObject({ entityLabel: '成绩导入', subject: '成绩单.xlsx' });
    expect(entry?.changes.map((c) => `${c.label} ${c.after}`)).toEqual(
      expect.arrayContaining(['首次录入 4', '未导入的问题行 5']),
    );

    // The same sheet again changes nothing, and its preview says so before.
    const previewAgain = await ok(t, 'exams.results.importPreview', request(file));
    expect(previewAgain.summary).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 4 });
    const again = await ok(t, 'exams.results.importCommit', request(file, { skipInvalid: true }));
    expect(again).toEqual({ total: 4, created: 0, updated: 0, unchanged: 4, leftOut: 5 });
  });

  it('attendance already recorded wins and the disagreement is listed; a kept 准考证号 matches the next sheet', async () => {
    // Exam day: 学生1 and 学生2 sat, 学生3 was absent.
    const ids = [...(await loadSignups()).values()].map((s) => s.id);
    await ok(t, 'exams.signups.setStatus', { ids: ids.slice(0, 3), status: 'paid' });
    await ok(t, 'exams.signups.setStatus', { ids: ids.slice(0, 2), status: 'examined' });
    await ok(t, 'exams.signups.setStatus', { ids: [ids[2]], status: 'absent' });

    const file = await sheet([
      // 发证日期 as a number cell: the serial a date shows as in a 常规 (General) cell.
      [1, 'A1', '学生1', idOf(1), '', '', '', 88, '通过', 'C-1', 44185],
      [2, 'A2', '学生2', idOf(2), '', '', '', '缺考', '', '', ''],
      [3, 'A3', '学生3', idOf(3), '', '', '', 75, '通过', 'C-3', ''],
    ]);
    const preview = await ok(t, 'exams.results.importPreview', request(file));
    expect(preview.summary).toMatchObject({ total: 3, valid: 3, invalid: 0 });
    const attendance = preview.groups.find((g) => g.title === '考勤与成绩单不一致（以考勤为准）');
    expect(attendance).toMatchObject({ severity: 'warning', count: 2 });
    expect(preview.headline).toBe(
      '匹配到本批次报名 3 行，未匹配 0 行，有冲突或错误 0 行；其中 2 行与已记录的考勤不一致，以考勤为准。',
    );
    expect(attendance?.problems.map((p) => p.message)).toEqual([
      '第 4 行“是否通过”列：考勤记录为“已考”，成绩单为“缺考”：以考勤为准，保持“已考”',
      '第 5 行“是否通过”列：考勤记录为“缺考”，成绩单为“通过”：以考勤为准，此行成绩不导入',
    ]);
    await ok(t, 'exams.results.importCommit', request(file));
    let now = await loadSignups();
    expect([1, 2, 3].map((i) => now.get(studentNo(i))!.status)).toEqual([
      'passed',
      'examined',
      'absent',
    ]);
    expect(now.get(studentNo(1))).toMatchObject({
      score: 88,
      certificateNo: 'C-1',
      issuedOn: '2020-12-20',
    });
    expect(now.get(studentNo(3))).toMatchObject({
      score: null,
      certificateNo: '',
      admissionNo: 'A3',
    });

    // A later sheet with only 准考证号 and 姓名 (as CSV): matched by the kept number; a correction
    // of a recorded result is shown before it is made.
    const csv = upload(
      '更正.csv',
      csvBytes(
        [
          ['准考证号', '姓名', '考核结果', '证书编号'],
          ['A1', '学生1', '未通过', ''],
          ['A2', '学生2', '通过', 'C-2'],
          ['A9', '学生9', '通过', 'C-9'],
        ],
        'gbk',
      ),
    );
    const corrected = await ok(t, 'exams.results.importPreview', request(csv));
    expect(corrected.summary).toMatchObject({ total: 3, valid: 2, invalid: 1 });
    expect(corrected.groups.find((g) => g.title === '将更改已录入的结果')?.problems[0].reason).toBe(
      '已录入的结果“通过”将改为“未通过”，证书编号“C-1”将清除',
    );
    expect(
      corrected.groups.find((g) => g.title === '未匹配：本批次的报名中没有此考生')?.problems[0]
        .message,
    ).toBe(
      '第 4 行“准考证号”列：本批次的报名中没有准考证号为“A9”的考生（准考证号要先由一份成绩单记下）；请在成绩单中加上身份证号或学号',
    );
    const result = await ok(t, 'exams.results.importCommit', request(csv, { skipInvalid: true }));
    // 学生2 was 已考 without a score: its first result; 学生1's result is corrected.
    expect(result).toEqual({ total: 2, created: 1, updated: 1, unchanged: 0, leftOut: 1 });
    now = await loadSignups();
    expect(now.get(studentNo(1))).toMatchObject({ status: 'failed', score: 88, certificateNo: '' });
    expect(now.get(studentNo(2))).toMatchObject({ status: 'passed', certificateNo: 'C-2' });

    // 学生1's 准考证号 on 学生4's row: refused, never a second holder of one number.
    const taken = await sheet([[1, 'A1', '学生4', idOf(4), '', '', '', 70, '通过', '', '']]);
    const refused = await ok(t, 'exams.results.importPreview', request(taken));
    expect(refused.summary).toMatchObject({ total: 1, valid: 0, invalid: 1 });
    expect(
      refused.groups.find((g) => g.title === '准考证号已是本批次其他考生的')?.problems[0].message,
    ).toBe(
      '第 3 行“准考证号”列：准考证号“A1”已是 学生1（学号 2020000001）的准考证号，与本行考生 学生4 不符，请核对',
    );
    expect((await loadSignups()).get(studentNo(4))?.admissionNo).toBe('');
  });

  it('a recorded 通过 contradicted by 缺考 blocks its row; the same person twice is one error; the template reads back', async () => {
    const ids = [...(await loadSignups()).values()].map((s) => s.id);
    await ok(t, 'exams.signups.saveResult', { id: ids[0], status: 'paid' });
    await ok(t, 'exams.signups.setStatus', { ids: [ids[0]], status: 'examined' });
    await ok(t, 'exams.signups.saveResult', {
      id: ids[0],
      status: 'passed',
      score: 90,
      certificateNo: 'C-1',
    });
    const file = await sheet([
      [1, '', '学生1', idOf(1), '', '', '', '', '缺考', '', ''],
      [2, '', '学生2', idOf(2), '', '', '', 70, '通过', 'C-2', ''],
      [3, '', '学生2', idOf(2), '', '', '', 71, '通过', 'C-2', ''],
      [4, '', '学生3', '', '', '', '', 70, '优秀', '', '2020-13-01'],
    ]);
    const preview = await ok(t, 'exams.results.importPreview', request(file));
    const messages = preview.rows.flatMap((r) => r.errors.map((e) => e.message));
    expect(messages).toEqual(
      expect.arrayContaining([
        '第 3 行“是否通过”列：已录入的结果为“通过”，成绩单却为“缺考”，请与培训评价组织核对',
        `第 4 行“身份证号”列：第 4、5 行的身份证号都是“${idOf(2)}”，但其他内容不同：同一身份证号只能有一行，请核对后只保留正确的一行`,
        '第 6 行“是否通过”列：考核结果“优秀”无法识别，应为“通过”“未通过”“缺考”或“违纪”',
        '第 6 行“发证日期”列：发证日期“2020-13-01”不是有效日期，格式如 2020-12-20',
        '第 6 行：没有可用的身份证号（空白，或被 Excel 存成数字而丢了末几位）、准考证号或学号，无法确定是哪位考生',
      ]),
    );
    expect(preview.summary).toMatchObject({ valid: 0, invalid: 4 });
    const problems = await ok(t, 'exams.results.importProblems', request(file));
    const table = sheetTable(
      (await loadWorkbook(Buffer.from(problems.contentBase64, 'base64'))).worksheets[0],
    );
    expect(table.header[0]).toBe('行号');
    expect(table.rows.map((r) => r[0])).toEqual([3, 4, 5, 6]);

    const template = await ok(t, 'exams.results.importTemplate', {});
    const wb = await loadWorkbook(Buffer.from(template.contentBase64, 'base64'));
    expect(sheetTable(wb.worksheets[0]).header).toEqual([
      '准考证号',
      '身份证号',
      '学号',
      '姓名',
      '理论成绩',
      '实操成绩',
      '总分',
      '考核结果',
      '证书编号',
      '发证日期',
    ]);
  });

  it('the batch’s pass line and theory share make the total and the verdict when the sheet has none', async () => {
    batch = await ok(t, 'exams.batches.save', {
      ...batchInput(seeded.certificate.id),
      id: batch.id,
      passScore: 60,
      theoryWeight: 40,
    });
    expect(batch).toMatchObject({ passScore: 60, theoryWeight: 40 });
    const file = upload(
      '成绩.xlsx',
      await xlsxBytes({
        rows: [
          ['姓名', '身份证号', '理论成绩（40%）', '实操成绩（60%）', '考核结果'],
          ['学生1', idOf(1), 82, 76, ''],
          ['学生2', idOf(2), 50, 55, ''],
          ['学生3', idOf(3), 50, 58, '通过'],
        ],
      }),
    );
    const preview = await ok(t, 'exams.results.importPreview', request(file));
    expect(preview.summary).toMatchObject({ total: 3, valid: 3, invalid: 0 });
    expect(
      preview.groups.find((g) => g.title === '考核结果与及格线不一致（以成绩单为准）')?.problems[0]
        .message,
    ).toBe('第 4 行“考核结果”列：总分 54.8 低于本批次及格线 60，成绩单却为“通过”：以成绩单为准');
    await ok(t, 'exams.results.importCommit', request(file));
    const now = await loadSignups();
    expect(
      [1, 2, 3].map((i) => [now.get(studentNo(i))!.status, now.get(studentNo(i))!.score]),
    ).toEqual([
      ['passed', 78.4],
      ['failed', 53],
      ['passed', 54.8],
    ]);
  });

  it('reads a merged “成绩” over 理论 / 实操 / 总分 as three columns, with or without the merge, and skips the signature footer', async () => {
    const title = ['湖北省2020年Web前端开发职业技能等级证书（初级）考核成绩单'];
    const header = ['序号', '准考证号', '考生姓名', '身份证号码', '成绩', '', '', '考核结果'];
    const parts = ['', '', '', '', '理论', '实操', '总分', ''];
    const rows = [
      [1, 'A01', '学生1', idOf(1), '82分', '76分', '78.4分', '合格'],
      [2, 'A02', '学生2', idOf(2), '缺考', '缺考', '缺考', '缺考'],
      [3, 'A03', '学生3', idOf(3), 40, 50, 46, '不合格'],
      ['合计', '', '共3人', '', '', '', '', '通过1人'],
      ['制表人：张三', '', '', '审核人：李四'],
    ];
    const expected = {
      headerRowNumber: 2,
      mapping: { name: 2, idNumber: 3, theoryScore: 4, practicalScore: 5, score: 6, result: 7 },
      summary: { total: 3, valid: 3, invalid: 0 },
      skipped: { totals: 1, notes: 1 },
    };
    // Saved as CSV (or never merged): the parts' names sit beside an empty cell.
    const csv = upload('成绩单.csv', csvBytes([title, header, parts, ...rows]));
    expect(await ok(t, 'exams.results.importPreview', request(csv))).toMatchObject(expected);
    // Merged in the workbook: each merged cell reads as its top-left value.
    const merged = upload(
      '成绩单.xlsx',
      await xlsxBytes({
        rows: [title, header, parts, ...rows],
        decorate: (sheet) => {
          sheet.mergeCells('E2:G2');
          for (const column of ['A', 'B', 'C', 'D', 'H']) sheet.mergeCells(`${column}2:${column}3`);
        },
      }),
    );
    expect(await ok(t, 'exams.results.importPreview', request(merged))).toMatchObject(expected);

    await ok(t, 'exams.results.importCommit', request(csv));
    const now = await loadSignups();
    expect(
      [1, 2, 3].map((i) => {
        const s = now.get(studentNo(i))!;
        return [s.status, s.score, s.theoryScore, s.practicalScore];
      }),
    ).toEqual([
      ['passed', 78.4, 82, 76],
      ['absent', null, null, null],
      ['failed', 46, 40, 50],
    ]);
  });

  it('matches an old 15-digit ID number with the 18-digit number the organization lists, both ways', async () => {
    const save = (studentNo: string, name: string, idNumber: string) =>
      ok(t, 'students.save', {
        studentNo,
        name,
        idType: 'resident',
        idNumber,
        gender: 'female',
        majorId: null,
        className: '软件2001班',
        entryYear: 2020,
        pilot: true,
      });
    const old = await save('2020000091', '老生', '110105491231002');
    await save('2020000092', '未报名', '420106840301122');
    await ok(t, 'exams.signups.create', { batchId: batch.id, studentIds: [old.id], confirm: true });
    const file = upload(
      '成绩.xlsx',
      await xlsxBytes({
        rows: [
          ['姓名', '身份证号', '成绩', '考核结果'],
          ['老生', '11010519491231002X', 75, '通过'],
          ['未报名', '420106198403011221', 80, '通过'],
        ],
      }),
    );
    const preview = await ok(t, 'exams.results.importPreview', request(file));
    expect(preview.rows.flatMap((r) => r.errors.map((e) => e.message))).toEqual([
      '第 3 行“身份证号”列：本校学生 未报名（学号 2020000092）没有报名本批次，请核对成绩单是否属于本批次',
    ]);
    await ok(t, 'exams.results.importCommit', request(file, { skipInvalid: true }));
    expect((await loadSignups()).get('2020000091')).toMatchObject({ status: 'passed', score: 75 });
  });
});

describe('bulk result entry (the batch page’s result table)', () => {
  it('saves a page of results in one call, refusing all of it when one row cannot take its result', async () => {
    const before = await loadSignups();
    const id = (i: number) => before.get(studentNo(i))!.id;
    const entry = (i: number, status: string, extra: Record<string, unknown> = {}) => ({
      id: id(i),
      status,
      score: null,
      certificateNo: '',
      issuedOn: '',
      ...extra,
    });

    // The withdrawn sign-up and a certificate on a 未通过 refuse the whole call, naming both.
    const refused = await fails(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [
        entry(1, 'passed', { score: 90, certificateNo: 'C-1' }),
        entry(2, 'failed', { score: 40, certificateNo: 'C-2' }),
        entry(7, 'passed'),
      ],
    });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toBe(
      '2 条结果不能保存，未做任何更改：学生2（学号 2020000002）：状态为“未通过”时不能录入证书编号：只有“通过”的报名才有证书；学生7（学号 2020000007）：不能从“已撤销”改为“通过”：“已撤销”是最终状态，不能再更改。',
    );
    expect(await loadSignups()).toEqual(before);

    const saved = await ok(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [
        entry(1, 'passed', { score: 90, certificateNo: 'C-1', issuedOn: '2020-12-20' }),
        entry(2, 'failed', { score: 40 }),
        entry(3, 'absent'),
        entry(4, 'examined', { score: 70 }),
      ],
    });
    expect(saved).toEqual({ updated: 4, unchanged: 0 });
    const after = await loadSignups();
    expect(
      [1, 2, 3, 4].map((i) => {
        const s = after.get(studentNo(i))!;
        return [s.status, s.score, s.certificateNo, s.issuedOn];
      }),
    ).toEqual([
      ['passed', 90, 'C-1', '2020-12-20'],
      ['failed', 40, '', ''],
      ['absent', null, '', ''],
      ['examined', 70, '', ''],
    ]);
    const audited = auditEntries<{ status: string }>(t, 'signup').filter(
      (e) => e.action === 'update' && e.after?.status !== 'withdrawn',
    );
    expect(audited.map((e) => e.after?.status)).toEqual(['passed', 'failed', 'absent', 'examined']);

    // 缺考 is final; the same rows again change nothing.
    const absent = await fails(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [entry(3, 'passed', { score: 80 })],
    });
    expect(absent.message).toContain('不能从“缺考”改为“通过”');
    // 已考 is attendance recorded as 实考: 缺考/违纪 are corrected on 考勤登记, not here.
    const attendance = await fails(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [entry(4, 'absent')],
    });
    expect(attendance.message).toBe(
      '1 条结果不能保存，未做任何更改：学生4（学号 2020000004）：考勤已登记为“实考”（已考），不能在结果中改为“缺考”：考勤只在“考勤登记”中更正。',
    );
    expect(attendance.details).toEqual({
      fields: [{ path: 'entries.0', message: expect.stringContaining('考勤登记') }],
    });
    const again = await ok(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [entry(2, 'failed', { score: 40 }), entry(3, 'absent')],
    });
    expect(again).toEqual({ updated: 0, unchanged: 2 });
  });

  it('one 证书编号 is one candidate’s: the result dialog, the table and the sheet refuse a second', async () => {
    const before = await loadSignups();
    const id = (i: number) => before.get(studentNo(i))!.id;
    const pass = (i: number, certificateNo: string) => ({
      id: id(i),
      status: 'passed',
      score: 90,
      certificateNo,
      issuedOn: '',
    });
    await ok(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [pass(1, 'C-1'), pass(2, 'C-2')],
    });
    const saved = await loadSignups();

    // The table: a number already given, and one typed twice in the same save.
    const table = await fails(t, 'exams.signups.saveResults', {
      batchId: batch.id,
      entries: [pass(5, 'C-1'), pass(3, 'C-3'), pass(4, 'C-3')],
    });
    expect(table.code).toBe('VALIDATION');
    expect(
      (table.details as { fields: { path: string; message: string }[] }).fields.map((f) => [
        f.path,
        f.message,
      ]),
    ).toEqual([
      [
        'entries.0',
        '学生5（学号 2020000005）：证书编号“C-1”已是 学生1（学号 2020000001）的证书编号，同一证书的编号不能重复，请核对',
      ],
      [
        'entries.1',
        '学生3（学号 2020000003）：证书编号“C-3”已是 学生4（学号 2020000004）的证书编号，同一证书的编号不能重复，请核对',
      ],
      [
        'entries.2',
        '学生4（学号 2020000004）：证书编号“C-3”已是 学生3（学号 2020000003）的证书编号，同一证书的编号不能重复，请核对',
      ],
    ]);
    expect(await loadSignups()).toEqual(saved);

    // The result dialog.
    const dialog = await fails(t, 'exams.signups.saveResult', {
      id: id(2),
      score: 90,
      certificateNo: 'C-1',
      issuedOn: '',
      platformRegistered: false,
      creditBank: false,
    });
    expect((dialog.details as { fields: unknown[] }).fields).toEqual([
      {
        path: 'certificateNo',
        message:
          '证书编号“C-1”已是 学生1（学号 2020000001）的证书编号，同一证书的编号不能重复，请核对',
      },
    ]);
    expect(await loadSignups()).toEqual(saved);

    // The sheet: the saved holder keeps it; a number given to two rows is refused on both.
    const file = await sheet([
      [1, '', '学生1', idOf(1), '', '', '', 90, '通过', '', ''],
      [2, '', '学生2', idOf(2), '', '', '', 90, '通过', 'C-1', ''],
      [3, '', '学生3', idOf(3), '', '', '', 90, '通过', 'C-5', ''],
      [4, '', '学生4', idOf(4), '', '', '', 90, '通过', 'C-5', ''],
    ]);
    const preview = await ok(t, 'exams.results.importPreview', request(file));
    expect(preview.summary).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    expect(preview.rows.flatMap((r) => r.errors.map((e) => e.message))).toEqual(
      expect.arrayContaining([
        '第 4 行“证书编号”列：证书编号“C-1”已是 学生1（学号 2020000001）的证书编号，同一证书的编号不能重复，请核对',
      ]),
    );
    expect(preview.rows.flatMap((r) => r.errors.map((e) => e.rowNumber))).toEqual([4, 5, 6]);
  });
});

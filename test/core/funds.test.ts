import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/dataFiles';
import { FUNDS_SHEET_HEADER } from '../../electron/core/modules/funds/export';
import type { HandlerName } from '../../shared/contract';
import type { FundLine, FundsOverview } from '../../shared/contract/funds';
import { chinaInstant } from '../../shared/domain/calendar';
import { createTestCore } from '../harness/core';
import { corePerTest } from '../harness/corePerTest';
import { softwareMajor } from '../harness/majors';
import { progressLines } from '../../shared/domain/funds';
import { formatFen } from '../../shared/domain/money';
import { formatChineseDate } from '../../shared/domain/dates';
import {
  WEB_CERT,
  BIM_CERT,
  WEB_ORGANIZATION,
  addStudents,
  signUp,
  setCaps,
  webJunior2026,
} from '../harness/fees';
import { pdfPages } from '../harness/documents';
import { makePdf } from '../harness/files';
import { seedCompleteProject } from '../harness/seedProject';
import { staged } from '../harness/uploads';
import { fundsSheet, loadWorkbook } from '../harness/sheets';
import { auditEntries, coreDataCall, fails, ok, readRows } from '../harness/staff';
import { downloaded } from '../harness/downloads';
import { unzipEntries } from '../harness/zip';
import { bareProject } from '../harness/seedProject';

// Late in 2026, after every date the lines below record: money is recorded once it has moved.
const ctx = corePerTest(new Date('2026-12-01T02:00:00Z'));

async function project(certificateId: number, year: number): Promise<number> {
  const saved = await ok(
    ctx.t,
    'projects.create',
    bareProject(certificateId, year, { levels: ['junior', 'intermediate'] }),
  );
  return saved.id;
}

/**
 * Web前端开发 2026 and BIM 2026 projects; students 1–3 pilot. Batches of Web前端开发 初级
 * (2026-05-10, ¥400) and 中级 (2026-06-10, ¥700); student 1 takes 初级 (school) and 中级
 * (学生自愿自费, an additional certificate), students 2 and 3 初级 (school).
 */
async function seed() {
  const web = await project(WEB_CERT, 2026);
  const bim = await project(BIM_CERT, 2026);
  await setCaps(ctx.call);
  const students = await addStudents(ctx.call, 3);
  const { batchIds, signupId } = await signUp(
    ctx.call,
    [
      webJunior2026,
      { certificateId: WEB_CERT, level: 'intermediate', examDate: '2026-06-10', fee: 700 },
    ],
    [
      { student: students[0], batch: 0 },
      { student: students[0], batch: 1, payer: 'student' },
      { student: students[1], batch: 0 },
      { student: students[2], batch: 0 },
    ],
  );
  return {
    web,
    bim,
    students,
    batchIds,
    signup: (s: number, b: number) => signupId(students[s], b),
  };
}

const overview = (year: number, projectId: number | null = null) =>
  ok(ctx.t, 'funds.overview', { year, projectId }) as Promise<FundsOverview>;

/** A funds.save input for income; extra overrides the date or adds fields. */
const incomeInput = (projectId: number, source: string, amount: number | string, extra = {}) => ({
  direction: 'income',
  projectId,
  source,
  amount,
  occurredOn: '2026-03-01',
  ...extra,
});

/** A funds.save input for spending; extra overrides the date or adds fields. */
const spendingInput = (
  projectId: number,
  category: string,
  amount: number | string,
  extra = {},
) => ({
  direction: 'spending',
  projectId,
  category,
  amount,
  occurredOn: '2026-04-01',
  ...extra,
});

const income = (...args: Parameters<typeof incomeInput>) =>
  ok(ctx.t, 'funds.save', incomeInput(...args));

const spend = (...args: Parameters<typeof spendingInput>) =>
  ok(ctx.t, 'funds.save', spendingInput(...args));

/** A payment to the web certificate's evaluation organization (paid 2026-02-20 unless given). */
const pay = (payment: { amount: number } & Record<string, unknown>) =>
  ok(ctx.t, 'fees.savePayment', {
    organization: WEB_ORGANIZATION,
    paidOn: '2026-02-20',
    ...payment,
  });

/** A 学生自愿自费考核费 income received on 2026-06-01; extra names its sign-up or changes the date. */
const studentFee = (projectId: number, amount: number, extra = {}) =>
  incomeInput(projectId, 'studentExamFee', amount, { occurredOn: '2026-06-01', ...extra });

/** The message funds.save refuses this input with. */
const refusal = async (input: unknown) => (await fails(ctx.t, 'funds.save', input)).message;

const byKey = (lines: FundLine[], key: string) => lines.find((l) => l.key === key)!;

describe('funds: income and spending', () => {
  it('records income by source and spending by category in fen, per project and year, every change audited', async () => {
    const { web, bim } = await seed();
    const award = await income(web, 'award', '120000.50', {
      documentNo: '鄂教职成〔2026〕3号',
      sourceName: '湖北省教育厅',
    });
    expect(award).toMatchObject({
      amountFen: 12_000_050,
      categoryLabel: '奖补资金',
      reference: '鄂教职成〔2026〕3号',
    });
    await income(web, 'budget', 30_000);
    await spend(web, 'training', '8000', { payee: '某培训中心', invoiceNo: 'INV-001' });
    await spend(web, 'equipment', 50_000, { payee: '某设备公司', invoiceNo: 'INV-002' });
    await spend(bim, 'materials', 1_200, { payee: '某出版社', invoiceNo: 'INV-003' });
    // Another year: not in 2026.
    await ok(ctx.t, 'funds.save', incomeInput(web, 'budget', 999, { occurredOn: '2025-12-20' }));

    const all = await overview(2026);
    expect(all.totals.incomeFen).toBe(15_000_050);
    expect(all.totals.spendingFen).toBe(5_920_000);
    expect(all.totals.balanceFen).toBe(15_000_050 - 5_920_000);
    expect(all.totals.spendingByCategory).toMatchObject({
      training: 800_000,
      equipment: 5_000_000,
      materials: 120_000,
      exam: 0,
    });
    expect(all.years).toEqual([2026, 2025]);
    const webOnly = await overview(2026, web);
    expect(webOnly.lines).toHaveLength(4);
    expect(webOnly.totals).toMatchObject({ incomeFen: 15_000_050, spendingFen: 5_800_000 });
    expect(all.byProject.map((p) => [p.label, p.incomeFen, p.spendingFen])).toEqual([
      ['Web前端开发（2026年）', 15_000_050, 5_800_000],
      ['建筑信息模型（BIM）（2026年）', 0, 120_000],
    ]);

    const changed = await ok(
      ctx.t,
      'funds.save',
      incomeInput(web, 'award', 100_000, {
        id: award.entryId,
        occurredOn: '2026-03-02',
        documentNo: '鄂教职成〔2026〕3号',
      }),
    );
    expect(changed.amountFen).toBe(10_000_000);
    await ok(ctx.t, 'funds.delete', { id: award.entryId });
    const log = auditEntries(ctx.t, 'fund_entry').filter(
      (e) => e.entityId === String(award.entryId),
    );
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(log[1].before).toMatchObject({ amountFen: 12_000_050 });
    expect(log[1].after).toMatchObject({ amountFen: 10_000_000, occurredOn: '2026-03-02' });
    expect((await overview(2026)).totals.incomeFen).toBe(3_000_000);
  });

  it('refuses bad input with Chinese messages that name the field, writing nothing', async () => {
    const { web } = await seed();
    expect(await refusal(incomeInput(web, 'award', 100))).toContain('请填写奖补资金的拨款文号');
    expect(
      await refusal(spendingInput(web, 'training', '12.345', { occurredOn: '2026-03-01' })),
    ).toContain('金额应以元为单位');
    expect(
      await refusal(spendingInput(web, 'training', 0, { occurredOn: '2026-03-01' })),
    ).toContain('金额应大于 0');
    // 考核费 is never typed: it is read from the payments.
    expect(await refusal(spendingInput(web, 'exam', 100, { occurredOn: '2026-03-01' }))).toContain(
      '考核费由缴费记录生成',
    );
    expect(
      await refusal(spendingInput(9999, 'training', 100, { occurredOn: '2026-03-01' })),
    ).toContain('所选试点项目不存在');
    expect(readRows(ctx.t, 'SELECT * FROM fund_entries')).toHaveLength(0);
  });

  it('the data file itself has no 考核费 category to type into', async () => {
    const { web } = await seed();
    ctx.t.core.close();
    const db = new Database(path.join(ctx.t.dataDir, DATABASE_FILE));
    try {
      expect(() =>
        db
          .prepare(
            `INSERT INTO fund_entries (project_id, direction, category, amount_fen, occurred_on,
               created_at, updated_at) VALUES (?, 'spending', 'exam', 100, '2026-01-01', 'x', 'x')`,
          )
          .run(web),
      ).toThrow(/CHECK constraint failed/);
    } finally {
      db.close();
    }
  });

  it('a project with money recorded cannot be deleted from under it', async () => {
    const { bim } = await seed();
    await spend(bim, 'consumables', 10, { invoiceNo: 'X1' });
    const refused = await fails(ctx.t, 'projects.delete', { id: bim });
    expect(refused.message).toContain('已登记 1 条经费收支记录');
  });
});

describe('funds: 考核费 is read from the payments to evaluation organizations', () => {
  it('fills 考核费 from the payments, by the project of each batch, and follows every change to them', async () => {
    const { web, batchIds } = await seed();
    const p1 = await pay({ batchId: batchIds[0], invoiceNo: 'FP-1', amount: 1_200 });
    await pay({ amount: 300, paidOn: '2026-02-27' });
    await pay({ amount: 50, paidOn: '2025-12-31' });

    const all = await overview(2026);
    expect(all.totals.spendingByCategory.exam).toBe(150_000);
    const line = byKey(all.lines, `payment:${p1.id}`);
    expect(line).toMatchObject({
      entryId: null,
      category: 'exam',
      projectId: web,
      party: WEB_ORGANIZATION,
      reference: 'FP-1',
      amountFen: 120_000,
      lacksDocument: false,
    });
    const unassigned = all.byProject.find((p) => p.projectId === null)!;
    expect(unassigned).toMatchObject({ label: '未归属试点项目', spendingFen: 30_000 });
    expect(byKey(all.lines, 'payment:2').lacksDocument).toBe(true);
    expect((await overview(2026, web)).totals.spendingByCategory.exam).toBe(120_000);
    expect((await overview(2025)).totals.spendingByCategory.exam).toBe(5_000);

    // One definition: a change in 缴费与对账 is the change here.
    await pay({ id: p1.id, batchId: batchIds[0], invoiceNo: 'FP-1', amount: 1_000 });
    expect((await overview(2026, web)).totals.spendingByCategory.exam).toBe(100_000);
    await ok(ctx.t, 'fees.deletePayment', { id: p1.id });
    expect((await overview(2026, web)).totals.spendingByCategory.exam).toBe(0);
    const payments = await ok(ctx.t, 'fees.payments', {});
    const paid2026 = payments
      .filter((p) => p.paidOn.startsWith('2026'))
      .reduce((a, p) => a + p.amountFen, 0);
    expect((await overview(2026)).totals.spendingByCategory.exam).toBe(paid2026);
  });
});

describe('funds: rules', () => {
  it('flags spending with no document until a file or an invoice number is given', async () => {
    const { web } = await seed();
    const bare = await spend(web, 'consumables', 200, { payee: '某耗材店' });
    expect(bare.lacksDocument).toBe(true);
    expect((await overview(2026)).totals.undocumented).toBe(1);
    const withFile = await ok(ctx.t, 'funds.attachDocument', {
      id: bare.entryId,
      file: { fileName: '发票.pdf', contentBase64: makePdf('invoice').toString('base64') },
    });
    expect(withFile.lacksDocument).toBe(false);
    expect(withFile.document?.fileName).toMatch(/\.pdf$/);
    const read = await ok(ctx.t, 'funds.readDocument', { id: bare.entryId });
    expect(downloaded(ctx.t.core, read).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await overview(2026)).totals.undocumented).toBe(0);
    const removed = await ok(ctx.t, 'funds.removeDocument', { id: bare.entryId });
    expect(removed.lacksDocument).toBe(true);
    expect(readRows(ctx.t, 'SELECT * FROM attachments')).toHaveLength(0);
    const invoiced = await ok(
      ctx.t,
      'funds.save',
      spendingInput(web, 'consumables', 200, { id: bare.entryId, invoiceNo: 'INV-9' }),
    );
    expect(invoiced.lacksDocument).toBe(false);
    // Income needs no invoice: never flagged.
    expect((await income(web, 'budget', 10)).lacksDocument).toBe(false);
  });

  it('shows spending above income, never refuses it', async () => {
    const { web } = await seed();
    await income(web, 'budget', 1_000);
    const over = await spend(web, 'equipment', 1_500, { invoiceNo: 'E1' });
    expect(over.amountFen).toBe(150_000);
    const o = await overview(2026, web);
    expect(o.totals.balanceFen).toBe(-50_000);
  });

  it('money from students: only a voluntary additional certificate’s exam fee, by the ledger’s rule 12', async () => {
    const { web, signup } = await seed();
    expect(await refusal(incomeInput(web, 'other', 50, { sourceName: '学生资料费' }))).toContain(
      '不得向试点学生收取费用',
    );
    // A school-paid sign-up is not money from a student.
    expect(await refusal(studentFee(web, 400, { signupId: signup(0, 0) }))).toContain(
      '付费方不是“学生自愿自费”',
    );
    expect(await refusal(studentFee(web, 400))).toContain(
      '请选择这笔学生自愿自费考核费对应的报名记录',
    );
    const options = await ok(ctx.t, 'funds.studentFees', {});
    expect(options).toEqual([
      expect.objectContaining({
        signupId: signup(0, 1),
        feeFen: 70_000,
        projectId: web,
        recordedBy: null,
      }),
    ]);
    expect(await refusal(studentFee(web, 701, { signupId: signup(0, 1) }))).toContain(
      '金额不能超过这条报名的考核费 ¥700.00',
    );
    const fee = await ok(ctx.t, 'funds.save', studentFee(web, 700, { signupId: signup(0, 1) }));
    expect(fee).toMatchObject({ amountFen: 70_000, problem: null });
    expect(fee.signupLabel).toContain('学号 2023000001');
    expect(
      await refusal(studentFee(web, 700, { signupId: signup(0, 1), occurredOn: '2026-06-02' })),
    ).toContain('已登记为收入');

    // The school-paid exam withdrawn: the self-paid one is no longer an additional certificate.
    await ok(ctx.t, 'exams.signups.setStatus', { ids: [signup(0, 0)], status: 'withdrawn' });
    const line = byKey((await overview(2026, web)).lines, `entry:${fee.entryId}`);
    expect(line.problem).toContain('不是加考的证书');
    expect(await ok(ctx.t, 'funds.studentFees', {})).toEqual([]);
    expect(
      await refusal(studentFee(web, 700, { id: fee.entryId, signupId: signup(0, 1) })),
    ).toContain('不是加考的证书');
  });
});

describe('funds: a student fee whose exam got cheaper', () => {
  it('flags money taken from a student above what the sign-up now costs, on the page and 首页', async () => {
    const { web, signup } = await seed();
    const fee = await ok(ctx.t, 'funds.save', studentFee(web, 700, { signupId: signup(0, 1) }));
    expect(fee.problem).toBeNull();
    // At the sign-up's fee the income is fine; lowered in the ledger, ¥200 too much was taken.
    await ok(ctx.t, 'fees.change', { signupIds: [signup(0, 1)], fee: '500' });
    const line = byKey((await overview(2026, web)).lines, `entry:${fee.entryId}`);
    expect(line.problem).toContain('¥500.00');
    const bad = (await ok(ctx.t, 'dashboard.summary', {})).violations.filter(
      (v) => v.kind === 'fundsStudentMoney',
    );
    expect(bad).toHaveLength(1);
    expect(bad[0].detail).toContain('¥700.00');
    // Back at ¥700 (or the income corrected to ¥500) nothing is flagged.
    await ok(ctx.t, 'fees.change', { signupIds: [signup(0, 1)], fee: '700' });
    expect(byKey((await overview(2026, web)).lines, `entry:${fee.entryId}`).problem).toBeNull();
  });
});

describe('funds: 试点经费使用情况表', () => {
  it('writes every line with its document reference and the totals, as xlsx and PDF', async () => {
    const { web, batchIds } = await seed();
    await income(web, 'award', 20_000, { documentNo: '鄂财教〔2026〕8号', sourceName: '省财政厅' });
    const noDoc = await spend(web, 'consumables', 300, { payee: '某耗材店' });
    await spend(web, 'training', 25_000, { payee: '某培训中心', invoiceNo: 'INV-77' });
    await pay({ batchId: batchIds[0], invoiceNo: 'FP-1', amount: 1_200 });

    const file = await ok(ctx.t, 'funds.sheet', { year: 2026, projectId: web });
    expect(file.fileName).toBe('试点经费使用情况表_2026年度_Web前端开发（2026年）.xlsx');
    const wb = await loadWorkbook(Buffer.from(file.contentBase64, 'base64'));
    const table = fundsSheet(wb);
    expect(table.header).toEqual(FUNDS_SHEET_HEADER);
    expect(table.lines.map((r) => [r[1], r[2], r[6], r[7], r[8]])).toEqual([
      ['收入', '奖补资金', '鄂财教〔2026〕8号', '见文号/发票号', 20_000],
      ['支出', '考核费', 'FP-1', '见文号/发票号', 1_200],
      ['支出', '耗材', '', '无凭证', 300],
      ['支出', '师资培训', 'INV-77', '见文号/发票号', 25_000],
    ]);
    expect(table.total('收入合计')).toBe(20_000);
    expect(table.total('其中考核费')).toBe(1_200);
    expect(table.total('支出合计')).toBe(26_500);
    expect(table.total('结余')).toBe(-6_500);
    expect(String(table.rows.at(-1)?.[0])).toContain('支出超过收入 ¥6,500.00；1 笔支出无凭证');
    expect(noDoc.lacksDocument).toBe(true);

    const pdf = await ok(ctx.t, 'funds.pdf', { year: 2026, projectId: null });
    expect(pdf.mime).toBe('application/pdf');
    const pdfFile = path.join(ctx.t.dataDir, 'funds.pdf');
    writeFileSync(pdfFile, Buffer.from(pdf.contentBase64, 'base64'));
    const text = pdfPages(pdfFile)
      .flatMap((p) => p.lines.map((l) => l.text))
      .join('\n');
    expect(text).toContain('1+X证书制度试点经费使用情况表');
    expect(text).toContain('一、收入明细');
    expect(text).toContain('INV-77');
    expect(text).toContain('无凭证');
    expect(text).toContain('-¥6,500.00');
    expect(text).toContain('负责人签字');
    // One date format in print: no ISO dates in the lines.
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('funds: 试点经费使用情况表 PDF amounts', () => {
  it('prints each amount of six figures whole on one line, for all projects and for one', async () => {
    const { web } = await seed();
    await income(web, 'budget', 500_000);
    await spend(web, 'equipment', '999999.99', { invoiceNo: 'INV-1' });
    for (const projectId of [null, web]) {
      const pdf = await ok(ctx.t, 'funds.pdf', { year: 2026, projectId });
      const pdfFile = path.join(ctx.t.dataDir, `funds-${projectId ?? 'all'}.pdf`);
      writeFileSync(pdfFile, Buffer.from(pdf.contentBase64, 'base64'));
      const lines = pdfPages(pdfFile).flatMap((p) => p.lines.map((l) => l.text));
      // The 收入明细 and 支出明细 tables, before the 收支汇总 that repeats the totals.
      const details = lines.slice(0, lines.indexOf('三、收支汇总')).join('\n');
      expect(details).toContain('¥500,000.00');
      expect(details).toContain('¥999,999.99');
    }
  });
});

describe('funds: 首页', () => {
  it('shows the year’s funds by project, and the spending with no document and bad student money as problems', async () => {
    const { web, batchIds, signup } = await seed();
    await income(web, 'budget', 2_000);
    await spend(web, 'consumables', 300);
    await pay({ batchId: batchIds[0], invoiceNo: 'FP-1', amount: 400 });
    const fee = await ok(ctx.t, 'funds.save', studentFee(web, 700, { signupId: signup(0, 1) }));
    const summary = await ok(ctx.t, 'dashboard.summary', {});
    expect(summary.funds.year).toBe(2026);
    expect(summary.funds.byProject).toEqual([
      expect.objectContaining({
        projectId: web,
        incomeFen: 270_000,
        spendingFen: 70_000,
        balanceFen: 200_000,
      }),
    ]);
    expect(summary.funds.byProject[0].spendingByCategory.exam).toBe(40_000);
    const funds = summary.violations.filter((v) => v.kind.startsWith('funds'));
    expect(funds).toEqual([
      expect.objectContaining({
        kind: 'fundsDocument',
        title: '2026年度试点经费：1 笔支出没有凭证',
        route: 'funds/2026',
      }),
    ]);
    await ok(ctx.t, 'exams.signups.setStatus', { ids: [signup(0, 0)], status: 'withdrawn' });
    const after = (await ok(ctx.t, 'dashboard.summary', {})).violations.find(
      (v) => v.kind === 'fundsStudentMoney',
    );
    expect(after).toMatchObject({ route: `funds/2026/${web}` });
    expect(after?.detail).toContain('不是加考的证书');
    expect(fee.entryId).not.toBeNull();
  });

  it('lists the spending with no document by Chinese date, and says how many when it lists only five', async () => {
    const { web } = await seed();
    for (let day = 1; day <= 6; day += 1) {
      await spend(web, 'consumables', 100 + day, { occurredOn: `2026-04-0${day}` });
    }
    const summary = await ok(ctx.t, 'dashboard.summary', {});
    const [line] = summary.violations.filter((v) => v.kind === 'fundsDocument');
    expect(line.title).toBe('2026年度试点经费：6 笔支出没有凭证');
    expect(line.detail).toMatch(/^2026年4月\d日 耗材 ¥10\d\.00；/);
    expect(line.detail).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(line.detail.split('；')).toHaveLength(5);
    expect(line.detail).toMatch(/等 6 笔$/);
  });

  it('keeps an earlier year’s spending with no document among the problems after the year turns', async () => {
    const { web, batchIds } = await seed();
    await spend(web, 'consumables', 300, { payee: '某耗材店' });
    await spend(web, 'training', 120, { occurredOn: '2026-05-01', invoiceNo: 'FP-9' });
    await pay({ batchId: batchIds[0], invoiceNo: '', amount: 400 });
    ctx.t.restart(new Date('2027-01-05T02:00:00Z'));
    await spend(web, 'consumables', 80, { occurredOn: '2027-01-04' });
    const summary = await ok(ctx.t, 'dashboard.summary', {});
    expect(summary.funds.year).toBe(2027);
    const problems = summary.violations.filter((v) => v.kind === 'fundsDocument');
    expect(problems).toEqual([
      expect.objectContaining({ title: '2027年度试点经费：1 笔支出没有凭证', route: 'funds/2027' }),
      expect.objectContaining({ title: '2026年度试点经费：2 笔支出没有凭证', route: 'funds/2026' }),
    ]);
    // The same lines 试点经费 flags 无凭证 for each year, the payment's 考核费 among them.
    for (const [year, problem] of [
      [2027, problems[0]],
      [2026, problems[1]],
    ] as const) {
      const overview = await ok(ctx.t, 'funds.overview', { year, projectId: null });
      const flagged = overview.lines.filter((l) => l.lacksDocument);
      expect(problem.detail).toBe(
        flagged
          .map((l) => `${formatChineseDate(l.date)} ${l.categoryLabel} ${formatFen(l.amountFen)}`)
          .join('；'),
      );
    }
    expect(problems[1].detail).toContain('考核费');
  });

  it('keeps a student fee of an earlier year that stopped passing rule 12 among the problems', async () => {
    const { web, signup } = await seed();
    await ok(ctx.t, 'funds.save', studentFee(web, 700, { signupId: signup(0, 1) }));
    // The new year: 首页 shows 2027's funds, but the 2026 fee from a student is still money
    // the school should not have taken once the school-paid exam is withdrawn.
    ctx.t.restart(new Date('2027-01-05T02:00:00Z'));
    await ok(ctx.t, 'exams.signups.setStatus', { ids: [signup(0, 0)], status: 'withdrawn' });
    const summary = await ok(ctx.t, 'dashboard.summary', {});
    expect(summary.funds.year).toBe(2027);
    const bad = summary.violations.filter((v) => v.kind === 'fundsStudentMoney');
    expect(bad).toEqual([
      expect.objectContaining({
        title: '2026年度试点经费：来自学生的收入不符合规定',
        route: `funds/2026/${web}`,
      }),
    ]);
    expect(bad[0].detail).toContain('不是加考的证书');
  });
});

describe('funds: weekly figures', () => {
  it('each period gains the funds recorded in it, 考核费 being its payments; the periods add up to the year', async () => {
    let now = new Date(chinaInstant('2026-03-02', '09:00'));
    const w = createTestCore(() => now);
    try {
      const c = <N extends HandlerName>(name: N, input: unknown) => ok(w, name, input);
      await c('weekly.saveSettings', {
        pilotStart: '2026-03-02',
        cadence: 'weekly',
        dueWeekday: 5,
        dueTime: '17:00',
      });
      const web = (await c('projects.create', bareProject(WEB_CERT, 2026))).id;
      const entry = (input: object) =>
        c('funds.save', { projectId: web, occurredOn: '2026-03-02', ...input });
      await entry({ direction: 'income', source: 'budget', amount: 1_000 });
      const training = await entry({ direction: 'spending', category: 'training', amount: 300 });
      await c('fees.savePayment', {
        organization: WEB_ORGANIZATION,
        amount: 200,
        paidOn: '2026-03-02',
      });

      now = new Date(chinaInstant('2026-03-10', '09:00'));
      await entry({ direction: 'spending', category: 'consumables', amount: 50 });
      await entry({
        id: training.entryId,
        direction: 'spending',
        category: 'training',
        amount: 400,
      });

      const week = async (start: string) =>
        (await c('weekly.get', { periodStart: start })).liveFigures.funds!;
      const first = await week('2026-03-02');
      expect(first).toMatchObject({ incomeFen: 100_000, spendingFen: 50_000 });
      expect(first.spendingByCategory).toMatchObject({ exam: 20_000, training: 30_000 });
      const second = await week('2026-03-09');
      expect(second).toMatchObject({ incomeFen: 0, spendingFen: 15_000 });
      expect(second.spendingByCategory).toMatchObject({ training: 10_000, consumables: 5_000 });
      const year = (await c('funds.overview', { year: 2026 })).totals;
      expect(first.spendingFen + second.spendingFen).toBe(year.spendingFen);
      expect(first.incomeFen + second.incomeFen).toBe(year.incomeFen);
      // 试点推进情况 reads the same calendar: the first week is past due and not filed.
      expect((await c('funds.progress', { year: 2026 })).weekly).toEqual({
        due: 1,
        onTime: 0,
        late: 0,
        notFiled: 1,
      });
      // A report sent before its due time counts at once, as 周报 counts it.
      await c('weekly.submit', {
        periodStart: '2026-03-09',
        progress: '完成报名',
        problems: '',
        nextPlan: '组织考核',
        experience: '',
        submitter: '李老师',
      });
      expect((await c('funds.progress', { year: 2026 })).weekly).toEqual({
        due: 2,
        onTime: 1,
        late: 0,
        notFiled: 1,
      });
    } finally {
      w.dispose();
    }
  });
});

describe('funds: 试点推进情况 across the year end', () => {
  it('counts each weekly period in the year its label names (ISO week), not its Monday’s year', async () => {
    // Monday 2025-12-29 starts 2026年第1周 (its Thursday is 2026-01-01).
    const w = createTestCore(new Date(chinaInstant('2026-01-10', '09:00')));
    try {
      await ok(w, 'weekly.saveSettings', {
        pilotStart: '2025-12-15',
        cadence: 'weekly',
        dueWeekday: 5,
        dueTime: '17:00',
      });
      const labels = (await ok(w, 'weekly.calendar', {})).periods.map(
        (p) => `${p.start} ${p.label}`,
      );
      expect(labels).toEqual([
        '2025-12-15 2025年第51周',
        '2025-12-22 2025年第52周',
        '2025-12-29 2026年第1周',
        '2026-01-05 2026年第2周',
      ]);
      const weekly = async (year: number) => (await ok(w, 'funds.progress', { year })).weekly;
      expect(await weekly(2025)).toEqual({ due: 2, onTime: 0, late: 0, notFiled: 2 });
      expect(await weekly(2026)).toEqual({ due: 2, onTime: 0, late: 0, notFiled: 2 });
    } finally {
      w.dispose();
    }
  });
});

describe('funds: 试点推进情况', () => {
  it('shows the factors the notice names for one year, each from its one definition', async () => {
    // After the seed's exams (May and June): results exist only from the exam day on.
    ctx.t.dispose();
    ctx.t = createTestCore(new Date('2026-07-01T02:00:00Z'));
    ctx.call = coreDataCall(ctx.t);
    const { signup } = await seed();
    const major = await ok(ctx.t, 'majors.save', softwareMajor);
    await ok(ctx.t, 'projects.create', bareProject(3, 2026, { majorIds: [major.id] }));
    const s = signup(0, 0);
    await ok(ctx.t, 'exams.signups.setStatus', { ids: [s], status: 'paid' });
    await ok(ctx.t, 'exams.signups.setStatus', { ids: [s], status: 'examined' });
    await ok(ctx.t, 'exams.signups.saveResult', {
      id: s,
      status: 'passed',
      score: 90,
      certificateNo: 'WEB-1',
      issuedOn: '2026-06-30',
    });
    await ok(ctx.t, 'exams.signups.setStatus', { ids: [signup(2, 0)], status: 'withdrawn' });
    const p = await ok(ctx.t, 'funds.progress', { year: 2026 });
    expect(p).toEqual({
      year: 2026,
      projects: 3,
      pilotMajors: 1,
      pilotStudents: 3,
      signups: 3,
      passed: 1,
      certificates: 1,
      weekly: { due: 0, onTime: 0, late: 0, notFiled: 0 },
    });
    expect(progressLines(p)).toContain('考核报名人次：3');
    expect((await ok(ctx.t, 'funds.progress', { year: 2025 })).signups).toBe(0);
  });
});

describe('funds: the submission package', () => {
  it('can include the 使用情况表 of a year, listed in its manifest and verified like the rest', async () => {
    const project = await seedCompleteProject(ctx.t.core);
    await ok(
      ctx.t,
      'funds.save',
      incomeInput(project.id, 'award', 5_000, {
        documentNo: '鄂教职成〔2026〕3号',
        occurredOn: '2026-02-01',
      }),
    );
    const without = await ok(ctx.t, 'package.build', {
      projectIds: [project.id],
      acceptDraft: true,
    });
    expect(without.manifest.files.some((f) => f.path.startsWith('试点经费'))).toBe(false);
    const result = await ok(ctx.t, 'package.build', {
      projectIds: [project.id],
      acceptDraft: true,
      fundsYear: 2026,
    });
    const name = '试点经费使用情况表（2026年度）.xlsx';
    expect(result.manifest.files.map((f) => f.path)).toEqual(
      expect.arrayContaining([name, '试点经费使用情况表（2026年度）.pdf']),
    );
    const bytes = downloaded(ctx.t.core, result);
    const files = await unzipEntries(bytes);
    const wb = await loadWorkbook(files.get(name)!);
    const table = fundsSheet(wb);
    expect(table.rows[0].slice(1, 3)).toEqual(['收入', '奖补资金']);
    expect(table.total('收入合计')).toBe(5_000);
    const verified = await ctx.t.core.dispatch(
      'package.verify',
      await staged(ctx.t.core, result.fileName, bytes),
    );
    expect(verified.ok && verified.data).toMatchObject({
      ok: true,
      missing: [],
      extra: [],
      changed: [],
    });
  });
});

describe('funds: dates', () => {
  it('refuses a line dated after today on its field, and an edit keeps the saved date', async () => {
    const { web } = await seed();
    const future = await fails(
      ctx.t,
      'funds.save',
      spendingInput(web, 'training', 100, { occurredOn: '2026-12-02' }),
    );
    expect(future.details?.fields).toEqual([
      { path: 'occurredOn', message: '日期2026年12月2日晚于今天（2026年12月1日），请核对' },
    ]);
    expect(readRows(ctx.t, 'SELECT * FROM fund_entries')).toHaveLength(0);
    const saved = await ok(
      ctx.t,
      'funds.save',
      spendingInput(web, 'training', 100, { occurredOn: '2026-12-01' }),
    );
    await fails(ctx.t, 'funds.save', {
      ...spendingInput(web, 'training', 100, { occurredOn: '2027-01-05' }),
      id: saved.entryId,
    });
    expect(readRows(ctx.t, 'SELECT occurred_on FROM fund_entries')).toEqual([
      { occurred_on: '2026-12-01' },
    ]);
  });
});

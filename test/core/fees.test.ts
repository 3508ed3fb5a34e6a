import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/dataFiles';
import { ledgerRepo } from '../../electron/core/modules/fees/ledger';
import { ledgerListSchema, type LedgerParams } from '../../shared/contract/fees';
import { corePerTest } from '../harness/corePerTest';
import { addStudents, setCaps, signUp, WEB_CERT, webJunior2026 } from '../harness/fees';
import { readEveryFigure } from '../harness/figures';
import { loadWorkbook, sheetTable, uploadSheetHeader } from '../harness/sheets';
import { fails, ok, readRows } from '../harness/staff';
import { softwareMajor } from '../harness/majors';
import { artefactDir, keepPdfPages, pdfPages } from '../harness/documents';
import { schoolProfile } from '../harness/seed';
import { formatChineseDate } from '../../shared/domain/dates';
import { formatFen } from '../../shared/domain/money';

const ctx = corePerTest();

/**
 * Three pilot students and one non-pilot; two batches of Web前端开发 (初级 ¥400, 中级 ¥700,
 * caps ¥500/¥800), all through the handlers. Student 1: 初级 school + 中级 student; student 2:
 * 初级 subsidy; student 3: 初级 school; student 4 (non-pilot): 中级 school.
 */
async function seed() {
  await setCaps(ctx.call);
  const students = await addStudents(ctx.call, 4, {
    nonPilot: [4],
    names: { 1: '=HYPERLINK("x")' },
  });
  const { batchIds: batches, signupId } = await signUp(
    ctx.call,
    [
      { ...webJunior2026, name: '2026春初级' },
      { certificateId: WEB_CERT, level: 'intermediate', examDate: '2026-06-10', fee: 700 },
    ],
    [
      { student: students[0], batch: 0 },
      { student: students[0], batch: 1, payer: 'student' },
      { student: students[1], batch: 0, payer: 'subsidy' },
      { student: students[2], batch: 0 },
      { student: students[3], batch: 1 },
    ],
  );
  const signup = (student: number, batch: number) => signupId(students[student], batch);
  return { students, batches, signup };
}

/** Withdraws a sign-up through the exams module. */
/** The newest audit entry's id: entries written after it belong to the step under test. */
const lastAudit = () =>
  readRows<{ id: number }>(ctx.t, 'SELECT max(id) AS id FROM audit_log')[0].id;
const signupAuditSince = (mark: number) =>
  readRows<{ entity_id: string; before_json: string; after_json: string }>(
    ctx.t,
    "SELECT entity_id, before_json, after_json FROM audit_log WHERE entity = 'signup' AND id > ? ORDER BY id",
    mark,
  );

const withdraw = (id: number) =>
  ok(ctx.t, 'exams.signups.setStatus', { ids: [id], status: 'withdrawn' });

describe('fees: ledger', () => {
  it('lists sign-ups with filters, search, totals and paging in fen', async () => {
    const { batches } = await seed();
    const all = await ok(ctx.t, 'fees.ledger', {});
    expect(all.total).toBe(5);
    expect(all.figures).toMatchObject({ signups: 5, feeFen: 260_000 });
    expect(all.items[0]).toMatchObject({ certificateName: 'Web前端开发', capFen: 80_000 });
    const byBatch = await ok(ctx.t, 'fees.ledger', { batchIds: [batches[0]] });
    expect(byBatch.total).toBe(3);
    expect(byBatch.items.every((r) => r.batchLabel === '2026春初级')).toBe(true);
    const students = await ok(ctx.t, 'fees.ledger', {
      payers: ['student'],
      sortBy: 'studentNo',
      sortOrder: 'asc',
    });
    expect(students.items.map((r) => r.studentNo)).toEqual(['2023000001']);
    const search = await ok(ctx.t, 'fees.ledger', { search: '2023000002' });
    expect(search.items.map((r) => r.payer)).toEqual(['subsidy']);
    const byName = await ok(ctx.t, 'fees.ledger', { search: '学生3' });
    expect(byName.total).toBe(1);
    const otherCert = await ok(ctx.t, 'fees.ledger', { certificateIds: [1] });
    expect(otherCert.total).toBe(0);
    const page2 = await ok(ctx.t, 'fees.ledger', { pageSize: 2, page: 3 });
    expect(page2.items).toHaveLength(1);
    const facets = await ok(ctx.t, 'fees.facets', {});
    expect(facets.signups).toBe(5);
    expect(facets.batches.map((b) => b.signups).sort()).toEqual([2, 3]);
    expect(facets.certificates).toEqual([{ id: WEB_CERT, name: 'Web前端开发', signups: 5 }]);
  });

  it('changes fee and payer in bulk, audited with the sign-up shape, and refuses a fee above the cap', async () => {
    const { signup } = await seed();
    const ids = [signup(1, 0), signup(2, 0)];
    const mark = lastAudit();
    expect(await ok(ctx.t, 'fees.change', { signupIds: ids, fee: '450', payer: 'school' })).toEqual(
      {
        changed: 2,
      },
    );
    const rows = readRows<{ fee_fen: number; payer: string }>(
      ctx.t,
      `SELECT fee_fen, payer FROM signups WHERE id IN (${ids.join(',')})`,
    );
    expect(rows).toEqual([
      { fee_fen: 45_000, payer: 'school' },
      { fee_fen: 45_000, payer: 'school' },
    ]);
    const audit = signupAuditSince(mark);
    expect(audit.map((a) => Number(a.entity_id)).sort()).toEqual([...ids].sort());
    const entry = audit.find((a) => Number(a.entity_id) === signup(1, 0))!;
    const before = JSON.parse(entry.before_json);
    expect(Object.keys(before).sort()).toEqual(
      [
        'admissionNo',
        'batchId',
        'certificateNo',
        'creditBank',
        'feeFen',
        'issuedOn',
        'payer',
        'platformRegistered',
        'practicalScore',
        'score',
        'status',
        'studentId',
        'theoryScore',
      ].sort(),
    );
    expect(before).toMatchObject({ feeFen: 40_000, payer: 'subsidy' });
    expect(JSON.parse(entry.after_json)).toMatchObject({ feeFen: 45_000, payer: 'school' });

    const over = await fails(ctx.t, 'fees.change', {
      signupIds: [signup(0, 0), signup(0, 1)],
      fee: 600,
    });
    expect(over.code).toBe('VALIDATION');
    expect(over.message).toContain('¥600.00');
    expect(over.message).toContain('¥500.00');
    expect(over.message).toContain('教职所〔2019〕314号');
    expect(over.details?.fields?.[0].path).toBe('fee');
    // All or nothing: the 中级 sign-up (cap ¥800) was not changed either.
    expect(
      readRows<{ fee_fen: number }>(
        ctx.t,
        'SELECT fee_fen FROM signups WHERE id = ?',
        signup(0, 1),
      )[0].fee_fen,
    ).toBe(70_000);
    expect(signupAuditSince(mark)).toHaveLength(2);

    const empty = await fails(ctx.t, 'fees.change', { signupIds: [signup(0, 0)] });
    expect(empty.message).toContain('请填写新的费用或选择新的付费方');
    const missing = await fails(ctx.t, 'fees.change', { signupIds: [99_999], payer: 'school' });
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('allows 学生自愿自费 only for an additional certificate and names the student otherwise', async () => {
    const { signup } = await seed();
    const mark = lastAudit();
    // Student 3's only sign-up.
    const refused = await fails(ctx.t, 'fees.change', {
      signupIds: [signup(2, 0)],
      payer: 'student',
    });
    expect(refused.message).toContain('学生“学生3”（学号 2023000003）');
    expect(refused.details?.fields?.[0].path).toBe('payer');
    // Student 1's school-paid one while the other is already student-paid: both would be.
    const both = await fails(ctx.t, 'fees.change', { signupIds: [signup(0, 0)], payer: 'student' });
    expect(both.message).toContain('2023000001');
    expect(signupAuditSince(mark)).toHaveLength(0);
    // Student 4 is not a pilot student, but 学生自愿自费 is still only for an additional exam.
    const nonPilot = await fails(ctx.t, 'fees.change', {
      signupIds: [signup(3, 1)],
      payer: 'student',
    });
    expect(nonPilot.message).toContain('2023000004');
    // Allowed: student 1's 中级 again (already student) with a new fee; flips are fine both ways.
    expect(
      await ok(ctx.t, 'fees.change', { signupIds: [signup(0, 1)], payer: 'student', fee: 650 }),
    ).toEqual({ changed: 1 });
    // A withdrawn school-paid sign-up does not count.
    await withdraw(signup(0, 0));
    const afterWithdraw = await fails(ctx.t, 'fees.change', {
      signupIds: [signup(0, 1)],
      payer: 'student',
    });
    expect(afterWithdraw.message).toContain('2023000001');
    // The withdrawn sign-up itself is closed: neither its payer nor its fee moves, even in a mix.
    const mark2 = lastAudit();
    const plan = await ok(ctx.t, 'fees.planChange', {
      signupIds: [signup(0, 0), signup(1, 0)],
      payer: 'school',
      fee: 450,
    });
    expect(plan.skipped).toEqual([
      expect.objectContaining({
        id: signup(0, 0),
        reason: expect.stringContaining(
          '（学号 2023000001）的报名已撤销，不能再修改考核费或付费方',
        ),
      }),
    ]);
    const closed = await fails(ctx.t, 'fees.change', {
      signupIds: [signup(0, 0)],
      payer: 'student',
    });
    expect(closed.message).toContain('报名已撤销');
    expect(closed.details?.fields?.[0].path).toBe('payer');
    expect(signupAuditSince(mark2)).toHaveLength(0);
  });
});

describe('fees: rule check', () => {
  it('lists pilot students without a school-paid exam and fees over the cap, and clears when fixed', async () => {
    const { signup, batches } = await seed();
    expect(await ok(ctx.t, 'fees.violations', {})).toEqual({
      schoolPaid: [],
      unscheduled: { count: 0, students: [] },
      overCap: [],
      capMissing: [],
      aboveAgreement: [],
    });
    // Before withdrawing, the batch page's plan names the pilot students it would leave without
    // a school-paid exam: student 1 (only the self-paid 中级 left) and student 3 (nothing left);
    // student 4 is not a pilot student.
    const plan = (status: string) =>
      ok(ctx.t, 'exams.signups.planStatus', {
        ids: [signup(0, 0), signup(2, 0), signup(3, 1)],
        status,
      });
    expect((await plan('withdrawn')).schoolPaidLost).toEqual([
      '=HYPERLINK("x")（2023000001）',
      '学生3（2023000003）',
    ]);
    expect((await plan('paid')).schoolPaidLost).toEqual([]);
    await withdraw(signup(0, 0)); // student 1 keeps only the student-paid 中级
    const v = await ok(ctx.t, 'fees.violations', {});
    expect(v.schoolPaid).toHaveLength(1);
    expect(v.schoolPaid[0]).toMatchObject({ studentNo: '2023000001', className: '软件2302班' });
    expect(v.schoolPaid[0].signups.map((g) => [g.status, g.payer])).toEqual([
      ['withdrawn', 'school'],
      ['registered', 'student'],
    ]);
    // Student 4 (not a pilot student) pays its own and is not listed.
    await ok(ctx.t, 'fees.change', { signupIds: [signup(0, 1)], payer: 'school' });
    expect((await ok(ctx.t, 'fees.violations', {})).schoolPaid).toEqual([]);

    // The cap lowered after the fees were set: the batch and its sign-ups are over it. Before
    // saving, the catalogue's check finds what 规则检查 will find after, and writes nothing.
    const lowered = [
      { kind: 'cap', level: 'junior', amountFen: 30_000, document: '鄂教职成〔2021〕1号' },
    ] as const;
    const foreseen = await ok(ctx.t, 'catalogue.overCapWith', { id: WEB_CERT, limits: lowered });
    expect((await ok(ctx.t, 'fees.violations', {})).overCap).toEqual([]);
    // A lower cap that ends before the exam day judges nothing.
    const expired = [{ ...lowered[0], validUntil: '2026-05-09' }];
    expect(await ok(ctx.t, 'catalogue.overCapWith', { id: WEB_CERT, limits: expired })).toEqual([]);
    await ok(ctx.t, 'catalogue.setLimits', { id: WEB_CERT, limits: lowered });
    const over = (await ok(ctx.t, 'fees.violations', {})).overCap;
    expect(foreseen).toEqual(over);
    expect(over.filter((o) => o.kind === 'batch').map((o) => o.batchId)).toEqual([batches[0]]);
    expect(over.filter((o) => o.kind === 'signup').map((o) => o.studentNo)).toEqual([
      '2023000002',
      '2023000003',
    ]);
    expect(over[0]).toMatchObject({
      capFen: 30_000,
      capDocument: '鄂教职成〔2021〕1号',
      feeFen: 40_000,
    });
  });
});

describe('rule 11 when a batch moves to another cap', () => {
  it('refuses a new exam date whose cap is below a live sign-up’s fee, as the ledger would', async () => {
    await ok(ctx.t, 'catalogue.setLimits', {
      id: WEB_CERT,
      limits: [
        {
          kind: 'cap',
          level: 'junior',
          amountFen: 50_000,
          document: '教职所〔2019〕314号',
          validUntil: '2026-06-30',
        },
        {
          kind: 'cap',
          level: 'junior',
          amountFen: 45_000,
          document: '某文件〔2026〕1号',
          validFrom: '2026-07-01',
        },
      ],
    });
    const students = await addStudents(ctx.call, 2);
    const { batchIds, signupId } = await signUp(
      ctx.call,
      [webJunior2026],
      students.map((student) => ({ student, batch: 0 })),
    );
    const raised = signupId(students[0], 0);
    await ok(ctx.t, 'fees.change', { signupIds: [raised], fee: '480' });
    // The ledger refuses ¥480 once the exam is judged by the July cap …
    const move = { ...webJunior2026, id: batchIds[0], name: '', examDate: '2026-07-10' };
    const refused = await fails(ctx.t, 'exams.batches.save', move);
    expect(refused.message).toContain(
      '¥480.00 超过 2026年7月10日 适用的考核成本上限 ¥450.00（某文件〔2026〕1号',
    );
    expect(refused.details?.fields?.[0].path).toBe('examDate');
    const kept = await ok(ctx.t, 'exams.batches.get', { id: batchIds[0] });
    expect(kept).toMatchObject({ examDate: '2026-05-10', capStanding: 'within' });
    // … so moving the batch there is refused too, until the sign-up's fee is within it.
    await ok(ctx.t, 'fees.change', { signupIds: [raised], fee: '450' });
    const moved = await ok(ctx.t, 'exams.batches.save', move);
    expect(moved).toMatchObject({ examDate: '2026-07-10', capStanding: 'within' });
    // An edit that leaves the date and form alone is not held up by the sign-ups' fees.
    expect(await ok(ctx.t, 'exams.batches.save', { ...move, name: '七月批' })).toMatchObject({
      name: '七月批',
    });
  });
});

describe('withdrawn sign-ups and rule 13', () => {
  it('leaves a withdrawn sign-up out of every total and shows it apart, the same on every page', async () => {
    const { signup } = await seed();
    await withdraw(signup(2, 0)); // student 3's only sign-up, school-paid ¥400
    const seen = await readEveryFigure(ctx.call);
    const expected = { signups: 4, feeFen: 220_000, withdrawnSignups: 1, withdrawnFeeFen: 40_000 };
    for (const [page, reading] of Object.entries(seen.readings)) {
      expect(reading, page).toEqual(expected);
    }
    // The ledger still lists the withdrawn row (paging counts it), but not in its figures.
    expect(seen.ledgerRows).toBe(5);
    expect(Object.values(seen.owed)).toEqual([150_000, 150_000, 150_000, 150_000]);
  });

  it('lists a pilot student whose only sign-up was withdrawn as 尚未安排, apart from 只有自费', async () => {
    const { signup, students } = await seed();
    await withdraw(signup(2, 0));
    // A fifth student, a pilot one, not signed up for anything yet.
    await addStudents(ctx.call, 1, { start: 5 });
    const v = await ok(ctx.t, 'fees.violations', {});
    expect(v.schoolPaid).toEqual([]);
    expect(v.unscheduled.count).toBe(2);
    expect(
      v.unscheduled.students.map((s) => [s.studentNo, s.signups.map((g) => g.status)]),
    ).toEqual([
      ['2023000003', ['withdrawn']],
      ['2023000005', []],
    ]);
    expect((await ok(ctx.t, 'fees.statement', { studentId: students[2] })).schoolPaid).toBe(
      'unscheduled',
    );
    // Student 1 loses the school-paid 初级: only the self-paid 中级 is left — a violation.
    await withdraw(signup(0, 0));
    const after = await ok(ctx.t, 'fees.violations', {});
    expect(after.schoolPaid.map((s) => s.studentNo)).toEqual(['2023000001']);
    expect((await ok(ctx.t, 'fees.statement', { studentId: students[0] })).schoolPaid).toBe(
      'selfPaidOnly',
    );
    // The non-pilot student 4 is in neither list; 首页 lists both, the to-do on its own line.
    const dashboard = await ok(ctx.t, 'dashboard.summary', {});
    const kinds = dashboard.violations.map((x) => [x.kind, x.title]);
    expect(kinds).toContainEqual([
      'schoolPaid',
      '1 名试点学生只有自费的考核，没有由学校承担或财政补助的考核',
    ]);
    expect(kinds).toContainEqual(['schoolPaidTodo', '2 名试点学生尚未安排考核']);
  });
});

describe('fees: payments, reconcile, statement, totals', () => {
  it('records payments with audit and reconciles per batch and organization', async () => {
    const { batches } = await seed();
    const p = await ok(ctx.t, 'fees.savePayment', {
      organization: '工业和信息化部教育与考试中心',
      batchId: batches[0],
      invoiceNo: 'FP-001',
      amount: '1,000.50',
      paidOn: '2026-02-20',
    });
    expect(p).toMatchObject({ amountFen: 100_050, batchLabel: '2026春初级' });
    await ok(ctx.t, 'fees.savePayment', {
      id: p.id,
      organization: p.organization,
      batchId: p.batchId,
      invoiceNo: p.invoiceNo,
      amount: 1000,
      paidOn: p.paidOn,
    });
    // A payment dated after today (the clock's 2026-03-02) is refused on its field, and the
    // saved one keeps its date: it would otherwise count in a week not yet begun.
    const future = await fails(ctx.t, 'fees.savePayment', {
      id: p.id,
      organization: p.organization,
      amount: 1000,
      paidOn: '2026-03-03',
    });
    expect(future.code).toBe('VALIDATION');
    expect(future.details).toEqual({
      fields: [{ path: 'paidOn', message: '付款日期2026年3月3日晚于今天（2026年3月2日），请核对' }],
    });
    expect((await ok(ctx.t, 'fees.payments', {})).map((x) => x.paidOn)).toEqual(['2026-02-20']);
    const r = await ok(ctx.t, 'fees.reconcile', {});
    const b0 = r.byBatch.find((b) => b.key === String(batches[0]))!;
    expect(b0).toMatchObject({
      dueFen: 120_000,
      paidFen: 100_000,
      differenceFen: 20_000,
      signups: 3,
    });
    const org = r.byOrganization.find((o) => o.key === '工业和信息化部教育与考试中心')!;
    // Batch 2 has no organization of its own: the certificate's (the same body) is used.
    expect(org).toMatchObject({ dueFen: 190_000, paidFen: 100_000, differenceFen: 90_000 });
    const bad = await fails(ctx.t, 'fees.savePayment', {
      organization: '',
      amount: 0,
      paidOn: '2026-13-01',
    });
    expect(bad.details?.fields?.map((f) => f.path).sort()).toEqual([
      'amount',
      'organization',
      'paidOn',
    ]);
    await ok(ctx.t, 'fees.deletePayment', { id: p.id });
    expect(await ok(ctx.t, 'fees.payments', {})).toEqual([]);
    const audit = readRows<{ action: string }>(
      ctx.t,
      "SELECT action FROM audit_log WHERE entity = 'payment' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
  });

  it('gives a per-student statement and totals by certificate, level, major and payer', async () => {
    const { students } = await seed();
    const s = await ok(ctx.t, 'fees.statement', { studentId: students[0] });
    expect(s.signups).toHaveLength(2);
    expect(s).toMatchObject({
      schoolPaidFen: 40_000,
      studentPaidFen: 70_000,
      schoolPaid: 'met',
    });
    const totals = await ok(ctx.t, 'fees.totals', {});
    expect(totals.all).toMatchObject({
      signups: 5,
      totalFen: 260_000,
      schoolFen: 150_000,
      subsidyFen: 40_000,
      studentFen: 70_000,
    });
    expect(totals.byLevel.map((l) => [l.label, l.totalFen])).toEqual([
      ['初级', 120_000],
      ['中级', 140_000],
    ]);
    expect(totals.byCertificate).toHaveLength(1);
    expect(totals.byMajor).toEqual([
      expect.objectContaining({ label: '未填写专业', totalFen: 260_000 }),
    ]);
    expect(totals.byPayer.map((p) => p.totalFen)).toEqual([150_000, 40_000, 70_000]);
  });

  it('prints a student’s statement (对账单) as a PDF with the same sign-ups and sums', async (context) => {
    const { students } = await seed();
    await ctx.call('school.save', schoolProfile);
    const statement = await ok(ctx.t, 'fees.statement', { studentId: students[0] });
    const file = await ok(ctx.t, 'fees.statementPdf', { studentId: students[0] });
    // Student 1's name is formula-like text with quotes: the file name keeps only safe characters.
    expect(file.fileName).toBe(`对账单_=HYPERLINK(_x_)_${statement.student.studentNo}.pdf`);
    const pdf = await keepPdfPages(
      context,
      artefactDir('statement'),
      'statement',
      Buffer.from(file.contentBase64, 'base64'),
    );
    const lines = pdfPages(pdf).flatMap((p) => p.lines.map((l) => l.text));
    expect(lines[0]).toBe('学生考核费用对账单');
    // The figures are the statement's, formatted as on the page.
    const text = lines.join('\n');
    expect(text).toContain(`学校承担（含财政补助）${formatFen(statement.schoolPaidFen)}`);
    expect(text).toContain(`学生自愿自费${formatFen(statement.studentPaidFen)}`);
    for (const signup of statement.signups) expect(text).toContain(formatFen(signup.feeFen));
    expect(text).toContain('符合通知要求');
    expect(lines).toContain(`${schoolProfile.name}（盖章）`);
  });

  it('prints the statement’s totals and sentence on the page the student signs, on one page for up to three sign-ups', async (context) => {
    await setCaps(ctx.call);
    await ctx.call('school.save', schoolProfile);
    const counts = [1, 2, 3, 25];
    const students = await addStudents(ctx.call, counts.length);
    // Unnamed batches: the long label (Web前端开发 初级 2026年10月10日) wraps in its cell, as it
    // does for most schools; two-digit months and days are the widest dates.
    const batches = Array.from({ length: Math.max(...counts) }, (_, i) => ({
      ...webJunior2026,
      examDate: `2026-${10 + Math.floor(i / 12)}-${10 + (i % 12)}`,
    }));
    await signUp(
      ctx.call,
      batches,
      counts.flatMap((count, s) =>
        Array.from({ length: count }, (_, b) => ({
          student: students[s],
          batch: b,
          payer: b === 0 ? undefined : ('student' as const),
        })),
      ),
    );
    const dir = artefactDir('statement-pages');
    for (const [s, count] of counts.entries()) {
      const statement = await ok(ctx.t, 'fees.statement', { studentId: students[s] });
      expect(statement.signups).toHaveLength(count);
      const file = await ok(ctx.t, 'fees.statementPdf', { studentId: students[s] });
      const pdf = await keepPdfPages(
        context,
        dir,
        `signups-${count}`,
        Buffer.from(file.contentBase64, 'base64'),
      );
      const pages = pdfPages(pdf).map((p) => p.lines.map((l) => l.text));
      const signed = pages.filter((lines) => lines.includes('学生签字：'));
      expect(signed, `${count} sign-ups: one page signed`).toHaveLength(1);
      // The page signed shows what is signed: the totals and the sentence on rule 13.
      expect(signed[0]).toContain(`学校承担（含财政补助）${formatFen(statement.schoolPaidFen)}`);
      expect(signed[0]).toContain(`学生自愿自费${formatFen(statement.studentPaidFen)}`);
      expect(signed[0].join('')).toContain('符合通知要求。');
      expect(signed[0]).toContain('年月日');
      // Every sign-up is on the paper, each date on one line.
      const text = pages.flat().join('\n');
      for (const x of statement.signups) expect(text).toContain(formatChineseDate(x.examDate));
      if (count <= 3) expect(pages, `${count} sign-ups fit one A4 page`).toHaveLength(1);
    }
  });

  it('shows the audit history of a student and a batch, newest first, with labelled changes', async () => {
    const { students, batches, signup } = await seed();
    await ok(ctx.t, 'fees.change', { signupIds: [signup(1, 0)], payer: 'school' });
    await ok(ctx.t, 'fees.change', { signupIds: [signup(1, 0)], fee: 450 });
    const h = await ok(ctx.t, 'fees.history.student', { studentId: students[1] });
    // Newest first: the two changes here, the payer set while seeding, the sign-up, the student.
    expect(h.entries.map((e) => [e.entity, e.action])).toEqual([
      ['signup', 'update'],
      ['signup', 'update'],
      ['signup', 'update'],
      ['signup', 'create'],
      ['student', 'create'],
    ]);
    expect(h.entries[0]).toMatchObject({
      actionLabel: '修改',
      subject: '学生2（2023000002） · 2026春初级',
      changes: [{ field: 'feeFen', label: '费用', before: '¥400.00', after: '¥450.00' }],
    });
    expect(h.entries[1].changes).toEqual([
      { field: 'payer', label: '付费方', before: '财政补助', after: '学校承担' },
    ]);
    await ok(ctx.t, 'fees.savePayment', {
      organization: '某组织',
      batchId: batches[0],
      amount: 10,
      paidOn: '2026-02-10',
    });
    const b = await ok(ctx.t, 'fees.history.batch', { batchId: batches[0] });
    expect(b.entries[0].entity).toBe('payment');
    expect(b.entries.at(-1)).toMatchObject({ entity: 'exam_batch', action: 'create' });
    expect(b.entries.filter((e) => e.entity === 'signup' && e.action === 'create')).toHaveLength(3);
    expect(b.entries[0].changes.find((c) => c.field === 'amountFen')).toMatchObject({
      before: '',
      after: '¥10.00',
    });
    expect(
      (await ok(ctx.t, 'fees.history.batch', { batchId: batches[0], limit: 1 })).truncated,
    ).toBe(true);
    expect((await fails(ctx.t, 'fees.history.student', { studentId: 9999 })).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('fees: ledger pages found either way', () => {
  it('gives the same pages walking the sort order as sorting the matches, and true totals', async () => {
    const { batches, students } = await seed();
    const db = new Database(path.join(ctx.t.dataDir, DATABASE_FILE), { readonly: true });
    try {
      const sorted = ledgerRepo(db, { walkAbove: Number.MAX_SAFE_INTEGER });
      const walked = ledgerRepo(db, { walkAbove: 0 });
      const base = ledgerListSchema.parse({ pageSize: 2 });
      const filters: Partial<LedgerParams>[] = [
        {},
        { certificateIds: [WEB_CERT] },
        { batchIds: [batches[0]] },
        { batchIds: [batches[1]], payers: ['school'] },
        { search: '2023' },
        { studentId: students[0] },
        { statuses: ['registered'], certificateIds: [WEB_CERT] },
      ];
      let compared = 0;
      for (const filter of filters) {
        for (const sortBy of ['id', 'studentNo', 'name'] as const) {
          for (const sortOrder of ['asc', 'desc'] as const) {
            for (const page of [1, 2, 3]) {
              const p = { ...base, ...filter, sortBy, sortOrder, page };
              const expected = sorted.list(p);
              expect(walked.list(p), JSON.stringify(p)).toEqual(expected);
              compared += expected.items.length;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(50);
      // Count and sum without a search come from signup_sums: the same as counting sign-ups.
      const direct = db
        .prepare(
          `SELECT count(*) AS total, sum(fee_fen) AS feeFen FROM signups
           WHERE batch_id = ? AND payer = 'school' AND status = 'registered'`,
        )
        .get(batches[0]) as { total: number; feeFen: number };
      expect(
        sorted.list({
          ...base,
          batchIds: [batches[0]],
          payers: ['school'],
          statuses: ['registered'],
        }),
      ).toMatchObject({
        total: direct.total,
        figures: { signups: direct.total, feeFen: direct.feeFen },
      });
    } finally {
      db.close();
    }
  });
});

describe('fees: the sums behind the totals (migration 009)', () => {
  const sums = () =>
    readRows<{ k: string; n: number; fen: number }>(
      ctx.t,
      `SELECT batch_id || '/' || status || '/' || payer || '/' || major_key AS k, n, fen
       FROM signup_sums WHERE n <> 0 ORDER BY k`,
    );
  const recomputed = () =>
    readRows<{ k: string; n: number; fen: number }>(
      ctx.t,
      `SELECT g.batch_id || '/' || g.status || '/' || g.payer || '/' ||
         CASE WHEN s.major_id IS NOT NULL THEN 'id:' || s.major_id ELSE 'text:' || s.major_text END
         AS k, count(*) AS n, sum(g.fee_fen) AS fen
       FROM signups g JOIN students s ON s.id = g.student_id GROUP BY k ORDER BY k`,
    );

  it('stay equal to the sign-ups through changes, withdrawals and a student changing major', async () => {
    const { students, signup } = await seed();
    expect(sums()).toEqual(recomputed());
    await ok(ctx.t, 'fees.change', { signupIds: [signup(1, 0), signup(2, 0)], fee: 450 });
    await withdraw(signup(2, 0));
    const major = await ok(ctx.t, 'majors.save', softwareMajor);
    const s1 = readRows<Record<string, unknown>>(
      ctx.t,
      'SELECT * FROM students WHERE id = ?',
      students[0],
    )[0];
    await ok(ctx.t, 'students.save', {
      id: students[0],
      studentNo: s1.student_no,
      name: s1.name,
      idType: 'resident',
      idNumber: s1.id_number,
      gender: s1.gender,
      majorId: major.id,
      className: s1.class_name,
      entryYear: 2023,
      pilot: true,
    });
    expect(sums()).toEqual(recomputed());
    const totals = await ok(ctx.t, 'fees.totals', {});
    expect(totals.byMajor.map((m) => [m.label, m.signups]).sort()).toEqual([
      ['未填写专业', 2],
      ['软件技术', 2],
    ]);
    // Deleting the major unlinks the student (SET NULL): the sums follow.
    await ok(ctx.t, 'majors.delete', { id: major.id, force: true });
    expect(sums()).toEqual(recomputed());
  });
});

describe('fees: sheets', () => {
  const read = async (base64: string) => {
    const wb = await loadWorkbook(Buffer.from(base64, 'base64'));
    const ws = wb.worksheets[0];
    const table = sheetTable(ws);
    return { ws, rows: [table.header, ...table.rows] };
  };

  it('writes 考生信息上传表 for a batch: exact columns, ID numbers as text, formulas neutralised', async () => {
    const { batches, signup } = await seed();
    await withdraw(signup(2, 0));
    const file = await ok(ctx.t, 'fees.uploadSheet', { batchId: batches[0] });
    expect(file.fileName).toBe('考生信息上传表.xlsx');
    const { ws, rows } = await read(file.contentBase64);
    expect(rows[0]).toEqual(uploadSheetHeader);
    const db = readRows<{
      name: string;
      id_number: string;
      student_no: string;
      class_name: string;
    }>(
      ctx.t,
      `SELECT s.name, s.id_number, s.student_no, s.class_name FROM signups g JOIN students s ON s.id = g.student_id
       WHERE g.batch_id = ? AND g.status <> 'withdrawn' ORDER BY s.student_no`,
      batches[0],
    );
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[6]])).toEqual(
      db.map((s) => [
        s.name.startsWith('=') ? `'${s.name}` : s.name,
        s.id_number,
        s.student_no,
        s.class_name,
      ]),
    );
    expect(rows[1][0]).toBe(`'=HYPERLINK("x")`);
    expect(rows[1].slice(9)).toEqual(['Web前端开发', '初级', 1, '2026春初级']);
    expect(rows[1][2]).toBe('居民身份证');
    expect(typeof ws.getCell('D2').value).toBe('string');
    expect(ws.getColumn(4).numFmt).toBe('@');
    expect((await fails(ctx.t, 'fees.uploadSheet', { batchId: 999 })).code).toBe('NOT_FOUND');
  });

  it('writes 费用明细表 with each sign-up’s fee and payer and totals by payer', async () => {
    await seed();
    const file = await ok(ctx.t, 'fees.feeSheet', { batchId: null });
    expect(file.fileName).toBe('费用明细表.xlsx');
    const { rows } = await read(file.contentBase64);
    expect(rows[0].at(-1)).toBe('费用（元）');
    const body = rows.slice(1, 6);
    const db = readRows<{ student_no: string; fee_fen: number; payer: string }>(
      ctx.t,
      'SELECT s.student_no, g.fee_fen, g.payer FROM signups g JOIN students s ON s.id = g.student_id ORDER BY g.batch_id, s.student_no',
    );
    const labels: Record<string, string> = {
      school: '学校承担',
      subsidy: '财政补助',
      student: '学生自愿自费',
    };
    expect(body.map((r) => [r[0], r[9], r[10]])).toEqual(
      db.map((g) => [g.student_no, labels[g.payer], g.fee_fen / 100]),
    );
    const totals = rows.slice(7).map((r) => [r[0], r[10]]);
    expect(totals).toEqual([
      ['合计（不含已撤销，5 人次）', 2600],
      ['其中学校承担', 1500],
      ['其中财政补助', 400],
      ['其中学生自愿自费', 700],
    ]);
  });
});

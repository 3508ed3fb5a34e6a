import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HandlerName } from '../../shared/contract';
import { createTestCore, type TestCore } from '../harness/core';
import { batchInput, createBatch, seedExamSchool } from '../harness/exams';
import { WEB_CERT, addStudents, setCaps, signUp, type DataCall } from '../harness/fees';
import { fails, ok, readRows } from '../harness/staff';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.dispose());

const auditCount = () =>
  readRows<{ n: number }>(t, "SELECT count(*) AS n FROM audit_log WHERE entity = 'signup'")[0].n;
const statuses = (batchId: number) =>
  readRows<{ id: number; status: string }>(
    t,
    'SELECT id, status FROM signups WHERE batch_id = ? ORDER BY id',
    batchId,
  );

describe('bulk status changes: plan, then commit exactly the applicable rows', () => {
  async function batchWithFour() {
    const seeded = await seedExamSchool(t.core, { students: 4 });
    const batch = await createBatch(t.core, batchInput(seeded.certificate.id));
    await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: seeded.students.map((s) => s.id),
      confirm: true,
    });
    const ids = statuses(batch.id).map((s) => s.id);
    return { batch, ids, students: seeded.students };
  }

  it('skips a withdrawn row with its reason and name, writes nothing, then applies the rest', async () => {
    const { batch, ids, students } = await batchWithFour();
    await ok(t, 'exams.signups.setStatus', { ids: [ids[1]], status: 'withdrawn' });
    await ok(t, 'exams.signups.setStatus', { ids: [ids[2]], status: 'paid' });
    const before = auditCount();

    const plan = await ok(t, 'exams.signups.planStatus', { ids, status: 'paid' });
    expect(plan.applicable).toEqual([ids[0], ids[3]]);
    expect(plan.unchanged).toBe(1);
    expect(plan.skipped).toEqual([
      {
        id: ids[1],
        studentNo: students[1].studentNo,
        name: students[1].name,
        reason: expect.stringContaining('不能从“已撤销”改为“已缴费”'),
      },
    ]);
    // The plan wrote nothing.
    expect(auditCount()).toBe(before);
    expect(statuses(batch.id).map((s) => s.status)).toEqual([
      'registered',
      'withdrawn',
      'paid',
      'registered',
    ]);

    // All of them at once is still refused whole, naming the withdrawn one.
    const whole = await fails(t, 'exams.signups.setStatus', { ids, status: 'paid' });
    expect(whole.code).toBe('CONFLICT');
    expect(whole.message).toContain(`${students[1].name}（${students[1].studentNo}）`);
    expect(auditCount()).toBe(before);

    expect(
      await ok(t, 'exams.signups.setStatus', { ids: plan.applicable, status: 'paid' }),
    ).toEqual({ updated: 2, unchanged: 0 });
    expect(statuses(batch.id).map((s) => s.status)).toEqual(['paid', 'withdrawn', 'paid', 'paid']);
    expect(auditCount()).toBe(before + 2);
  });

  it('refuses the commit whole when a planned row changed meanwhile: nothing half-written', async () => {
    const { batch, ids } = await batchWithFour();
    const plan = await ok(t, 'exams.signups.planStatus', { ids, status: 'paid' });
    expect(plan.applicable).toEqual(ids);
    // Someone withdraws the last one between the plan and the commit.
    await ok(t, 'exams.signups.setStatus', { ids: [ids[3]], status: 'withdrawn' });
    const before = auditCount();
    const stale = await fails(t, 'exams.signups.setStatus', {
      ids: plan.applicable,
      status: 'paid',
    });
    expect(stale.message).toContain('1 条报名不能改为“已缴费”，未做任何更改');
    expect(statuses(batch.id).map((s) => s.status)).toEqual([
      'registered',
      'registered',
      'registered',
      'withdrawn',
    ]);
    expect(auditCount()).toBe(before);
  });

  it('plans refuse ids that no longer exist', async () => {
    const { ids } = await batchWithFour();
    const gone = await fails(t, 'exams.signups.planStatus', {
      ids: [ids[0], 99_999],
      status: 'paid',
    });
    expect(gone.code).toBe('NOT_FOUND');
  });
});

describe('bulk sign-up: every match of the filter except the unticked', () => {
  it('signs up all matching students but the excepted ones', async () => {
    const seeded = await seedExamSchool(t.core, { students: 6 });
    const batch = await createBatch(t.core, batchInput(seeded.certificate.id));
    const [first, second] = seeded.students;
    const done = await ok(t, 'exams.signups.create', {
      batchId: batch.id,
      filter: {},
      exceptIds: [second.id],
      confirm: true,
    });
    expect(done.created).toBe(5);
    const signed = readRows<{ student_id: number }>(
      t,
      'SELECT student_id FROM signups WHERE batch_id = ?',
      batch.id,
    ).map((r) => r.student_id);
    expect(signed).toContain(first.id);
    expect(signed).not.toContain(second.id);

    const mixed = await fails(t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [first.id],
      exceptIds: [second.id],
    });
    expect(mixed.code).toBe('VALIDATION');
  });
});

describe('bulk fee and payer changes: plan, then commit', () => {
  let call: DataCall;
  beforeEach(() => {
    call = (name, input) => ok(t, name as HandlerName, input);
  });

  /** Students 1–3 in 初级 (cap ¥500, school-paid); student 1 also in 中级 (cap ¥800). */
  async function seed() {
    await setCaps(call);
    const students = await addStudents(call, 3);
    const { signupId } = await signUp(
      call,
      [
        { certificateId: WEB_CERT, level: 'junior', examDate: '2026-05-10', fee: 400 },
        { certificateId: WEB_CERT, level: 'intermediate', examDate: '2026-06-10', fee: 700 },
      ],
      [
        { student: students[0], batch: 0 },
        { student: students[0], batch: 1 },
        { student: students[1], batch: 0 },
        { student: students[2], batch: 0 },
      ],
    );
    return (student: number, batch: number) => signupId(students[student], batch);
  }
  const fees = (ids: number[]) =>
    ids.map(
      (id) =>
        readRows<{ fee_fen: number; payer: string }>(
          t,
          'SELECT fee_fen, payer FROM signups WHERE id = ?',
          id,
        )[0],
    );

  it('skips the batch whose cap the fee exceeds and applies it to the rest', async () => {
    const signup = await seed();
    const ids = [signup(0, 0), signup(0, 1), signup(1, 0)];
    const before = auditCount();
    const plan = await ok(t, 'fees.planChange', { signupIds: ids, fee: '600' });
    expect(plan.applicable).toEqual([signup(0, 1)]);
    expect(plan.skipped.map((s) => [s.id, s.field])).toEqual([
      [signup(0, 0), 'fee'],
      [signup(1, 0), 'fee'],
    ]);
    expect(plan.skipped[0].reason).toContain('适用的考核成本上限 ¥500.00');
    expect(auditCount()).toBe(before);
    expect(await ok(t, 'fees.change', { signupIds: plan.applicable, fee: '600' })).toEqual({
      changed: 1,
    });
    expect(fees(ids).map((f) => f.fee_fen)).toEqual([40_000, 60_000, 40_000]);
  });

  it('skips every chosen row of a student left without a school-paid exam', async () => {
    const signup = await seed();
    // Student 1 keeps the 初级 school-paid; students 2 and 3 have only one sign-up each.
    const ids = [signup(0, 1), signup(1, 0), signup(2, 0)];
    const plan = await ok(t, 'fees.planChange', { signupIds: ids, payer: 'student' });
    expect(plan.applicable).toEqual([signup(0, 1)]);
    expect(plan.skipped.map((s) => [s.studentNo, s.field])).toEqual([
      ['2023000002', 'payer'],
      ['2023000003', 'payer'],
    ]);
    expect(plan.skipped[0].reason).toContain('学生“学生2”（学号 2023000002）');
    await ok(t, 'fees.change', { signupIds: plan.applicable, payer: 'student' });
    expect(fees(ids).map((f) => f.payer)).toEqual(['student', 'school', 'school']);
    // Both of student 1's sign-ups student-paid: the pair is skipped, not one of them.
    const pair = await ok(t, 'fees.planChange', {
      signupIds: [signup(0, 0), signup(0, 1)],
      payer: 'student',
    });
    expect(pair.applicable).toEqual([]);
    expect(pair.unchanged).toBe(0);
    expect(pair.skipped).toHaveLength(2);
  });

  it('reads an empty or blank fee as “keep the fee” and changes the payer only', async () => {
    const signup = await seed();
    const ids = [signup(1, 0), signup(2, 0)];
    for (const fee of ['', '  ']) {
      const plan = await ok(t, 'fees.planChange', { signupIds: ids, fee, payer: 'subsidy' });
      expect(plan.applicable).toEqual(ids);
    }
    expect(await ok(t, 'fees.change', { signupIds: ids, fee: '', payer: 'subsidy' })).toEqual({
      changed: 2,
    });
    expect(fees(ids)).toEqual([
      { fee_fen: 40_000, payer: 'subsidy' },
      { fee_fen: 40_000, payer: 'subsidy' },
    ]);
    const nothing = await fails(t, 'fees.change', { signupIds: ids, fee: '' });
    expect(nothing.message).toContain('请填写新的费用或选择新的付费方');
  });
});

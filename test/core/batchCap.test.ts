import { describe, expect, it } from 'vitest';
import { batchInput, createBatch } from '../harness/exams';
import { examSchoolPerTest } from '../harness/examSchoolPerTest';
import { fails, ok } from '../harness/staff';

/* Rule 11 for a batch, one verdict on every path: sign-up, ledger, batch page, 规则检查, 首页. */

const ctx = examSchoolPerTest('2026-03-02T08:00:00Z', 6);

const certId = () => ctx.seeded.certificate.id;
const studentIds = () => ctx.seeded.students.map((s) => s.id);
const junior = async () =>
  (await ok(ctx.t, 'dashboard.summary', {})).exams.find((e) => e.level === 'junior');
/** The junior cap (¥500 when seeded) set to `amountFen`, the intermediate one kept. */
const setJuniorCap = async (amountFen: number) => {
  const limits = (await ok(ctx.t, 'catalogue.get', { id: certId() })).limits;
  await ok(ctx.t, 'catalogue.setLimits', {
    id: certId(),
    limits: limits.map((l) => (l.level === 'junior' ? { ...l, amountFen } : l)),
  });
};

describe('rule 11 per batch', () => {
  it('refuses a sign-up at a batch fee over a cap lowered later, as the ledger refuses that fee', async () => {
    const batch = await createBatch(ctx.t.core, batchInput(certId(), { fee: 480 }));
    const [first, second] = studentIds();
    await ok(ctx.t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [first],
      confirm: true,
    });
    await setJuniorCap(45000);

    const refused = await fails(ctx.t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [second],
      confirm: true,
    });
    expect(refused.code).toBe('CONFLICT');
    const rule =
      '考核批次“第一批”（Web前端开发）的考核费 ¥480.00 超过 2020年11月15日 适用的考核成本上限 ¥450.00（教职所〔2019〕314号，长期有效）';
    expect(refused.message).toBe(
      `${rule}。请先在考核批次中把每人考核费改为不超过上限的金额，再报名；未报名任何学生。`,
    );
    expect((await ok(ctx.t, 'exams.signups.list', { batchId: batch.id })).items).toHaveLength(1);
    // The ledger refuses the same fee by the same rule, naming it as the sign-ups' fee: the
    // batch's own 每人考核费 is not what the ledger changes.
    const [signup] = (await ok(ctx.t, 'exams.signups.list', { batchId: batch.id })).items;
    const ledger = await fails(ctx.t, 'fees.change', { signupIds: [signup.id], fee: 480 });
    expect(ledger.message).toBe(
      `${rule.replace('）的考核费', '）中报名的考核费')}，未修改任何报名。`,
    );
    // A fee the batch does not charge is named as what it is, not as the batch's fee.
    const other = await fails(ctx.t, 'fees.change', { signupIds: [signup.id], fee: 460 });
    expect(other.message).toContain('考核批次“第一批”（Web前端开发）中报名的考核费 ¥460.00 超过');

    // The batch page and list carry the verdict; 首页's 最高收费 is what the problems list names.
    const page = await ok(ctx.t, 'exams.batches.get', { id: batch.id });
    expect(page).toMatchObject({ capStanding: 'over', highestFeeFen: 48000, overLimit: rule });
    const [listed] = await ok(ctx.t, 'exams.batches.list', {});
    expect(listed.capStanding).toBe('over');
    expect(await junior()).toMatchObject({ maxFeeFen: 48000, capFen: 45000 });
    const summary = await ok(ctx.t, 'dashboard.summary', {});
    expect(summary.violations.find((v) => v.kind === 'feeOverCap')?.detail).toContain(
      '批次考核费 ¥480.00',
    );

    // The batch fee corrected down: sign-up goes ahead at the new fee; the old sign-up (¥480)
    // is still over and keeps 最高收费 at its fee, as the problems list says.
    await ok(ctx.t, 'exams.batches.save', { ...batchInput(certId(), { fee: 450 }), id: batch.id });
    await ok(ctx.t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [second],
      confirm: true,
    });
    expect(await junior()).toMatchObject({ maxFeeFen: 48000, capFen: 45000 });
    const over = (await ok(ctx.t, 'fees.violations', {})).overCap;
    expect(over.map((v) => [v.kind, v.feeFen])).toEqual([['signup', 48000]]);
    await ok(ctx.t, 'fees.change', { signupIds: [signup.id], fee: 450 });
    expect(await ok(ctx.t, 'exams.batches.get', { id: batch.id })).toMatchObject({
      capStanding: 'within',
      overLimit: null,
    });
    expect((await ok(ctx.t, 'fees.violations', {})).overCap).toEqual([]);
  });

  it('reports a batch with a fee and no cap in force as not checkable, never as within', async () => {
    // The seeded caps hold from 2019; an exam in 2018 has none.
    const limits = (await ok(ctx.t, 'catalogue.get', { id: certId() })).limits;
    await ok(ctx.t, 'catalogue.setLimits', {
      id: certId(),
      limits: limits.map((l) => ({ ...l, validFrom: '2019-01-01' })),
    });
    const batch = await createBatch(ctx.t.core, batchInput(certId(), { examDate: '2018-12-20' }));
    expect(batch).toMatchObject({ feeLimit: null, capStanding: 'unchecked', overLimit: null });
    await ok(ctx.t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: studentIds().slice(0, 1),
      confirm: true,
    });
    const violations = await ok(ctx.t, 'fees.violations', {});
    expect(violations.overCap).toEqual([]);
    expect(violations.capMissing).toEqual([
      expect.objectContaining({ batchId: batch.id, feeFen: 48000, examForm: null }),
    ]);
    expect(await junior()).toMatchObject({ maxFeeFen: 48000, capFen: null });
    const problem = (await ok(ctx.t, 'dashboard.summary', {})).violations.find(
      (v) => v.kind === 'feeCapMissing',
    );
    expect(problem).toMatchObject({
      title: 'Web前端开发（初级）第一批：没有适用的考核成本上限，无法核对考核费',
      route: 'catalogue',
    });
    expect(problem?.detail).toContain('2018年12月20日 没有适用于初级的考核成本上限');
    expect(problem?.detail).toContain(
      '请在证书目录中为“Web前端开发”初级录入该日期适用的考核成本上限',
    );

    // A cap for that day entered: checked, within, and the problem is gone.
    await ok(ctx.t, 'catalogue.setLimits', {
      id: certId(),
      limits: limits.map((l) => ({ ...l, validFrom: null })),
    });
    expect((await ok(ctx.t, 'exams.batches.get', { id: batch.id })).capStanding).toBe('within');
    expect((await ok(ctx.t, 'fees.violations', {})).capMissing).toEqual([]);
  });
});

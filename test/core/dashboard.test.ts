import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../shared/contract/dashboard';
import type { FeeTotals } from '../../shared/contract/fees';
import { createTestCore, type TestCore } from '../harness/core';
import { addStudents, setCaps, signUp, WEB_CERT } from '../harness/fees';
import { call, seedSchool } from '../harness/seed';
import { bareProject } from '../harness/seedProject';

let t: TestCore;
afterEach(() => t?.dispose());

const data = <T = unknown>(name: string, input: unknown) => call<T>(t.core, name as never, input);
const summary = () => data<DashboardSummary>('dashboard.summary', {});

describe('dashboard.summary', () => {
  it('starts empty and says the school is not filled in yet', async () => {
    t = createTestCore();
    const s = await summary();
    expect(s).toMatchObject({ schoolSaved: false, projects: [], exams: [], violations: [] });
    expect(s.weekly).toMatchObject({ configured: false, periods: [], alert: { level: 'none' } });
    expect(s.totals).toEqual({
      students: 0,
      pilotStudents: 0,
      signedUp: 0,
      passed: 0,
      feeTotalFen: 0,
      feeFen: { school: 0, subsidy: 0, student: 0 },
      withdrawn: { signups: 0, feeFen: 0 },
    });
  });

  it('shows what the sign-up, fee and weekly tables hold, and every open rule problem', async () => {
    // The test clock stands on Monday 2026-03-02.
    t = createTestCore();
    const seeded = await seedSchool(t.core, { teachers: 3, dualQualified: 0 });
    await setCaps(data);
    const project = await data<{ id: number }>(
      'projects.create',
      bareProject(WEB_CERT, 2026, {
        levels: ['junior', 'intermediate'],
        majorIds: seeded.majorIds,
        teacherIds: seeded.teacherIds,
        plannedStudents: [],
        hardwareChecks: [],
      }),
    );
    // Students 1–6; 2, 4 and 6 are not pilot students.
    const ids = await addStudents(data, 6, { nonPilot: [2, 4, 6] });
    const { batchIds, signupId } = await signUp(
      data,
      [
        // Sat before the clock's date: attendance and results exist only from the exam day on.
        { certificateId: WEB_CERT, level: 'junior', examDate: '2026-02-10', fee: 480 },
        { certificateId: WEB_CERT, level: 'intermediate', examDate: '2026-06-10', fee: 600 },
      ],
      [
        ...ids.map((student) => ({ student, batch: 0 })),
        { student: ids[2], batch: 1, payer: 'student' as const },
      ],
    );
    const status = (students: number[], to: string) =>
      data('exams.signups.setStatus', { ids: students.map((s) => signupId(s, 0)), status: to });
    await status(ids, 'paid');
    await status([ids[0], ids[1], ids[4]], 'examined');
    await status([ids[0]], 'passed');
    await status([ids[1]], 'failed');
    await status([ids[3]], 'absent');
    // Student 3's school-paid exam is withdrawn: only the self-paid one is left (rule 13).
    await status([ids[2]], 'withdrawn');
    // The province lowers the junior cap below the batch's fee (rule 11).
    await data('catalogue.setLimits', {
      id: WEB_CERT,
      limits: [
        { kind: 'cap', level: 'junior', amountFen: 47_000, document: '鄂教职成〔2026〕1号' },
      ],
    });
    // Two weeks of reports due (Fridays 17:00) and not filed.
    await data('weekly.saveSettings', {
      pilotStart: '2026-02-16',
      cadence: 'weekly',
      dueWeekday: 5,
      dueTime: '17:00',
    });

    const s = await summary();
    expect(s.schoolSaved).toBe(true);
    expect(s.projects.map((p) => [p.id, p.status])).toEqual([[project.id, 'draft']]);
    const totals = await data<FeeTotals>('fees.totals', {});
    expect(
      s.exams.map((e) => [e.level, e.signedUp, e.examined, e.passed, e.failed, e.absent]),
    ).toEqual([
      ['junior', 5, 3, 1, 1, 1],
      ['intermediate', 1, 0, 0, 0, 0],
    ]);
    expect(s.exams.map((e) => e.passRate)).toEqual([0.5, null]);
    expect(s.exams[0]).toMatchObject({
      feeFen: { school: 5 * 48_000, subsidy: 0, student: 0 },
      maxFeeFen: 48_000,
      capFen: 47_000,
      capDocument: '鄂教职成〔2026〕1号',
    });
    expect(s.exams[1].feeFen).toEqual({ school: 0, subsidy: 0, student: 60_000 });
    expect(s.totals).toEqual({
      students: 6,
      pilotStudents: 3,
      signedUp: 6,
      passed: 1,
      feeTotalFen: 300_000,
      feeFen: { school: 240_000, subsidy: 0, student: 60_000 },
      withdrawn: { signups: 1, feeFen: 48_000 },
    });
    // The same sign-ups and money the ledger's totals hold.
    expect(totals.withdrawn).toEqual(s.totals.withdrawn);
    expect(totals.all).toMatchObject({
      signups: s.totals.signedUp,
      totalFen: s.totals.feeTotalFen,
      schoolFen: s.totals.feeFen.school,
      subsidyFen: s.totals.feeFen.subsidy,
      studentFen: s.totals.feeFen.student,
    });

    expect(s.weekly).toMatchObject({
      configured: true,
      alert: { level: 'serious', longestRun: 2 },
    });
    expect(s.weekly.periods.map((p) => [p.start, p.status, p.overdue])).toEqual([
      ['2026-02-16', 'unfiled', true],
      ['2026-02-23', 'unfiled', true],
      ['2026-03-02', 'unfiled', false],
    ]);

    expect(s.violations.map((v) => [v.kind, v.route])).toEqual([
      ['weeklyReport', 'weekly'],
      ['feeOverCap', `exams/${batchIds[0]}`],
      // The 中级 batch charges a fee but the new list has no 中级 cap: it cannot be checked.
      ['feeCapMissing', 'catalogue'],
      ['schoolPaid', 'fees/rules'],
      ['selfCheck', `projects/${project.id}`],
    ]);
    const [weekly, overCap, capMissing, schoolPaid, selfCheck] = s.violations;
    expect(capMissing.title).toContain('没有适用的考核成本上限，无法核对考核费');
    expect(capMissing.detail).toContain('最高收费 ¥600.00');
    expect(capMissing.detail).toContain('请在证书目录中为“Web前端开发”中级');
    expect(weekly.title).toBe('周报：严重（2 期逾期未报送）');
    expect(overCap.detail).toContain('批次考核费 ¥480.00');
    expect(overCap.detail).toContain(
      '依据 2026年2月10日 适用的考核成本上限 ¥470.00（鄂教职成〔2026〕1号，长期有效）',
    );
    expect(schoolPaid.detail).toContain('学生3（2023000003）');
    expect(selfCheck.detail).toContain('双师型');
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { Certificate } from '../../shared/contract/catalogue';
import type { DashboardSummary } from '../../shared/contract/dashboard';
import { createTestCore, type TestCore } from '../harness/core';
import { call, seedSchool } from '../harness/seed';
import { insertBatches, insertSignups, openDataFile, type SeedSignup } from '../harness/seedExams';
import { residentId } from '../harness/students';

let t: TestCore;
afterEach(() => t?.dispose());

const summary = () => call<DashboardSummary>(t.core, 'dashboard.summary', {});

async function addStudents(count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const student = await call<{ id: number }>(t.core, 'students.save', {
      studentNo: `2024${String(i).padStart(4, '0')}`,
      name: `学生${i}`,
      idNumber: residentId('20060101', 2 * i + 1),
      gender: 'male',
      pilot: i % 2 === 0,
    });
    ids.push(student.id);
  }
  return ids;
}

describe('dashboard.summary', () => {
  it('starts empty and says the school is not filled in yet', async () => {
    t = createTestCore();
    const s = await summary();
    expect(s).toMatchObject({ schoolSaved: false, projects: [], exams: [], violations: [] });
    expect(s.totals).toEqual({
      students: 0,
      pilotStudents: 0,
      signedUp: 0,
      passed: 0,
      feeFen: { school: 0, subsidy: 0, student: 0 },
    });
  });

  it('counts sign-ups, results and fees per level as the tables hold them', async () => {
    t = createTestCore();
    const seeded = await seedSchool(t.core, { teachers: 3, dualQualified: 0 });
    const [web] = await call<Certificate[]>(t.core, 'catalogue.list', { search: 'Web前端开发' });
    await call(t.core, 'catalogue.setLevelCaps', {
      id: web.id,
      caps: [{ level: 'junior', costCapFen: 50000, capDocument: '教职所〔2019〕314号' }],
    });
    const project = await call<{ id: number }>(t.core, 'projects.create', {
      certificateId: web.id,
      year: 2026,
      levels: ['junior', 'intermediate'],
      majorIds: seeded.majorIds,
      teacherIds: seeded.teacherIds,
      roomIds: [],
      siteIds: [],
      plannedStudents: [],
      hardwareChecks: [],
    });
    const students = await addStudents(6);

    // Sign-ups have no handlers on this branch yet: rows go in through a second connection.
    const db = openDataFile(t.dataDir);
    const [junior, intermediate] = insertBatches(db, [
      { certificateId: web.id, level: 'junior', examDate: '2026-05-10', feeFen: 48000 },
      { certificateId: web.id, level: 'intermediate', examDate: '2026-06-10', feeFen: 60000 },
    ]);
    const rows: SeedSignup[] = [
      { studentId: students[0], batchId: junior, status: 'passed', feeFen: 48000 },
      { studentId: students[1], batchId: junior, status: 'failed', feeFen: 48000 },
      {
        studentId: students[2],
        batchId: junior,
        status: 'absent',
        feeFen: 48000,
        payer: 'subsidy',
      },
      { studentId: students[3], batchId: junior, status: 'examined', feeFen: 48000 },
      { studentId: students[4], batchId: junior, status: 'withdrawn', feeFen: 48000 },
      // Above the 500-yuan cap of the junior level: a violation.
      { studentId: students[5], batchId: junior, status: 'registered', feeFen: 52000 },
      {
        studentId: students[0],
        batchId: intermediate,
        status: 'paid',
        feeFen: 60000,
        payer: 'student',
      },
    ];
    insertSignups(db, rows);
    db.close();

    const s = await summary();
    expect(s.schoolSaved).toBe(true);
    expect(s.projects.map((p) => [p.id, p.status])).toEqual([[project.id, 'draft']]);
    expect(s.exams).toEqual([
      {
        certificateId: web.id,
        certificateName: 'Web前端开发',
        level: 'junior',
        signedUp: 5,
        examined: 3,
        passed: 1,
        failed: 1,
        absent: 1,
        passRate: 0.5,
        feeFen: { school: 48000 * 3 + 52000, subsidy: 48000, student: 0 },
        maxFeeFen: 52000,
        capFen: 50000,
        capDocument: '教职所〔2019〕314号',
      },
      {
        certificateId: web.id,
        certificateName: 'Web前端开发',
        level: 'intermediate',
        signedUp: 1,
        examined: 0,
        passed: 0,
        failed: 0,
        absent: 0,
        passRate: null,
        feeFen: { school: 0, subsidy: 0, student: 60000 },
        maxFeeFen: 60000,
        capFen: null,
        capDocument: null,
      },
    ]);
    expect(s.totals).toEqual({
      students: 6,
      pilotStudents: 3,
      signedUp: 6,
      passed: 1,
      feeFen: { school: 196000, subsidy: 48000, student: 60000 },
    });
    // The self-check fails (3 teachers, none 双师型) and the junior fee is above its cap.
    expect(s.violations.map((v) => [v.kind, v.route])).toEqual([
      ['selfCheck', `projects/${project.id}`],
      ['feeOverCap', 'exams'],
    ]);
    expect(s.violations[1].detail).toBe('最高收费 ¥520.00，上限 ¥500.00（教职所〔2019〕314号）');
    expect(s.violations[0].detail).toContain('双师型');
  });
});

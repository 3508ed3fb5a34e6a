import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../shared/contract/dashboard';
import type { ExamBatch } from '../../shared/contract/exams';
import type { FeeTotals, Payment } from '../../shared/contract/fees';
import type {
  WeeklyCalendar,
  WeeklyFile,
  WeeklyReportDetail,
  WeeklySettings,
} from '../../shared/contract/weekly';
import { type AlertSummary } from '../../shared/domain/weeklyReports';
import { chinaInstant } from '../../shared/domain/calendar';
import { readOwnZip } from '../../electron/core/io/zip';
import { createTestCore, type TestCore } from '../harness/core';
import { call, findCertificate, schoolProfile } from '../harness/seed';
import { addStudents } from '../harness/fees';
import { openDataFile } from '../harness/seedExams';
import { DATE_FORMAT, MONEY_FORMAT } from '../../electron/core/io/sheetWriter';
import { loadWorkbook } from '../harness/sheets';
import { artefactDir, keepPdfPages, officePart, pdfFonts, pdfPages } from '../harness/documents';

let t: TestCore;
/** The injected clock, as China wall-clock time. */
let now: Date;
const setNow = (date: string, time = '12:00') => (now = new Date(chinaInstant(date, time)));

const narrative = {
  progress: '完成Web前端开发初级考核报名。\n组织了一次模拟考试。',
  problems: '实训室排课紧张',
  nextPlan: '组织正式考核',
  experience: '',
};

beforeEach(() => {
  setNow('2026-03-02', '09:00');
  t = createTestCore(() => now);
});
afterEach(() => t.dispose());

const fails = async (name: Parameters<typeof call>[1], input: unknown) => {
  const result = await t.core.dispatch(name, input);
  if (result.ok) throw new Error(`${name} should have failed`);
  return result.error;
};
const calendar = () => call<WeeklyCalendar>(t.core, 'weekly.calendar', {});
const alert = () => call<AlertSummary>(t.core, 'weekly.alert', {});
const submit = (periodStart: string, extra: Record<string, unknown> = {}) =>
  call<WeeklyReportDetail>(t.core, 'weekly.submit', { periodStart, ...narrative, ...extra });
/** Pilot from week 10 (2026-03-02), due Fridays 17:00, unless overridden. */
const settingsInput = (overrides: Record<string, unknown> = {}) => ({
  pilotStart: '2026-03-02',
  cadence: 'weekly',
  dueWeekday: 5,
  dueTime: '17:00',
  ...overrides,
});
const settings = (overrides: Record<string, unknown> = {}) =>
  call<WeeklySettings>(t.core, 'weekly.saveSettings', settingsInput(overrides));
const auditOf = () =>
  openDataFileRows<{ entity: string; entity_id: string; action: string; after_json: string }>(
    "SELECT entity, entity_id, action, after_json FROM audit_log WHERE entity LIKE 'weekly%' ORDER BY id",
  );
function openDataFileRows<T>(sql: string): T[] {
  const db = openDataFile(t.dataDir);
  try {
    return db.prepare<[], T>(sql).all();
  } finally {
    db.close();
  }
}

describe('weekly report settings and calendar', () => {
  it('has no calendar and no alert before the pilot start is set', async () => {
    expect(await call(t.core, 'weekly.getSettings', {})).toBeNull();
    expect(await calendar()).toMatchObject({
      settings: null,
      periods: [],
      alert: { level: 'none' },
    });
    const unset = await fails('weekly.get', { periodStart: '2026-03-02' });
    expect(unset).toMatchObject({ code: 'NOT_FOUND', details: { hint: 'weeklySettings' } });
    expect(unset.message).toContain('试点开始日期');
  });

  it('validates the settings with field messages', async () => {
    const error = await fails('weekly.saveSettings', {
      pilotStart: '2026-02-30',
      cadence: 'monthly',
      dueWeekday: 8,
      dueTime: '25:00',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.map((f) => f.path).sort()).toEqual([
      'cadence',
      'dueTime',
      'dueWeekday',
      'pilotStart',
    ]);
  });

  it('lists the periods to now with their statuses; three missed weeks raise the top alert', async () => {
    await settings();
    setNow('2026-03-21');
    const cal = await calendar();
    expect(cal.periods.map((p) => [p.start, p.status, p.overdue])).toEqual([
      ['2026-03-02', 'unfiled', true],
      ['2026-03-09', 'unfiled', true],
      ['2026-03-16', 'unfiled', true],
    ]);
    expect(cal.alert).toMatchObject({ level: 'critical', longestRun: 3 });
    expect(cal.now).toBe(now.toISOString());

    // Filing late: the oldest, then the newest; each stays 逾期报送 and the alert drops.
    await call(t.core, 'school.save', { ...schoolProfile, weeklyReporterName: '李老师' });
    await submit('2026-03-02');
    expect(await alert()).toMatchObject({ level: 'serious', longestRun: 2 });
    await submit('2026-03-16');
    expect(await alert()).toMatchObject({ level: 'warning', missedStarts: ['2026-03-09'] });
    await submit('2026-03-09');
    const after = await calendar();
    expect(after.alert).toMatchObject({ level: 'none', lateCount: 3, longestNotOnTimeRun: 3 });
    expect(after.periods.map((p) => [p.status, p.submitter, p.submittedAt])).toEqual([
      ['late', '李老师', now.toISOString()],
      ['late', '李老师', now.toISOString()],
      ['late', '李老师', now.toISOString()],
    ]);
  });

  it('a cadence change mid-pilot applies from this week; earlier periods stay as scheduled', async () => {
    await settings();
    setNow('2026-03-18');
    const changed = await settings({ cadence: 'biweekly', dueWeekday: 1, dueTime: '09:00' });
    expect(changed.rules).toEqual([
      { effectiveFrom: '2026-03-02', cadence: 'weekly', dueWeekday: 5, dueTime: '17:00' },
      { effectiveFrom: '2026-03-16', cadence: 'biweekly', dueWeekday: 1, dueTime: '09:00' },
    ]);
    expect(changed).toMatchObject({ cadence: 'biweekly', dueWeekday: 1 });
    setNow('2026-04-01');
    const cal = await calendar();
    expect(cal.periods.map((p) => [p.start, p.end, p.cadence])).toEqual([
      ['2026-03-02', '2026-03-08', 'weekly'],
      ['2026-03-09', '2026-03-15', 'weekly'],
      ['2026-03-16', '2026-03-29', 'biweekly'],
      ['2026-03-30', '2026-04-12', 'biweekly'],
    ]);
    // Saving the same rule again adds nothing.
    expect(
      (await settings({ cadence: 'biweekly', dueWeekday: 1, dueTime: '09:00' })).rules,
    ).toHaveLength(2);
  });

  it('a change never moves a deadline that has passed: three missed weeks stay missed', async () => {
    await settings();
    // Saturday: the Friday deadlines of weeks 10–12 have passed, none filed.
    setNow('2026-03-21', '10:00');
    const dues = async () => (await calendar()).periods.map((p) => [p.start, p.dueAt]);
    const missed = await dues();
    expect((await alert()).level).toBe('critical');
    // Due day to Sunday, then a fortnight: both apply from the next period, 2026-03-23.
    for (const change of [{ dueWeekday: 7 }, { cadence: 'biweekly', dueWeekday: 7 }]) {
      const saved = await settings(change);
      expect(saved.rules.map((r) => r.effectiveFrom)).toEqual(['2026-03-02', '2026-03-23']);
      expect(await dues()).toEqual(missed);
      expect((await alert()).level).toBe('critical');
    }
    // Midweek, the open week's due day moved to Monday would already have passed: from the next.
    await settings();
    setNow('2026-03-25');
    const open = (await calendar()).periods.at(-1)!;
    expect(open).toMatchObject({ start: '2026-03-23', status: 'unfiled' });
    const earlier = await settings({ dueWeekday: 1, dueTime: '09:00' });
    expect(earlier.rules.at(-1)).toMatchObject({ effectiveFrom: '2026-03-30', dueWeekday: 1 });
    expect((await calendar()).periods.at(-1)).toMatchObject({ dueAt: open.dueAt });
    // A later due day for the open week is fine: it applies to this week already.
    const later = await settings({ dueWeekday: 7 });
    expect(later.rules.at(-1)).toMatchObject({ effectiveFrom: '2026-03-23', dueWeekday: 7 });
  });

  it('asks before a new pilot start drops or moves periods already due; adding earlier ones is fine', async () => {
    await settings();
    setNow('2026-03-21', '10:00');
    const later = await fails('weekly.saveSettings', settingsInput({ pilotStart: '2026-03-09' }));
    expect(later.code).toBe('NEEDS_CONFIRMATION');
    expect(later.message).toContain('原来已到期 3 期（其中未按时报送 3 期），改后已到期 2 期');
    expect(await call(t.core, 'weekly.getSettings', {})).toMatchObject({
      pilotStart: '2026-03-02',
    });
    expect((await alert()).level).toBe('critical');
    // Confirmed (a wrong date on file), it is saved and on the audit log.
    expect(await settings({ pilotStart: '2026-03-09', confirm: true })).toMatchObject({
      pilotStart: '2026-03-09',
    });
    expect(auditOf().at(-1)).toMatchObject({ entity: 'weekly_settings', action: 'update' });
    // An earlier start adds periods and keeps every deadline on file: no question.
    expect(await settings({ pilotStart: '2026-02-23' })).toMatchObject({
      pilotStart: '2026-02-23',
    });
  });

  it('refuses a pilot start that would orphan a report on file, and changes nothing', async () => {
    await call(t.core, 'school.save', { ...schoolProfile, weeklyReporterName: '李老师' });
    await settings();
    setNow('2026-03-04');
    await submit('2026-03-02');
    const error = await fails('weekly.saveSettings', {
      pilotStart: '2026-03-10',
      cadence: 'weekly',
      dueWeekday: 5,
      dueTime: '17:00',
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.fields?.[0].path).toBe('pilotStart');
    expect(await call(t.core, 'weekly.getSettings', {})).toMatchObject({
      pilotStart: '2026-03-02',
    });
  });
});

describe('rule 16 as a standing fact', () => {
  it('three missed weeks stay 已发生 after a late filing, in the calendar, the report and 首页', async () => {
    await settings();
    setNow('2026-03-21', '10:00');
    expect((await alert()).level).toBe('critical');
    await submit('2026-03-16', { submitter: '李老师' });
    const after = await alert();
    expect(after.level).toBe('serious');
    expect(after.notOnTimeRuns).toMatchObject([
      { from: '2026-03-02', to: '2026-03-22', stillMissing: 2 },
    ]);
    const report = await call<WeeklyReportDetail>(t.core, 'weekly.get', {
      periodStart: '2026-03-16',
    });
    expect(report.notOnTimeRuns).toEqual(after.notOnTimeRuns);
    const home = await call<DashboardSummary>(t.core, 'dashboard.summary', {});
    expect(home.weekly.alert.notOnTimeRuns).toEqual(after.notOnTimeRuns);
    expect(home.violations.map((v) => v.title)).toContain('周报：已发生连续 3 期未按时报送');
    // 下次截止 on a Saturday names next Friday.
    expect(after.nextDueAt).toBe(chinaInstant('2026-03-27', '17:00'));
    // The export states it too, beside the report.
    const docx = await call<WeeklyFile>(t.core, 'weekly.export', {
      periodStart: '2026-03-16',
      format: 'docx',
    });
    const xml = (await readOwnZip(Buffer.from(docx.contentBase64, 'base64'))).find(
      (e) => e.name === 'word/document.xml',
    );
    expect(xml!.data.toString('utf8').replace(/<[^>]+>/g, '')).toContain(
      '已发生：2026年第10周至2026年第12周连续 3 期未按时报送周报，其中 2 期至今未报送。',
    );
  });

  it('the threshold and 开机启动 are settings, kept when a save leaves them out', async () => {
    expect(await settings({ notOnTimeThreshold: 2, startWithSystem: true })).toMatchObject({
      notOnTimeThreshold: 2,
      startWithSystem: true,
    });
    expect(await settings({ dueTime: '16:00' })).toMatchObject({
      notOnTimeThreshold: 2,
      startWithSystem: true,
    });
    setNow('2026-03-14', '10:00');
    expect(await alert()).toMatchObject({ level: 'critical', threshold: 2, longestRun: 2 });
    expect(
      (
        await fails('weekly.saveSettings', {
          pilotStart: '2026-03-02',
          cadence: 'weekly',
          dueWeekday: 5,
          dueTime: '17:00',
          notOnTimeThreshold: 1,
        })
      ).details?.fields?.[0],
    ).toMatchObject({ path: 'notOnTimeThreshold' });
  });
});

describe('writing, sending and correcting a report', () => {
  beforeEach(async () => {
    await settings();
    setNow('2026-03-05', '10:00');
  });

  it('a draft is editable; 报送 locks it with the core time and the school’s reporter', async () => {
    let detail = await call<WeeklyReportDetail>(t.core, 'weekly.saveDraft', {
      periodStart: '2026-03-02',
      progress: '草稿',
    });
    expect(detail.period.status).toBe('draft');
    detail = await call<WeeklyReportDetail>(t.core, 'weekly.saveDraft', {
      periodStart: '2026-03-02',
      ...narrative,
    });
    expect(detail.revisions).toHaveLength(1);
    expect(detail.revisions[0]).toMatchObject({ revision: 1, status: 'draft', ...narrative });

    // No reporter anywhere: the submitter field is asked for, nothing is sent.
    const error = await fails('weekly.submit', {
      periodStart: '2026-03-02',
      ...narrative,
      progress: '',
    });
    expect(error.details?.fields?.map((f) => f.path)).toEqual(['progress', 'submitter']);
    expect((await calendar()).periods[0].status).toBe('draft');

    await call(t.core, 'school.save', { ...schoolProfile, weeklyReporterName: '李老师' });
    detail = await submit('2026-03-02');
    expect(detail.period).toMatchObject({
      status: 'submitted',
      submitter: '李老师',
      submittedAt: '2026-03-05T02:00:00.000Z',
    });
    expect(detail.revisions[0]).toMatchObject({
      status: 'submitted',
      submitter: '李老师',
      submittedAt: '2026-03-05T02:00:00.000Z',
    });

    const locked = await fails('weekly.saveDraft', { periodStart: '2026-03-02', progress: '改' });
    // The core names no button: the page words the hint with its own label.
    expect(locked).toMatchObject({ code: 'CONFLICT', details: { hint: 'weeklyCorrection' } });
    expect(locked.message).toContain('请新建一个更正版本');
    expect(await fails('weekly.submit', { periodStart: '2026-03-02', ...narrative })).toMatchObject(
      { code: 'CONFLICT', details: { hint: 'weeklyCorrection' } },
    );
    // The database itself refuses to change a sent revision.
    const db = openDataFile(t.dataDir);
    try {
      expect(() =>
        db.prepare("UPDATE weekly_report_revisions SET progress = 'x' WHERE revision = 1").run(),
      ).toThrow('已报送的周报不能修改');
    } finally {
      db.close();
    }
  });

  it('a correction is a new revision; the sent one stays readable and the period keeps its first send time', async () => {
    await submit('2026-03-02', { submitter: '王老师' });
    setNow('2026-03-10');
    let detail = await call<WeeklyReportDetail>(t.core, 'weekly.revise', {
      periodStart: '2026-03-02',
    });
    expect(detail.revisions.map((r) => [r.revision, r.status])).toEqual([
      [2, 'draft'],
      [1, 'submitted'],
    ]);
    expect(detail.period).toMatchObject({ status: 'submitted', correcting: true });
    await call(t.core, 'weekly.saveDraft', {
      periodStart: '2026-03-02',
      ...narrative,
      problems: '更正：实训室排课已解决',
    });
    detail = await submit('2026-03-02', {
      submitter: '王老师',
      problems: '更正：实训室排课已解决',
    });
    expect(detail.revisions.map((r) => [r.revision, r.status, r.problems])).toEqual([
      [2, 'submitted', '更正：实训室排课已解决'],
      [1, 'submitted', '实训室排课紧张'],
    ]);
    // Still on time: the period was first sent before its due time.
    expect(detail.period).toMatchObject({
      status: 'submitted',
      submittedAt: '2026-03-05T02:00:00.000Z',
      submitter: '王老师',
      correcting: false,
      submittedRevisions: 2,
    });

    const audit = auditOf();
    expect(audit.map((a) => [a.entity, a.entity_id, a.action])).toEqual([
      ['weekly_settings', '1', 'create'],
      ['weekly_report', '2026-03-02', 'update'],
      ['weekly_report', '2026-03-02', 'create'],
      ['weekly_report', '2026-03-02', 'update'],
      ['weekly_report', '2026-03-02', 'update'],
    ]);
    expect(JSON.parse(audit[1].after_json)).toMatchObject({
      revision: 1,
      status: 'submitted',
      submitter: '王老师',
      late: false,
    });
    expect(JSON.parse(audit[2].after_json)).toMatchObject({ revision: 2, correctionOf: 1 });
  });

  it('refuses periods that do not exist or have not started', async () => {
    expect((await fails('weekly.get', { periodStart: '2026-03-03' })).code).toBe('NOT_FOUND');
    expect((await fails('weekly.saveDraft', { periodStart: '2026-03-09' })).code).toBe('NOT_FOUND');
    expect((await fails('weekly.revise', { periodStart: '2026-03-02' })).code).toBe('CONFLICT');
  });
});

describe('figures and exports', () => {
  /**
   * Through the handlers, at the injected clock (so every change has its audit-log time):
   * before the pilot start one sign-up; in week 10 (3/2–3/8) sign-ups, a withdrawal, results,
   * two payments; week 10 is sent on Friday 3/6 16:00; at 18:00 a late result and a certificate.
   */
  async function seedExamData() {
    setNow('2026-02-27', '10:00');
    await call(t.core, 'school.save', { ...schoolProfile, weeklyReporterName: '李老师' });
    const web = await findCertificate(t.core);
    const logistics = await findCertificate(t.core, '物流管理');
    const students = await addStudents((name, input) => call(t.core, name as never, input), 6);
    const batch = async (certificateId: number, level: string, examDate: string, fee: number) =>
      (
        await call<ExamBatch>(t.core, 'exams.batches.save', {
          certificateId,
          level,
          examDate,
          fee,
          name: '',
          organization: '工业和信息化部教育与考试中心',
        })
      ).id;
    const webJunior = await batch(web.id, 'junior', '2026-03-06', 300);
    const webLater = await batch(web.id, 'intermediate', '2026-03-20', 400);
    const logisticsJunior = await batch(logistics.id, 'junior', '2026-03-04', 250);
    const signUp = (batchId: number, studentIds: number[]) =>
      call(t.core, 'exams.signups.create', { batchId, studentIds, confirm: true });
    await signUp(webJunior, [students[5]]);

    setNow('2026-03-03', '10:00');
    await signUp(webJunior, students.slice(0, 3));
    await signUp(logisticsJunior, [students[3]]);
    await signUp(webLater, [students[4]]);
    const ledger = await call<{ items: { id: number; studentId: number }[] }>(
      t.core,
      'fees.ledger',
      { pageSize: 100 },
    );
    const signup = (student: number) => ledger.items.find((r) => r.studentId === student)!.id;
    const setStatus = (ids: number[], status: string) =>
      call(t.core, 'exams.signups.setStatus', { ids, status });
    setNow('2026-03-04', '10:00');
    await call(t.core, 'fees.savePayment', {
      organization: '工业和信息化部教育与考试中心',
      batchId: webJunior,
      amount: 900,
      paidOn: '2026-03-04',
    });
    await call(t.core, 'fees.savePayment', {
      organization: '某机构',
      amount: 12.5,
      paidOn: '2026-02-20',
    });
    setNow('2026-03-05', '10:00');
    await setStatus([signup(students[4])], 'withdrawn');
    setNow('2026-03-06', '10:00');
    const sat = [0, 1, 2, 3].map((i) => signup(students[i]));
    await setStatus(sat, 'paid');
    await setStatus(sat, 'examined');
    await setStatus([signup(students[0])], 'passed');
    await setStatus([signup(students[1])], 'failed');
    await setStatus([signup(students[2])], 'absent');
    setNow('2026-03-06', '16:00');
    await submit('2026-03-02');
    // Recorded after week 10 was sent: it belongs to the next report.
    setNow('2026-03-06', '18:00');
    await call(t.core, 'exams.signups.saveResult', {
      id: signup(students[3]),
      status: 'passed',
      score: 80,
      certificateNo: 'WL-001',
      issuedOn: '2026-03-06',
    });
    return { web, logistics };
  }

  const periodDetail = (periodStart: string) =>
    call<WeeklyReportDetail>(t.core, 'weekly.get', { periodStart });

  beforeEach(async () => {
    setNow('2026-02-27', '09:00');
    await settings();
  });

  it('counts what was recorded in the window, by certificate; the sent report keeps it', async () => {
    await seedExamData();
    const week10 = await periodDetail('2026-03-02');
    expect(week10.defaultSubmitter).toBe('李老师');
    const sent = week10.revisions[0].figures;
    expect(sent).toMatchObject({
      basis: 'recorded',
      windowFrom: null,
      windowTo: chinaInstant('2026-03-06', '16:00'),
    });
    expect(sent.totals).toEqual({
      signups: 6,
      withdrawn: 1,
      feeFen: 145000,
      examined: 3,
      passed: 1,
      issued: 0,
      paidFen: 91250,
    });
    expect(
      sent.byCertificate.map((r) => [
        r.certificateName,
        r.level,
        r.signups,
        r.withdrawn,
        r.examined,
        r.passed,
        r.issued,
        r.feeFen,
        r.paidFen,
      ]),
    ).toEqual([
      // Certificates in Chinese collation order, levels 初级 → 高级, unlinked payments last.
      ['物流管理', 'junior', 1, 0, 1, 0, 0, 25000, 0],
      ['Web前端开发', 'junior', 4, 0, 2, 1, 0, 120000, 90000],
      ['Web前端开发', 'intermediate', 1, 1, 0, 0, 0, 0, 0],
      ['未关联考核批次', null, 0, 0, 0, 0, 0, 0, 1250],
    ]);
    // A payment shows its 缴费日期 (here before the pilot start, recorded in week 10).
    expect(sent.payments.map((p) => [p.organization, p.paidOn, p.amountFen, p.action])).toEqual([
      ['工业和信息化部教育与考试中心', '2026-03-04', 90000, 'create'],
      ['某机构', '2026-02-20', 1250, 'create'],
    ]);
    // Recomputed now, the sent window gives the same figures.
    expect(week10.liveFigures).toEqual(sent);
  });

  it('a result recorded after its report was sent appears in the next report, once', async () => {
    await seedExamData();
    setNow('2026-03-10', '09:00');
    const week11 = await periodDetail('2026-03-09');
    expect(week11.liveFigures).toMatchObject({
      windowFrom: chinaInstant('2026-03-06', '16:00'),
      windowTo: chinaInstant('2026-03-16', '00:00'),
      // 已考 was recorded in week 10; 通过 and the certificate after it was sent.
      totals: { signups: 0, examined: 0, passed: 1, issued: 1, paidFen: 0 },
    });
    const week10 = await periodDetail('2026-03-02');
    expect(week10.revisions[0].figures.totals.passed).toBe(1);
    // The flows of all periods add up to the ledger's totals now.
    const totals = await call<FeeTotals>(t.core, 'fees.totals', {});
    const paid = (await call<Payment[]>(t.core, 'fees.payments', {})).reduce(
      (n, p) => n + p.amountFen,
      0,
    );
    const both = [week10.revisions[0].figures.totals, week11.liveFigures.totals];
    const sum = (k: keyof (typeof both)[number]) => both.reduce((n, f) => n + (f[k] ?? 0), 0);
    expect(sum('signups') - sum('withdrawn')).toBe(totals.all.signups);
    expect(sum('feeFen')).toBe(totals.all.totalFen);
    expect(sum('paidFen')).toBe(paid);
  });

  it('attendance recorded on exam day counts as 实考 in its week; 缺考 and 违纪 do not', async () => {
    await seedExamData();
    setNow('2026-03-10', '09:00');
    const web = await findCertificate(t.core);
    const { id: batchId } = await call<ExamBatch>(t.core, 'exams.batches.save', {
      certificateId: web.id,
      level: 'senior',
      examDate: '2026-03-12',
      fee: 0,
      name: '',
      organization: '工业和信息化部教育与考试中心',
    });
    const ledger = await call<{ items: { studentId: number }[] }>(t.core, 'fees.ledger', {
      pageSize: 100,
    });
    const studentIds = [...new Set(ledger.items.map((r) => r.studentId))].slice(0, 3);
    await call(t.core, 'exams.signups.create', { batchId, studentIds, confirm: true });
    setNow('2026-03-12', '11:30');
    const signups = await call<{ items: { id: number; studentId: number }[] }>(
      t.core,
      'exams.signups.list',
      { batchId },
    );
    const idOf = (studentId: number) => signups.items.find((r) => r.studentId === studentId)!.id;
    await call(t.core, 'exams.attendance.save', {
      batchId,
      entries: [
        { id: idOf(studentIds[0]), mark: 'present' },
        { id: idOf(studentIds[1]), mark: 'absent' },
        { id: idOf(studentIds[2]), mark: 'violation' },
      ],
    });
    const week11 = await periodDetail('2026-03-09');
    const senior = week11.liveFigures.byCertificate.find((r) => r.level === 'senior');
    expect(senior).toMatchObject({ signups: 3, examined: 1, passed: 0 });
    expect(week11.liveFigures.totals).toMatchObject({ signups: 3, examined: 1 });
  });

  it('a correction sent later keeps the figures of the first sending', async () => {
    await seedExamData();
    setNow('2026-03-11', '09:00');
    await call(t.core, 'weekly.revise', { periodStart: '2026-03-02' });
    const corrected = await submit('2026-03-02', { problems: '补充说明' });
    expect(corrected.revisions[0].figures).toEqual(corrected.revisions[1].figures);
  });

  it('reports sent before flows keep their numbers, marked with the old method', async () => {
    await seedExamData();
    const db = openDataFile(t.dataDir);
    try {
      // A revision as sent by an earlier version: figures by exam date, no basis.
      db.prepare(
        `INSERT INTO weekly_reports (period_start, period_end, first_submitted_at, created_at, updated_at)
         VALUES ('2026-02-23', '2026-03-01', '2026-02-27T08:00:00.000Z', 'x', 'x')`,
      ).run();
      const figures = {
        from: '2026-02-23',
        to: '2026-03-01',
        totals: { signups: 2, exams: 1, examined: 1, passed: 1, issued: 0, paidFen: 500 },
        byCertificate: [],
      };
      db.prepare(
        `INSERT INTO weekly_report_revisions (report_id, revision, status, progress, figures_json,
           submitter, submitted_at, created_at, updated_at)
         VALUES ((SELECT id FROM weekly_reports WHERE period_start = '2026-02-23'), 1, 'submitted',
           '旧周报', ?, '李老师', '2026-02-27T08:00:00.000Z', 'x', 'x')`,
      ).run(JSON.stringify(figures));
    } finally {
      db.close();
    }
    await call(t.core, 'weekly.saveSettings', {
      pilotStart: '2026-02-23',
      cadence: 'weekly',
      dueWeekday: 5,
      dueTime: '17:00',
    });
    const old = await periodDetail('2026-02-23');
    expect(old.revisions[0].figures).toMatchObject({
      basis: 'eventDate',
      totals: { signups: 2, exams: 1, withdrawn: 0, feeFen: 0, paidFen: 500 },
    });
  });

  /** The exam data and a ¥999,999.99 payment on 2026-03-10 (week 11), the clock that day. */
  async function seedSixFigurePayment() {
    await seedExamData();
    setNow('2026-03-10', '10:00');
    await call(t.core, 'fees.savePayment', {
      organization: '某机构',
      amount: 999_999.99,
      paidOn: '2026-03-10',
    });
  }

  it('prints a six-figure payment whole in the report PDF, not broken over two lines', async () => {
    await seedSixFigurePayment();
    const pdf = await call<WeeklyFile>(t.core, 'weekly.export', {
      periodStart: '2026-03-09',
      format: 'pdf',
    });
    const pdfFile = path.join(t.dataDir, 'weekly-11.pdf');
    writeFileSync(pdfFile, Buffer.from(pdf.contentBase64, 'base64'));
    const lines = pdfPages(pdfFile).flatMap((p) => p.lines.map((l) => l.text));
    // The figures table: the 未关联考核批次 row and 合计, each with the amount on its line.
    expect(lines.find((l) => l.startsWith('未关联考核批次'))).toContain('¥999,999.99');
    expect(lines.find((l) => l.startsWith('合计'))).toContain('¥999,999.99');
  });

  it('gives 缴费金额 in the range summary (Word) room for a six-figure payment on one line', async () => {
    await seedSixFigurePayment();
    const docx = await call<WeeklyFile>(t.core, 'weekly.exportRange', {
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'docx',
    });
    const file = path.join(t.dataDir, 'weekly-range.docx');
    writeFileSync(file, Buffer.from(docx.contentBase64, 'base64'));
    const table = officePart(file, 'word/document.xml')
      .split('<w:tbl>')
      .find((x) => x.includes('缴费金额'))!;
    expect(table.replace(/<[^>]+>/g, '')).toContain('¥999,999.99');
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
    expect(grid).toHaveLength(8);
    // ¥999,999.99 in 五号 (10.5 pt) is about 60 pt (11 half-width characters at most 0.55 em),
    // and Word's default cell margins take 5.4 pt a side: 71 pt, 1,420 twips, at the least.
    expect(grid[7]).toBeGreaterThanOrEqual(1420);
  });

  it('exports one report as docx, pdf and xlsx with the figures and the narrative, byte-stable', async (context) => {
    await seedExamData();
    const docx = await call<WeeklyFile>(t.core, 'weekly.export', {
      periodStart: '2026-03-02',
      format: 'docx',
    });
    expect(docx.fileName).toBe('周报_2026年第10周.docx');
    const bytes = Buffer.from(docx.contentBase64, 'base64');
    const xml = (await readOwnZip(bytes)).find((e) => e.name === 'word/document.xml');
    const text = xml!.data.toString('utf8').replace(/<[^>]+>/g, '');
    for (const expected of [
      '1+X证书制度试点工作周报',
      '填报学校湖北示例职业技术学院',
      '报告期2026年3月2日至2026年3月8日（2026年第10周）',
      '填报人李老师联系电话',
      '报送时间2026年3月6日 16:00截止时间2026年3月6日 17:00',
      'Web前端开发初级40210¥1,200.00¥900.00',
      '合计61310¥1,450.00¥912.50',
      '统计口径：按记录录入系统的时间',
      '缴费日期 2026年3月4日 · 工业和信息化部教育与考试中心 · ¥900.00（新增）',
      '二、本周工作进展完成Web前端开发初级考核报名。组织了一次模拟考试。',
      '五、典型经验无',
      '填报人签字：湖北示例职业技术学院（盖章）',
    ]) {
      expect(text).toContain(expected);
    }
    // The app's own bookkeeping (草稿, 已逾期, 版本) is not in the report a school sends.
    expect(text).not.toContain('状态：');

    // As it prints: the same report as a PDF in the documents' house style, fonts embedded.
    const pdf = await call<WeeklyFile>(t.core, 'weekly.export', {
      periodStart: '2026-03-02',
      format: 'pdf',
    });
    expect(pdf.fileName).toBe('周报_2026年第10周.pdf');
    const pdfFile = await keepPdfPages(
      context,
      artefactDir('weekly'),
      '周报_2026年第10周',
      Buffer.from(pdf.contentBase64, 'base64'),
    );
    const pages = pdfPages(pdfFile);
    const lines = pages.flatMap((p) => p.lines.map((l) => l.text));
    expect(lines[0]).toBe('1+X证书制度试点工作周报');
    expect(lines).toContain('五、典型经验');
    expect(pages.at(-1)!.lines.map((l) => l.text)).toContain('湖北示例职业技术学院（盖章）');
    expect(pdfFonts(pdfFile).every((f) => f.embedded)).toBe(true);
    const again = await call<WeeklyFile>(t.core, 'weekly.export', {
      periodStart: '2026-03-02',
      format: 'docx',
    });
    expect(again.contentBase64).toBe(docx.contentBase64);

    const xlsx = await call<WeeklyFile>(t.core, 'weekly.export', {
      periodStart: '2026-03-02',
      format: 'xlsx',
    });
    const wb = await loadWorkbook(Buffer.from(xlsx.contentBase64, 'base64'));
    const info = wb.getWorksheet('周报')!;
    expect(info.getCell('B3').value).toBe('2026年3月2日至2026年3月8日');
    expect(info.getCell('A8').value).toBe('统计口径');
    // The period's 试点经费 line, as the page and the Word file show it: 考核费 are its payments.
    expect([info.getCell('A9').value, info.getCell('B9').value]).toEqual([
      '本期试点经费',
      '本期试点经费：收入 ¥0.00，支出 ¥912.50（其中考核费 ¥912.50）',
    ]);
    expect(info.getCell('A10').value).toBe('本周工作进展');
    expect(info.getCell('B10').value).toBe(narrative.progress);
    const figures = wb.getWorksheet('本期数据')!;
    expect(figures.getCell('H1').value).toBe('费用变动（元）');
    expect(figures.getRow(3).values).toEqual([
      undefined,
      'Web前端开发',
      '初级',
      4,
      0,
      2,
      1,
      0,
      1200,
      900,
    ]);
    expect(figures.getRow(6).values).toEqual([undefined, '合计', '', 6, 1, 3, 1, 0, 1450, 912.5]);
    const paidRows = wb.getWorksheet('本期缴费')!;
    expect(paidRows.getRow(3).values).toEqual([
      undefined,
      // A date cell shown as 2026年2月20日; the amount a number shown as money.
      new Date(Date.UTC(2026, 1, 20)),
      '某机构',
      12.5,
      '新增',
      '2026年3月4日 10:00',
    ]);
    expect(paidRows.getCell('A3').numFmt).toBe(DATE_FORMAT);
    expect(paidRows.getCell('C3').numFmt).toBe(MONEY_FORMAT);
  });

  it('exports a range summary with one row per period, filed or not', async () => {
    await seedExamData();
    setNow('2026-03-06', '18:30');
    await call(t.core, 'weekly.revise', { periodStart: '2026-03-02' });
    await submit('2026-03-02', { nextPlan: '=HYPERLINK("x")' });
    setNow('2026-03-21');
    const xlsx = await call<WeeklyFile>(t.core, 'weekly.exportRange', {
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'xlsx',
    });
    expect(xlsx.fileName).toBe('周报汇总_2026-03-01至2026-03-31.xlsx');
    const ws = (await loadWorkbook(Buffer.from(xlsx.contentBase64, 'base64'))).getWorksheet(
      '周报汇总',
    )!;
    expect(ws.rowCount).toBe(4);
    // Weeks 11 and 12 passed their due time unsent: the sheet says so, as the Word file does.
    expect([2, 3, 4].map((r) => [ws.getCell(r, 1).value, ws.getCell(r, 5).value])).toEqual([
      ['2026年第10周', '已报送'],
      ['2026年第11周', '未填（已逾期）'],
      ['2026年第12周', '未填（已逾期）'],
    ]);
    expect(ws.getCell(2, 7).value).toBe('李老师');
    expect(ws.getCell(2, 14).value).toBe(1450);
    expect(ws.getCell(2, 15).value).toBe(912.5);
    // 试点经费 收入 and 支出 of the period: its payments are its 考核费.
    expect([ws.getCell(2, 16).value, ws.getCell(2, 17).value]).toEqual([0, 912.5]);
    expect(ws.getCell(3, 12).value).toBe(1); // week 11: the pass recorded after 报送
    // A formula typed into the narrative is kept as text.
    expect(ws.getCell(2, 20).value).toBe('\'=HYPERLINK("x")');

    const docx = await call<WeeklyFile>(t.core, 'weekly.exportRange', {
      from: '2026-03-01',
      to: '2026-03-31',
      format: 'docx',
    });
    const xml = (await readOwnZip(Buffer.from(docx.contentBase64, 'base64'))).find(
      (e) => e.name === 'word/document.xml',
    );
    const text = xml!.data.toString('utf8').replace(/<[^>]+>/g, '');
    expect(text).toContain('1+X证书制度试点工作周报汇总');
    expect(text).toContain('共 3 期');
    expect(text).toContain('2026年第12周（未填）');
    expect(text).toContain('未填（已逾期）');
    expect(text).toContain('本期试点经费：收入 ¥0.00，支出 ¥912.50（其中考核费 ¥912.50）');

    const bad = await fails('weekly.exportRange', {
      from: '2026-03-31',
      to: '2026-03-01',
      format: 'xlsx',
    });
    expect(bad.details?.fields?.[0]).toEqual({ path: 'to', message: '起始日期不能晚于截止日期' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  alertOf,
  dueReminder,
  figureWindow,
  notOnTimeRuns,
  notOnTimeRunText,
  reminderTimes,
  standingOf,
  listPeriods,
  reportCalendar,
  type ReportOnFile,
  type ScheduleRule,
  type WeeklySchedule,
} from '../../../shared/domain/weeklyReports';
import { chinaInstant, isoWeek } from '../../../shared/domain/calendar';

const weekly = (effectiveFrom: string, dueWeekday = 5, dueTime = '17:00'): ScheduleRule => ({
  effectiveFrom,
  cadence: 'weekly',
  dueWeekday,
  dueTime,
});
const biweekly = (effectiveFrom: string, dueWeekday = 5, dueTime = '17:00'): ScheduleRule => ({
  effectiveFrom,
  cadence: 'biweekly',
  dueWeekday,
  dueTime,
});
/** An injected clock: a China-time wall-clock reading. */
const at = (date: string, time = '12:00') => new Date(chinaInstant(date, time));
const sent = (periodStart: string, when: string): ReportOnFile => ({
  periodStart,
  firstSubmittedAt: when,
  submitter: '李老师',
  hasDraft: false,
  submittedRevisions: 1,
});
const draft = (periodStart: string): ReportOnFile => ({
  periodStart,
  firstSubmittedAt: null,
  submitter: '',
  hasDraft: true,
  submittedRevisions: 0,
});

const march: WeeklySchedule = { pilotStart: '2026-03-02', rules: [weekly('2026-03-02')] };

describe('ISO weeks', () => {
  it.each([
    ['2020-12-28', 2020, 53],
    ['2021-01-03', 2020, 53],
    ['2021-01-04', 2021, 1],
    ['2026-12-28', 2026, 53],
    ['2027-01-01', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2025-12-29', 2026, 1],
    ['2024-12-23', 2024, 52],
  ])('%s is week %i-W%i', (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week });
  });
});

describe('report periods', () => {
  it('lists one period per week from the pilot start to now, due Friday 17:00 China time', () => {
    const periods = listPeriods(march, at('2026-03-18'));
    expect(periods.map((p) => [p.index, p.start, p.end, p.dueAt, p.label])).toEqual([
      [1, '2026-03-02', '2026-03-08', '2026-03-06T09:00:00.000Z', '2026年第10周'],
      [2, '2026-03-09', '2026-03-15', '2026-03-13T09:00:00.000Z', '2026年第11周'],
      [3, '2026-03-16', '2026-03-22', '2026-03-20T09:00:00.000Z', '2026年第12周'],
    ]);
  });

  it('uses China time for "today": Sunday 23:30 in Wuhan is still the old week', () => {
    // 2026-03-08 23:30 CST = 15:30 UTC on the same Sunday; Monday 00:30 CST is Sunday in UTC.
    expect(listPeriods(march, at('2026-03-08', '23:30'))).toHaveLength(1);
    expect(listPeriods(march, at('2026-03-09', '00:30'))).toHaveLength(2);
  });

  it('starts with the next week when the pilot starts after that week’s due day', () => {
    const saturday: WeeklySchedule = { pilotStart: '2026-03-07', rules: [weekly('2026-03-02')] };
    expect(listPeriods(saturday, at('2026-03-20'))[0].start).toBe('2026-03-09');
    const friday: WeeklySchedule = { pilotStart: '2026-03-06', rules: [weekly('2026-03-02')] };
    expect(listPeriods(friday, at('2026-03-20'))[0].start).toBe('2026-03-02');
  });

  it('crosses the year boundary: ISO week 53 of 2020, then week 1 of 2021', () => {
    const schedule: WeeklySchedule = { pilotStart: '2020-12-21', rules: [weekly('2020-12-21')] };
    const periods = listPeriods(schedule, at('2021-01-12'));
    expect(periods.map((p) => [p.start, p.label, p.dueAt])).toEqual([
      ['2020-12-21', '2020年第52周', '2020-12-25T09:00:00.000Z'],
      ['2020-12-28', '2020年第53周', '2021-01-01T09:00:00.000Z'],
      ['2021-01-04', '2021年第1周', '2021-01-08T09:00:00.000Z'],
      ['2021-01-11', '2021年第2周', '2021-01-15T09:00:00.000Z'],
    ]);
  });

  it('bi-weekly periods span two weeks, across the 2026/2027 year boundary too', () => {
    const schedule: WeeklySchedule = {
      pilotStart: '2026-12-14',
      rules: [biweekly('2026-12-14', 3, '12:00')],
    };
    const periods = listPeriods(schedule, at('2027-01-12'));
    expect(periods.map((p) => [p.start, p.end, p.label, p.dueAt])).toEqual([
      ['2026-12-14', '2026-12-27', '2026年第51–52周', '2026-12-23T04:00:00.000Z'],
      ['2026-12-28', '2027-01-10', '2026年第53周–2027年第1周', '2027-01-06T04:00:00.000Z'],
      ['2027-01-11', '2027-01-24', '2027年第2–3周', '2027-01-20T04:00:00.000Z'],
    ]);
  });

  it('a cadence change mid-pilot keeps the earlier periods and counts the new cadence from its Monday', () => {
    const schedule: WeeklySchedule = {
      pilotStart: '2026-03-02',
      rules: [weekly('2026-03-02'), biweekly('2026-03-16', 1, '09:00')],
    };
    const periods = listPeriods(schedule, at('2026-04-01'));
    expect(periods.map((p) => [p.start, p.end, p.cadence, p.dueAt])).toEqual([
      ['2026-03-02', '2026-03-08', 'weekly', '2026-03-06T09:00:00.000Z'],
      ['2026-03-09', '2026-03-15', 'weekly', '2026-03-13T09:00:00.000Z'],
      // Bi-weekly, due Monday 09:00 of the second week.
      ['2026-03-16', '2026-03-29', 'biweekly', '2026-03-23T01:00:00.000Z'],
      ['2026-03-30', '2026-04-12', 'biweekly', '2026-04-06T01:00:00.000Z'],
    ]);
  });

  it('a change to weekly inside a bi-weekly period ends that period at the change', () => {
    const schedule: WeeklySchedule = {
      pilotStart: '2026-03-02',
      rules: [weekly('2026-03-09'), biweekly('2026-03-02')],
    };
    const periods = listPeriods(schedule, at('2026-03-17'));
    expect(periods.map((p) => [p.start, p.end, p.cadence, p.dueAt])).toEqual([
      ['2026-03-02', '2026-03-08', 'biweekly', '2026-03-06T09:00:00.000Z'],
      ['2026-03-09', '2026-03-15', 'weekly', '2026-03-13T09:00:00.000Z'],
      ['2026-03-16', '2026-03-22', 'weekly', '2026-03-20T09:00:00.000Z'],
    ]);
  });

  it('lists nothing before the pilot starts', () => {
    expect(listPeriods(march, at('2026-03-01'))).toEqual([]);
  });
});

describe('report statuses', () => {
  it('on time up to the due instant, late one millisecond after', () => {
    const due = '2026-03-06T09:00:00.000Z';
    const later = new Date('2026-03-06T09:00:00.001Z').toISOString();
    const now = at('2026-03-07');
    expect(reportCalendar(march, [sent('2026-03-02', due)], now)[0].status).toBe('submitted');
    expect(reportCalendar(march, [sent('2026-03-02', later)], now)[0].status).toBe('late');
  });

  it('a period becomes overdue strictly after its due time', () => {
    const [atDue] = reportCalendar(march, [], new Date('2026-03-06T09:00:00.000Z'));
    expect(atDue).toMatchObject({ status: 'unfiled', overdue: false, open: true });
    const [after] = reportCalendar(march, [], new Date('2026-03-06T09:00:00.001Z'));
    expect(after).toMatchObject({ status: 'unfiled', overdue: true, open: false });
  });

  it('a draft is 草稿 and still overdue; a correction draft keeps the period sent', () => {
    const correcting = { ...sent('2026-03-09', '2026-03-12T01:00:00.000Z'), hasDraft: true };
    const states = reportCalendar(march, [draft('2026-03-02'), correcting], at('2026-03-18'));
    expect(states[0]).toMatchObject({ status: 'draft', overdue: true, submittedAt: null });
    expect(states[1]).toMatchObject({
      status: 'submitted',
      overdue: false,
      correcting: true,
      submitter: '李老师',
    });
  });
});

describe('alert level', () => {
  // Three weeks of the 2020 pilot around the new year: W52, W53, W1, then the W2 week running.
  const newYear: WeeklySchedule = { pilotStart: '2020-12-21', rules: [weekly('2020-12-21')] };
  const now = at('2021-01-12');
  const alert = (reports: ReportOnFile[]) => alertOf(reportCalendar(newYear, reports, now));

  it('nothing missed: none; the running week does not count before its due time', () => {
    const reports = ['2020-12-21', '2020-12-28', '2021-01-04'].map((s) =>
      sent(s, chinaInstant(s, '10:00')),
    );
    expect(standingOf(newYear, reports, now).alert).toMatchObject({
      level: 'none',
      longestRun: 0,
      nextDueAt: '2021-01-15T09:00:00.000Z',
    });
  });

  it('one, two, three consecutive missed periods across the year boundary: 警告, 严重, 取消资格风险', () => {
    const onTime = (s: string) => sent(s, chinaInstant(s, '10:00'));
    expect(alert([onTime('2020-12-21'), onTime('2020-12-28')]).level).toBe('warning');
    expect(alert([onTime('2020-12-21')])).toMatchObject({
      level: 'serious',
      runStarts: ['2020-12-28', '2021-01-04'],
    });
    expect(alert([])).toMatchObject({
      level: 'critical',
      longestRun: 3,
      runStarts: ['2020-12-21', '2020-12-28', '2021-01-04'],
      runLabels: ['2020年第52周', '2020年第53周', '2021年第1周'],
    });
  });

  it('missed periods that are not consecutive stay a warning', () => {
    const result = alert([sent('2020-12-28', '2020-12-30T02:00:00.000Z')]);
    expect(result).toMatchObject({
      level: 'warning',
      longestRun: 1,
      missedStarts: ['2020-12-21', '2021-01-04'],
    });
  });

  it('late filings break the run and lower the alert, but stay 逾期报送 on record', () => {
    const late = (s: string) => sent(s, '2021-01-12T02:00:00.000Z');
    expect(alert([late('2020-12-21')])).toMatchObject({ level: 'serious', longestRun: 2 });
    expect(alert([late('2020-12-21'), late('2021-01-04')])).toMatchObject({
      level: 'warning',
      missedStarts: ['2020-12-28'],
    });
    const allLate = alert([late('2020-12-21'), late('2020-12-28'), late('2021-01-04')]);
    expect(allLate).toMatchObject({
      level: 'none',
      lateCount: 3,
      longestNotOnTimeRun: 3,
      missedStarts: [],
    });
    const states = reportCalendar(
      newYear,
      [late('2020-12-21'), late('2020-12-28'), late('2021-01-04')],
      now,
    );
    expect(states.map((s) => s.status)).toEqual(['late', 'late', 'late', 'unfiled']);
  });

  it('a draft past due still counts as missed', () => {
    expect(alert([draft('2020-12-21'), draft('2020-12-28'), draft('2021-01-04')]).level).toBe(
      'critical',
    );
  });

  it('after a change to bi-weekly, missed periods are counted per scheduled period', () => {
    const schedule: WeeklySchedule = {
      pilotStart: '2026-03-02',
      rules: [weekly('2026-03-02'), biweekly('2026-03-16')],
    };
    // Weeks 10 and 11 missed, then the bi-weekly period 3/16–3/29 missed: three in a row.
    expect(alertOf(reportCalendar(schedule, [], at('2026-03-28'))).level).toBe('critical');
    // The same day, week 10 filed on time: two in a row.
    const filed = [sent('2026-03-02', '2026-03-05T02:00:00.000Z')];
    expect(alertOf(reportCalendar(schedule, filed, at('2026-03-28'))).level).toBe('serious');
    // Before the bi-weekly period's due day (Friday of its second week) it is not yet missed.
    expect(alertOf(reportCalendar(schedule, filed, at('2026-03-25'))).level).toBe('warning');
  });
});

describe('three missed periods stay a fact (已发生)', () => {
  // 2020 has an ISO week 53: W52 (12/21), W53 (12/28), 2021 W1 (1/4), W2 (1/11) running.
  const newYear: WeeklySchedule = { pilotStart: '2020-12-21', rules: [weekly('2020-12-21')] };
  const now = at('2021-01-12');
  const late = (s: string) => sent(s, '2021-01-12T02:00:00.000Z');

  it('a run across week 52, 53 and week 1 is a fact; filing late lowers the banner, not the fact', () => {
    const missed = standingOf(newYear, [], now).alert;
    expect(missed.level).toBe('critical');
    expect(missed.notOnTimeRuns).toEqual([
      {
        starts: ['2020-12-21', '2020-12-28', '2021-01-04'],
        from: '2020-12-21',
        to: '2021-01-10',
        firstLabel: '2020年第52周',
        lastLabel: '2021年第1周',
        stillMissing: 3,
      },
    ]);
    // One late filing: the banner drops to 严重, the fact stays.
    const oneLate = standingOf(newYear, [late('2021-01-04')], now).alert;
    expect(oneLate.level).toBe('serious');
    expect(oneLate.notOnTimeRuns).toHaveLength(1);
    expect(oneLate.notOnTimeRuns[0]).toMatchObject({ stillMissing: 2 });
    // All filed late: no current risk, the fact still stands.
    const allLate = standingOf(newYear, ['2020-12-21', '2020-12-28', '2021-01-04'].map(late), now);
    expect(allLate.alert.level).toBe('none');
    expect(allLate.alert.notOnTimeRuns[0]).toMatchObject({ stillMissing: 0 });
    expect(notOnTimeRunText(allLate.alert.notOnTimeRuns[0])).toBe(
      '已发生：2020年第52周至2021年第1周连续 3 期未按时报送周报，已全部补报。补报不能改变按时与否的记录。',
    );
  });

  it('only runs reaching the threshold count; every such run is listed; the threshold is a setting', () => {
    const onTime = (s: string) => sent(s, chinaInstant(s, '10:00'));
    // Two missed, one on time, two missed: no run of three.
    const schedule: WeeklySchedule = { pilotStart: '2026-03-02', rules: [weekly('2026-03-02')] };
    const reports = [onTime('2026-03-16')];
    const states = reportCalendar(schedule, reports, at('2026-03-31'));
    expect(notOnTimeRuns(states)).toEqual([]);
    expect(notOnTimeRuns(states, 2).map((r) => r.starts)).toEqual([['2026-03-02', '2026-03-09']]);
    expect(alertOf(states, { threshold: 2 }).level).toBe('critical');
    // Two separate runs of three, months apart.
    const long = reportCalendar(schedule, [onTime('2026-03-23')], at('2026-04-18'));
    expect(notOnTimeRuns(long).map((r) => r.starts.length)).toEqual([3, 3]);
  });

  it('bi-weekly: three missed periods are six weeks', () => {
    const schedule: WeeklySchedule = {
      pilotStart: '2026-03-02',
      rules: [biweekly('2026-03-02')],
    };
    // Periods 3/2, 3/16, 3/30, due the Friday of their second week.
    expect(notOnTimeRuns(reportCalendar(schedule, [], at('2026-04-09')))).toEqual([]);
    const runs = notOnTimeRuns(reportCalendar(schedule, [], at('2026-04-10', '17:01')));
    expect(runs).toMatchObject([{ from: '2026-03-02', to: '2026-04-12', stillMissing: 3 }]);
  });
});

describe('下次截止 and reminders', () => {
  const schedule: WeeklySchedule = { pilotStart: '2026-03-02', rules: [weekly('2026-03-02')] };

  it('on Saturday and Sunday the next due date is next Friday, not none', () => {
    for (const day of ['2026-03-07', '2026-03-08']) {
      expect(standingOf(schedule, [], at(day)).alert.nextDueAt).toBe(
        chinaInstant('2026-03-13', '17:00'),
      );
    }
    // This week already sent on Wednesday: next Friday.
    const sentEarly = [sent('2026-03-02', chinaInstant('2026-03-04', '10:00'))];
    expect(standingOf(schedule, sentEarly, at('2026-03-05')).alert.nextDueAt).toBe(
      chinaInstant('2026-03-13', '17:00'),
    );
    // Bi-weekly: after the first period's due day, the second period's.
    const bi: WeeklySchedule = { pilotStart: '2026-03-02', rules: [biweekly('2026-03-02')] };
    expect(standingOf(bi, [], at('2026-03-14')).alert.nextDueAt).toBe(
      chinaInstant('2026-03-27', '17:00'),
    );
  });

  it('reminds from 00:00 the day before the due day until the due time', () => {
    expect(dueReminder(schedule, [], at('2026-03-04', '23:59'))).toBeNull();
    expect(dueReminder(schedule, [], at('2026-03-05', '00:00'))).toEqual({
      periodStart: '2026-03-02',
      label: '2026年第10周',
      dueAt: chinaInstant('2026-03-06', '17:00'),
    });
    expect(dueReminder(schedule, [], at('2026-03-06', '16:59'))?.periodStart).toBe('2026-03-02');
    // Past due: the banner speaks; the reminder moves to next week's due day.
    expect(dueReminder(schedule, [], at('2026-03-06', '17:01'))).toBeNull();
    expect(dueReminder(schedule, [], at('2026-03-12', '08:00'))?.periodStart).toBe('2026-03-09');
    // Sent: nothing to remind.
    const done = [sent('2026-03-02', chinaInstant('2026-03-05', '09:00'))];
    expect(dueReminder(schedule, done, at('2026-03-05', '10:00'))).toBeNull();
  });

  it('the desktop notifies at 09:00 the day before and two hours before, for unsent periods', () => {
    const times = reminderTimes(schedule, [], at('2026-03-04', '12:00'));
    expect(times.slice(0, 4).map((r) => [r.periodStart, r.at])).toEqual([
      ['2026-03-02', chinaInstant('2026-03-05', '09:00')],
      ['2026-03-02', chinaInstant('2026-03-06', '15:00')],
      ['2026-03-09', chinaInstant('2026-03-12', '09:00')],
      ['2026-03-09', chinaInstant('2026-03-13', '15:00')],
    ]);
    // Times already past are left out; a sent period has none.
    const done = [sent('2026-03-02', chinaInstant('2026-03-05', '10:00'))];
    expect(reminderTimes(schedule, done, at('2026-03-05', '12:00'))[0]).toMatchObject({
      periodStart: '2026-03-09',
      at: chinaInstant('2026-03-12', '09:00'),
    });
  });
});

describe('figure windows', () => {
  const schedule: WeeklySchedule = { pilotStart: '2026-03-02', rules: [weekly('2026-03-02')] };

  it('follow one another: each closes at its first sending, or at the period end', () => {
    const reports = [
      sent('2026-03-02', chinaInstant('2026-03-06', '16:00')),
      sent('2026-03-09', chinaInstant('2026-03-20', '10:00')), // late: closes at its end
    ];
    const states = reportCalendar(schedule, reports, at('2026-03-24'));
    expect(states.map((_, i) => figureWindow(states, i))).toEqual([
      { from: null, to: chinaInstant('2026-03-06', '16:00') },
      { from: chinaInstant('2026-03-06', '16:00'), to: chinaInstant('2026-03-16', '00:00') },
      { from: chinaInstant('2026-03-16', '00:00'), to: chinaInstant('2026-03-23', '00:00') },
      { from: chinaInstant('2026-03-23', '00:00'), to: chinaInstant('2026-03-30', '00:00') },
    ]);
    // Being sent now (Tuesday): the window closes now.
    expect(figureWindow(states, 3, chinaInstant('2026-03-24', '12:00')).to).toBe(
      chinaInstant('2026-03-24', '12:00'),
    );
  });
});

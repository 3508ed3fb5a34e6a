/**
 * Weekly reports (周报, notice 四.6 / DOMAIN rule 16): the report calendar and the alert level.
 *
 * Pure functions of the schedule, the reports on file and `now` (an injected clock). Dates are
 * local dates in China time (Asia/Shanghai, UTC+8 all year, no daylight saving) written
 * 'YYYY-MM-DD'; instants are ISO strings in UTC. Weeks start on Monday.
 *
 * Periods
 * - One period per week (weekly, the notice's default) or per two weeks (bi-weekly, some
 *   provinces). Every period starts on a Monday and is made of whole weeks.
 * - The first period is the one containing the pilot start date; when the start date falls after
 *   that period's due day, the first period starts the following Monday instead (no report can
 *   be due before the pilot starts).
 * - Its report is due on the due weekday of the period's last week at the due time, China time
 *   (default 周五 17:00). Filed at or before that instant is on time.
 * - A schedule change (cadence, due day or time) takes effect from a Monday (`effectiveFrom`);
 *   a longer period still running at that Monday ends there, and the new cadence counts from it.
 *
 * Statuses: 未填 (nothing saved), 草稿 (saved, not sent), 已报送 (first sent on time),
 * 逾期报送 (first sent after the due time). A period filed late stays 逾期报送 in the history for
 * good; a later correction (a new revision) does not change when the period was first sent.
 *
 * Alert (rule 16: 连续三周不按时填报周报 is a ground for losing the pilot status)
 * - A period is *missed* while it is past due and still unsent (未填 or 草稿).
 * - The level is the longest run of consecutive missed periods: 1 → 警告, 2 → 严重,
 *   3 or more → 取消试点资格风险. Periods count as they are scheduled, so in a bi-weekly province
 *   one missed period is one missed report.
 * - A late filing breaks a run: once a period is sent it is no longer missing, so filing the
 *   overdue reports late lowers the alert (the banner tells the coordinator what is still
 *   missing). The late filings themselves stay on record: `longestNotOnTimeRun` counts runs of
 *   periods not sent on time, late filings included, which the 周报 page shows as history.
 */

export const cadences = ['weekly', 'biweekly'] as const;
export type Cadence = (typeof cadences)[number];

export const cadenceLabels: Record<Cadence, string> = { weekly: '每周', biweekly: '每两周' };

/** ISO weekdays 1 (Monday) … 7 (Sunday). */
export const weekdayLabels: Record<number, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

/** The notice only says "every week"; Friday 17:00 is the usual closing time of a school week. */
export const DEFAULT_CADENCE: Cadence = 'weekly';
export const DEFAULT_DUE_WEEKDAY = 5;
export const DEFAULT_DUE_TIME = '17:00';

export interface ScheduleRule {
  /** The Monday this rule applies from (the first rule applies from the pilot start). */
  effectiveFrom: string;
  cadence: Cadence;
  /** 1 = Monday … 7 = Sunday. */
  dueWeekday: number;
  /** 'HH:MM', China time. */
  dueTime: string;
}

export interface WeeklySchedule {
  pilotStart: string;
  /** At least one rule; sorted or not. */
  rules: readonly ScheduleRule[];
}

export interface Period {
  /** 1-based, in order from the pilot start. */
  index: number;
  /** Monday the period starts (the key of its report). */
  start: string;
  /** Sunday the period ends (inclusive). */
  end: string;
  /** The instant the report is due (ISO, UTC). */
  dueAt: string;
  cadence: Cadence;
  /** 2026年第10周, 2026年第10–11周, 2026年第53周–2027年第1周. */
  label: string;
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD' → days since 1970-01-01. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Days since 1970-01-01 → 'YYYY-MM-DD'. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week containing `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The local date (China time) of an instant. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a China-time date and 'HH:MM' time, as an ISO string in UTC. */
export function chinaInstant(date: string, time: string): string {
  const [h, m] = time.split(':').map(Number);
  return new Date(dayNumber(date) * DAY_MS + (h * 60 + m) * 60_000 - CHINA_OFFSET_MS).toISOString();
}

/** ISO 8601 week of a date: week-year and week 1…53 (week 1 holds the year's first Thursday). */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return { year, week };
}

export function periodLabel(start: string, end: string): string {
  const a = isoWeek(start);
  const b = isoWeek(end);
  if (a.year === b.year && a.week === b.week) return `${a.year}年第${a.week}周`;
  if (a.year === b.year) return `${a.year}年第${a.week}–${b.week}周`;
  return `${a.year}年第${a.week}周–${b.year}年第${b.week}周`;
}

const cadenceDays: Record<Cadence, number> = { weekly: 7, biweekly: 14 };

function dueOf(endExclusive: string, rule: ScheduleRule): string {
  return chinaInstant(addDays(endExclusive, rule.dueWeekday - 8), rule.dueTime);
}

/**
 * The Monday the first period starts: the week of the pilot start, or the next Monday when the
 * first period's due day would fall before the pilot start.
 */
export function firstPeriodStart(pilotStart: string, rule: ScheduleRule): string {
  const monday = mondayOf(pilotStart);
  const due = chinaDate(new Date(dueOf(addDays(monday, cadenceDays[rule.cadence]), rule)));
  return due < pilotStart ? addDays(monday, 7) : monday;
}

function sortedRules(rules: readonly ScheduleRule[]): ScheduleRule[] {
  if (rules.length === 0) throw new Error('a weekly-report schedule needs at least one rule');
  return [...rules]
    .map((r) => ({ ...r, effectiveFrom: mondayOf(r.effectiveFrom) }))
    .sort((a, b) =>
      a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0,
    );
}

/**
 * Every period from the pilot start up to and including the one running at `now` (periods that
 * have not started yet are not listed). Oldest first.
 */
export function listPeriods(schedule: WeeklySchedule, now: Date): Period[] {
  const rules = sortedRules(schedule.rules);
  // The rule in force at the start: the last one effective on or before it (else the first).
  const initial =
    [...rules].reverse().find((r) => r.effectiveFrom <= mondayOf(schedule.pilotStart)) ?? rules[0];
  const start = firstPeriodStart(schedule.pilotStart, initial);
  const segments = [
    { from: start, rule: [...rules].reverse().find((r) => r.effectiveFrom <= start) ?? initial },
    ...rules
      .filter((r) => r.effectiveFrom > start)
      .map((rule) => ({ from: rule.effectiveFrom, rule })),
  ];
  const today = chinaDate(now);
  const periods: Period[] = [];
  segments.forEach((segment, i) => {
    const segmentEnd = segments[i + 1]?.from;
    let p = segment.from;
    while (p <= today && (segmentEnd === undefined || p < segmentEnd)) {
      let next = addDays(p, cadenceDays[segment.rule.cadence]);
      if (segmentEnd !== undefined && next > segmentEnd) next = segmentEnd;
      const end = addDays(next, -1);
      periods.push({
        index: periods.length + 1,
        start: p,
        end,
        dueAt: dueOf(next, segment.rule),
        cadence: segment.rule.cadence,
        label: periodLabel(p, end),
      });
      p = next;
    }
  });
  return periods;
}

/** What the calendar needs to know about one report on file. */
export interface ReportOnFile {
  periodStart: string;
  /** When the period was first sent (ISO); null while only drafts exist. */
  firstSubmittedAt: string | null;
  /** Who sent it first. */
  submitter: string;
  /** The newest revision is an unsent draft (a first draft or a correction). */
  hasDraft: boolean;
  /** Number of sent revisions (a correction makes 2, 3…). */
  submittedRevisions: number;
}

export const periodStatuses = ['unfiled', 'draft', 'submitted', 'late'] as const;
export type PeriodStatus = (typeof periodStatuses)[number];

export const periodStatusLabels: Record<PeriodStatus, string> = {
  unfiled: '未填',
  draft: '草稿',
  submitted: '已报送',
  late: '逾期报送',
};

export interface PeriodState extends Period {
  status: PeriodStatus;
  /** Past due and not sent: the coordinator must act. */
  overdue: boolean;
  /** The due time has not passed yet. */
  open: boolean;
  submittedAt: string | null;
  submitter: string;
  /** A correction is being drafted for a sent report. */
  correcting: boolean;
  submittedRevisions: number;
}

/** The calendar: every period with its status, oldest first. */
export function reportCalendar(
  schedule: WeeklySchedule,
  reports: readonly ReportOnFile[],
  now: Date,
): PeriodState[] {
  const byStart = new Map(reports.map((r) => [r.periodStart, r]));
  const nowMs = now.getTime();
  return listPeriods(schedule, now).map((period) => {
    const report = byStart.get(period.start);
    const pastDue = nowMs > Date.parse(period.dueAt);
    const sentAt = report?.firstSubmittedAt ?? null;
    let status: PeriodStatus;
    if (sentAt !== null) {
      status = Date.parse(sentAt) <= Date.parse(period.dueAt) ? 'submitted' : 'late';
    } else {
      status = report?.hasDraft ? 'draft' : 'unfiled';
    }
    return {
      ...period,
      status,
      overdue: sentAt === null && pastDue,
      open: !pastDue,
      submittedAt: sentAt,
      submitter: sentAt !== null ? (report?.submitter ?? '') : '',
      correcting: sentAt !== null && (report?.hasDraft ?? false),
      submittedRevisions: report?.submittedRevisions ?? 0,
    };
  });
}

export const alertLevels = ['none', 'warning', 'serious', 'critical'] as const;
export type AlertLevel = (typeof alertLevels)[number];

export const alertLevelLabels: Record<AlertLevel, string> = {
  none: '正常',
  warning: '警告',
  serious: '严重',
  critical: '取消试点资格风险',
};

export interface AlertSummary {
  level: AlertLevel;
  /** Longest run of consecutive missed periods (past due, unsent). */
  longestRun: number;
  /** Starts of the periods in that run (the earliest such run when several are as long). */
  runStarts: string[];
  /** Starts of every missed period, oldest first. */
  missedStarts: string[];
  /** Their labels (2026年第10周 …), for the banner. */
  missedLabels: string[];
  /** Periods sent after their due time (they stay 逾期报送). */
  lateCount: number;
  /** Longest run of periods not sent on time, late filings included (history). */
  longestNotOnTimeRun: number;
  /** The next due time still open (ISO), if any. */
  nextDueAt: string | null;
}

export function levelForRun(run: number): AlertLevel {
  if (run >= 3) return 'critical';
  if (run === 2) return 'serious';
  if (run === 1) return 'warning';
  return 'none';
}

function longestRunOf(states: readonly PeriodState[], counts: (s: PeriodState) => boolean) {
  let best: string[] = [];
  let current: string[] = [];
  for (const s of states) {
    current = counts(s) ? [...current, s.start] : [];
    if (current.length > best.length) best = current;
  }
  return best;
}

/** The alert for a calendar (as returned by `reportCalendar`, oldest first). */
export function alertOf(states: readonly PeriodState[]): AlertSummary {
  const run = longestRunOf(states, (s) => s.overdue);
  const notOnTime = longestRunOf(states, (s) => s.overdue || s.status === 'late');
  return {
    level: levelForRun(run.length),
    longestRun: run.length,
    runStarts: run,
    missedStarts: states.filter((s) => s.overdue).map((s) => s.start),
    missedLabels: states.filter((s) => s.overdue).map((s) => s.label),
    lateCount: states.filter((s) => s.status === 'late').length,
    longestNotOnTimeRun: notOnTime.length,
    nextDueAt: states.find((s) => s.open && s.submittedAt === null)?.dueAt ?? null,
  };
}

/** 'HH:MM' 00:00–23:59. */
export const dueTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** An instant as China time: '2026-03-06T09:00:00.000Z' → '2026年3月6日 17:00'. */
export function formatChinaDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日 ${local.slice(11, 16)}`;
}

/** '2026-03-02', '2026-03-08' → '2026年3月2日至2026年3月8日'. */
export function formatPeriodRange(start: string, end: string): string {
  const f = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  };
  return `${f(start)}至${f(end)}`;
}

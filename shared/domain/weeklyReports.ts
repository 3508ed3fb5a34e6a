import { addDays, chinaInstant, DAY_MS, isoWeek, mondayOf } from './calendar';
import { chinaDate, formatChineseDate } from './dates';
/**
 * Weekly reports (周报, notice 四 6, rule 16 of docs/rules.md): the report calendar and the alert
 * level.
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
 * - The banner is the current risk: the longest run of consecutive missed periods, 1 → 警告,
 *   2 → 严重, the threshold (3 by the notice, a setting) or more → 取消试点资格风险. Periods count
 *   as they are scheduled, so in a bi-weekly province one missed period is one missed report.
 *   Filing an overdue report late takes it out of the current risk.
 * - What happened stays: a period is *not on time* when it is missed or was filed late. Every
 *   run of consecutive not-on-time periods that reaches the threshold is a standing fact
 *   (已发生, `notOnTimeRuns`), shown beside the banner on 首页, in 周报 and in the weekly export;
 *   filing late never clears it, because the province counts the weeks, not the catch-up.
 *
 * Figures (`weeklyFiguresMethod`): each report counts what was *recorded* in its window, by the
 * time of the audit-log entry — sign-ups, withdrawals, fee changes, results, certificates and
 * payments (a payment also shows its 缴费日期). A period's window runs from the previous
 * period's cut-off to its own: the cut-off is when the report was first sent, or the period's
 * end if it was not sent before then; the first window also takes everything recorded before
 * the pilot start. Windows follow one another without gap or overlap, so every entry appears in
 * exactly one report, a sent report's figures never change, and the flows of all periods add up
 * to the ledger's current totals.
 *
 * Reminders (`dueReminder`, `reminderTimes`): from 00:00 China time on the day before a due
 * day until the due time, the app says so on opening; the desktop app also notifies at 09:00 the
 * day before and two hours before the due time.
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
/** 连续三周不按时填报周报: the notice's run of periods that puts the pilot status at risk. */
export const DEFAULT_NOT_ON_TIME_THRESHOLD = 3;
export const NOT_ON_TIME_THRESHOLD_MIN = 2;
export const NOT_ON_TIME_THRESHOLD_MAX = 10;

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

/** The periods whose report was due by `now`. */
export function passedPeriods<P extends Period>(periods: readonly P[], now: Date): P[] {
  return periods.filter((p) => Date.parse(p.dueAt) <= now.getTime());
}

/** Each passed period as a comparable text of its start, end and due time. */
export function passedDues(periods: readonly Period[], now: Date): string[] {
  return passedPeriods(periods, now).map((p) => `${p.start}/${p.end}/${p.dueAt}`);
}

/**
 * The Monday a change of cadence or due day made at `now` applies from: the start of the first
 * period not yet due, or of the next period when applying it there would move a deadline that
 * has passed (a due day moved earlier, a fortnight split into weeks). A deadline that has passed
 * never moves, so a report missed stays missed (rule 16).
 */
export function ruleChangeFrom(
  schedule: WeeklySchedule,
  rule: Omit<ScheduleRule, 'effectiveFrom'>,
  now: Date,
): string {
  const periods = listPeriods(schedule, now);
  const last = periods[periods.length - 1];
  if (!last) return firstPeriodStart(schedule.pilotStart, { ...rule, effectiveFrom: '' });
  const next = addDays(last.end, 1);
  const open = periods.find((p) => Date.parse(p.dueAt) > now.getTime());
  const passed = passedDues(periods, now).join();
  const keepsPassed = (from: string) =>
    passedDues(
      listPeriods(
        {
          pilotStart: schedule.pilotStart,
          rules: [
            ...schedule.rules.filter((r) => mondayOf(r.effectiveFrom) < from),
            { ...rule, effectiveFrom: from },
          ],
        },
        now,
      ),
      now,
    ).join() === passed;
  return open && keepsPassed(open.start) ? open.start : next;
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

/** A run of consecutive periods not sent on time (missed, or filed after the due time). */
export interface NotOnTimeRun {
  /** Starts of the periods, oldest first. */
  starts: string[];
  /** First day of the first period and last day of the last one. */
  from: string;
  to: string;
  /** 2026年第10周 … 2026年第12周 (the first and last labels). */
  firstLabel: string;
  lastLabel: string;
  /** How many of its periods are still unsent. */
  stillMissing: number;
}

export interface AlertSummary {
  level: AlertLevel;
  /** Longest run of consecutive missed periods (past due, unsent). */
  longestRun: number;
  /** Starts of the periods in that run (the earliest such run when several are as long). */
  runStarts: string[];
  /** Their labels, for the banner. */
  runLabels: string[];
  /** Starts of every missed period, oldest first. */
  missedStarts: string[];
  /** Their labels (2026年第10周 …), for the banner. */
  missedLabels: string[];
  /** Periods sent after their due time (they stay 逾期报送). */
  lateCount: number;
  /** Longest run of periods not sent on time, late filings included (history). */
  longestNotOnTimeRun: number;
  /** The run length that puts the pilot status at risk (settings; 3 by the notice). */
  threshold: number;
  /** Every run of not-on-time periods reaching the threshold: standing facts (已发生). */
  notOnTimeRuns: NotOnTimeRun[];
  /** The next due time still to meet (ISO): the first unsent period, running or to come. */
  nextDueAt: string | null;
}

export function levelForRun(run: number, threshold = DEFAULT_NOT_ON_TIME_THRESHOLD): AlertLevel {
  if (run >= threshold) return 'critical';
  if (run >= 2) return 'serious';
  if (run === 1) return 'warning';
  return 'none';
}

/** Every maximal run of consecutive periods for which `counts` holds, oldest first. */
function runsOf(states: readonly PeriodState[], counts: (s: PeriodState) => boolean) {
  const runs: PeriodState[][] = [];
  let current: PeriodState[] = [];
  for (const s of states) {
    if (counts(s)) current.push(s);
    else if (current.length > 0) {
      runs.push(current);
      current = [];
    }
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** The earliest of the longest runs. */
function longestOf(runs: readonly PeriodState[][]): PeriodState[] {
  return runs.reduce<PeriodState[]>((best, run) => (run.length > best.length ? run : best), []);
}

const notOnTime = (s: PeriodState) => s.overdue || s.status === 'late';

/**
 * Rule 16 as a fact: every run of consecutive periods not sent on time (missed or filed late)
 * of at least `threshold` periods, oldest first. Late filing does not shorten a run.
 */
export function notOnTimeRuns(
  states: readonly PeriodState[],
  threshold = DEFAULT_NOT_ON_TIME_THRESHOLD,
): NotOnTimeRun[] {
  return runsOf(states, notOnTime)
    .filter((run) => run.length >= threshold)
    .map((run) => ({
      starts: run.map((s) => s.start),
      from: run[0].start,
      to: run[run.length - 1].end,
      firstLabel: run[0].label,
      lastLabel: run[run.length - 1].label,
      stillMissing: run.filter((s) => s.overdue).length,
    }));
}

/** One line for a standing fact, the same on 首页, 周报 and in the export. */
export function notOnTimeRunText(run: NotOnTimeRun): string {
  const span =
    run.firstLabel === run.lastLabel ? run.firstLabel : `${run.firstLabel}至${run.lastLabel}`;
  const missing = run.stillMissing > 0 ? `，其中 ${run.stillMissing} 期至今未报送` : '，已全部补报';
  return `已发生：${span}连续 ${run.starts.length} 期未按时报送周报${missing}。补报不能改变按时与否的记录。`;
}

/** The alert for a calendar (as returned by `reportCalendar`, oldest first). */
export function alertOf(
  states: readonly PeriodState[],
  options: { threshold?: number; nextDueAt?: string | null } = {},
): AlertSummary {
  const threshold = options.threshold ?? DEFAULT_NOT_ON_TIME_THRESHOLD;
  const run = longestOf(runsOf(states, (s) => s.overdue));
  return {
    level: levelForRun(run.length, threshold),
    longestRun: run.length,
    runStarts: run.map((s) => s.start),
    runLabels: run.map((s) => s.label),
    missedStarts: states.filter((s) => s.overdue).map((s) => s.start),
    missedLabels: states.filter((s) => s.overdue).map((s) => s.label),
    lateCount: states.filter((s) => s.status === 'late').length,
    longestNotOnTimeRun: longestOf(runsOf(states, notOnTime)).length,
    threshold,
    notOnTimeRuns: notOnTimeRuns(states, threshold),
    nextDueAt: options.nextDueAt ?? null,
  };
}

/** Far enough ahead to reach the due time of the next period of any cadence. */
const LOOKAHEAD_MS = 35 * DAY_MS;

/**
 * The periods whose due time is after `now` and whose report is not sent yet, soonest first:
 * the running period and the ones to come (a weekend after the due day looks to next week).
 */
export function upcomingDue(
  schedule: WeeklySchedule,
  reports: readonly ReportOnFile[],
  now: Date,
): Period[] {
  const sent = new Set(
    reports.filter((r) => r.firstSubmittedAt !== null).map((r) => r.periodStart),
  );
  return listPeriods(schedule, new Date(now.getTime() + LOOKAHEAD_MS)).filter(
    (p) => Date.parse(p.dueAt) > now.getTime() && !sent.has(p.start),
  );
}

/** Where the reports stand at `now`: every period so far with its status, and the alert. */
export function standingOf(
  schedule: WeeklySchedule,
  reports: readonly ReportOnFile[],
  now: Date,
  threshold = DEFAULT_NOT_ON_TIME_THRESHOLD,
): { periods: PeriodState[]; alert: AlertSummary } {
  const periods = reportCalendar(schedule, reports, now);
  const nextDueAt = upcomingDue(schedule, reports, now)[0]?.dueAt ?? null;
  return { periods, alert: alertOf(periods, { threshold, nextDueAt }) };
}

/** The due time a reminder is about. */
export interface DueReminder {
  periodStart: string;
  label: string;
  dueAt: string;
}

/** 00:00 China time on the day before the due day: reminders start then. */
function reminderStart(dueAt: string): number {
  return Date.parse(chinaInstant(addDays(chinaDate(new Date(dueAt)), -1), '00:00'));
}

/** The report due soon that the app mentions on opening: from the day before until due. */
export function dueReminder(
  schedule: WeeklySchedule,
  reports: readonly ReportOnFile[],
  now: Date,
): DueReminder | null {
  const next = upcomingDue(schedule, reports, now)[0];
  if (!next || now.getTime() < reminderStart(next.dueAt)) return null;
  return { periodStart: next.start, label: next.label, dueAt: next.dueAt };
}

/** Hours before the due time of the last desktop notification. */
export const FINAL_REMINDER_HOURS = 2;

/**
 * When the desktop app notifies (ISO instants after `now`, soonest first): 09:00 the day before
 * each upcoming unsent due day, and two hours before the due time.
 */
export function reminderTimes(
  schedule: WeeklySchedule,
  reports: readonly ReportOnFile[],
  now: Date,
): (DueReminder & { at: string })[] {
  return upcomingDue(schedule, reports, now)
    .flatMap((p) => {
      const reminder = { periodStart: p.start, label: p.label, dueAt: p.dueAt };
      const dayBefore = chinaInstant(addDays(chinaDate(new Date(p.dueAt)), -1), '09:00');
      const final = new Date(Date.parse(p.dueAt) - FINAL_REMINDER_HOURS * 3_600_000);
      return [
        { ...reminder, at: dayBefore },
        { ...reminder, at: final.toISOString() },
      ];
    })
    .filter((r) => Date.parse(r.at) > now.getTime())
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** The audit-log entries a period's figures count: recorded at or after `from`, before `to`. */
export interface FigureWindow {
  /** ISO instant; null for the first period (everything recorded before it counts too). */
  from: string | null;
  to: string;
}

/** The instant a period's last day ends (China time). */
export function periodEndInstant(period: Pick<Period, 'end'>): string {
  return chinaInstant(addDays(period.end, 1), '00:00');
}

/** When a period's window closes: its first sending if before its end, else its end. */
function cutOff(period: PeriodState, sentAt: string | null): string {
  const end = periodEndInstant(period);
  return sentAt !== null && Date.parse(sentAt) < Date.parse(end) ? sentAt : end;
}

/**
 * The window of the period at `index` (0-based) in a calendar (oldest first). `sendingAt`: the
 * instant it is being sent, for the figures frozen into it (a period already sent keeps its
 * first sending).
 */
export function figureWindow(
  states: readonly PeriodState[],
  index: number,
  sendingAt?: string,
): FigureWindow {
  const period = states[index];
  const previous = index > 0 ? states[index - 1] : undefined;
  return {
    from: previous ? cutOff(previous, previous.submittedAt) : null,
    to: cutOff(period, period.submittedAt ?? sendingAt ?? null),
  };
}

/** One line stating how a report's figures are counted (shown on the report and the export). */
export function figuresMethodLine(basis: 'recorded' | 'eventDate'): string {
  return basis === 'recorded' ? weeklyFiguresMethod : legacyFiguresMethod;
}

/** Reports sent before flows keep the numbers they were sent with. */
const legacyFiguresMethod =
  '统计口径（本期报送时的旧口径）：按考试日期、发证日期和缴费日期统计；撤销报名和费用变动未单列。';

export const weeklyFiguresMethod =
  '统计口径：按记录录入系统的时间（审计日志）计入，每期统计自上期报送（或上期结束）起至本期报送（或本期结束）之间录入的报名、撤销、费用变动、考核结果、发证和缴费；缴费另列缴费日期。每条记录只计入一期，报送后数字不再变化，各期相加等于台账当前合计。';

/** 'HH:MM' 00:00–23:59. */
export const dueTimePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/** '2026-03-02', '2026-03-08' → '2026年3月2日至2026年3月8日'. */
export function formatPeriodRange(start: string, end: string): string {
  return `${formatChineseDate(start)}至${formatChineseDate(end)}`;
}

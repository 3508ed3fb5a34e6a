import { formatChinaDateTime, formatChineseDate } from '../../../../shared/domain/dates';
import type { ParsedInput } from '../../../../shared/contract';
import type { WeeklyReportDetail, WeeklySettings } from '../../../../shared/contract/weekly';
import {
  figureWindow,
  listPeriods,
  notOnTimeRuns,
  passedDues,
  passedPeriods,
  ruleChangeFrom,
  type PeriodState,
  type ScheduleRule,
} from '../../../../shared/domain/weeklyReports';
import { mondayOf } from '../../../../shared/domain/calendar';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import { CoreError, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { exportRange, exportReport } from './export';
import { periodFigures } from './figures';
import { narrativeOf, weeklyRepository } from './repository';
import { calendarOf, weeklyReminders, weeklyStanding } from './standing';

const sameRule = (a: ScheduleRule, b: Omit<ScheduleRule, 'effectiveFrom'>) =>
  a.cadence === b.cadence && a.dueWeekday === b.dueWeekday && a.dueTime === b.dueTime;

type WeeklyHandlerName =
  | 'weekly.getSettings'
  | 'weekly.saveSettings'
  | 'weekly.calendar'
  | 'weekly.alert'
  | 'weekly.reminders'
  | 'weekly.get'
  | 'weekly.saveDraft'
  | 'weekly.submit'
  | 'weekly.revise'
  | 'weekly.export'
  | 'weekly.exportRange';

export function weeklyHandlers(ctx: CoreContext): HandlersFor<WeeklyHandlerName> {
  const { db } = ctx;
  const repo = weeklyRepository(db);

  const auditReport = auditLog(db, 'weekly_report');
  const auditSettings = auditLog<WeeklySettings>(db, 'weekly_settings');

  /** The calendar as of the core clock's now. */
  const calendar = (settings: WeeklySettings | null, now: Date) => calendarOf(repo, settings, now);

  function requireSettings(): WeeklySettings {
    const settings = repo.settings();
    if (!settings) {
      throw new CoreError('NOT_FOUND', '还没有设置周报：请先在周报的设置中填写试点开始日期。', {
        hint: 'weeklySettings',
      });
    }
    return settings;
  }

  /** The calendar at `now` and the index of one period in it (oldest first). */
  function periodOf(periodStart: string, now = ctx.clock()) {
    const states = calendar(requireSettings(), now);
    const index = states.findIndex((p) => p.start === periodStart);
    if (index < 0) {
      throw new CoreError(
        'NOT_FOUND',
        `没有从 ${periodStart} 开始的周报期次：期次从试点开始日期起按周（或每两周）排列，只能填写已经开始的期次。`,
      );
    }
    return { states, index, period: states[index] };
  }

  /** The figures of a period, counted over its window (`sendingAt`: as frozen when sent). */
  const figuresOf = (states: readonly PeriodState[], index: number, sendingAt?: string) =>
    periodFigures(db, states[index], figureWindow(states, index, sendingAt));

  /**
   * The period's report (made on the first write) and its newest revision, which must not be sent:
   * a sent revision is corrected by a new one (`locked` says so, given when it was sent).
   */
  function openReport(
    period: PeriodState,
    at: string,
    locked: (submittedAt: string | null) => string,
  ) {
    const report = repo.ensureReport(period.start, period.end, at);
    const newest = repo.newestRevision(report.id);
    if (newest?.status === 'submitted') {
      throw new CoreError('CONFLICT', locked(newest.submitted_at), { hint: 'weeklyCorrection' });
    }
    return { report, newest };
  }

  function detail(
    periodStart: string,
    known?: { states: PeriodState[]; index: number },
  ): WeeklyReportDetail {
    const { states, index } = known ?? periodOf(periodStart);
    const period = states[index];
    const liveFigures = figuresOf(states, index);
    const report = repo.report(period.start);
    return {
      period,
      revisions: report ? repo.revisions(report.id, liveFigures) : [],
      liveFigures,
      notOnTimeRuns: notOnTimeRuns(states, requireSettings().notOnTimeThreshold),
      defaultSubmitter: repo.school().reporter,
    };
  }

  /** After a change, every report on file must still be the report of a listed period. */
  function checkReportsStillListed(settings: WeeklySettings, now: Date) {
    const listed = new Set(calendar(settings, now).map((p) => p.start));
    const orphan = repo.reportsOnFile().find((r) => !listed.has(r.periodStart));
    if (orphan) {
      const message = `已有从 ${formatChineseDate(orphan.periodStart)}开始的一期周报，按新的设置它不再对应任何一期；请保留原来的试点开始日期，或选择使这一期仍然成立的日期。`;
      throw new CoreError('CONFLICT', message, { fields: [{ path: 'pilotStart', message }] });
    }
  }

  /**
   * A new pilot start that moves or drops periods already due, and with them the weeks missed
   * (rule 16), is asked about first: only a wrong date on file should be corrected that way.
   * Periods added before the old start change no deadline that was on file.
   */
  function confirmPassedUnchanged(before: WeeklySettings, after: WeeklySettings, now: Date) {
    const was = calendar(before, now);
    const will = calendar(after, now);
    const kept = new Set(passedDues(will, now));
    if (passedDues(was, now).every((due) => kept.has(due))) return;
    const missed = (periods: PeriodState[]) =>
      passedPeriods(periods, now).filter((p) => p.status === 'unfiled' || p.status === 'late')
        .length;
    const message = `试点开始日期改为${formatChineseDate(after.pilotStart)}后，已过截止时间的周报期次会改变：原来已到期 ${passedPeriods(was, now).length} 期（其中未按时报送 ${missed(was)} 期），改后已到期 ${passedPeriods(will, now).length} 期（未按时报送 ${missed(will)} 期）。只应在原来的日期填错时这样修改，修改会记入操作记录。仍然保存？`;
    throw new CoreError('NEEDS_CONFIRMATION', message);
  }

  const saveSettings = db.transaction(
    (input: ParsedInput<'weekly.saveSettings'>): WeeklySettings => {
      const now = ctx.clock();
      const at = now.toISOString();
      const before = repo.settings();
      const rule = { cadence: input.cadence, dueWeekday: input.dueWeekday, dueTime: input.dueTime };
      const firstMonday = mondayOf(input.pilotStart);
      repo.writeSettings(
        input.pilotStart,
        { threshold: input.notOnTimeThreshold, startWithSystem: input.startWithSystem },
        at,
      );
      const schedule = before && repo.schedule(before);
      const anyDue =
        schedule && listPeriods(schedule, now).some((p) => Date.parse(p.dueAt) <= +now);
      if (!schedule || !anyDue) {
        // No report due yet: one rule from the start.
        repo.setRuleFrom({ ...rule, effectiveFrom: firstMonday }, at, true);
      } else if (!sameRule(before.rules[before.rules.length - 1], rule)) {
        // Mid-pilot: from the first period not yet due; no deadline that has passed moves.
        repo.setRuleFrom(
          { ...rule, effectiveFrom: ruleChangeFrom(schedule, rule, now) },
          at,
          false,
        );
      }
      const after = repo.settings();
      if (!after) throw new Error('weekly settings missing after save');
      checkReportsStillListed(after, now);
      if (before && !input.confirm) confirmPassedUnchanged(before, after, now);
      auditSettings(auditStamp(ctx, at), 1, before ? 'update' : 'create', before, after);
      return after;
    },
  );

  const saveDraft = db.transaction((input: ParsedInput<'weekly.saveDraft'>) => {
    const { period } = periodOf(input.periodStart);
    const at = ctx.now();
    const { report, newest } = openReport(
      period,
      at,
      () => `${period.label}的周报已报送并锁定，不能直接修改；如需更正，请新建一个更正版本。`,
    );
    const narrative = narrativeOf(input);
    if (!newest) {
      repo.insertRevision(report.id, 1, narrative, at);
      auditReport(auditStamp(ctx, at), period.start, 'create', null, {
        revision: 1,
        status: 'draft',
        ...narrative,
      });
    } else {
      repo.updateDraft(newest.id, narrative, at);
      auditReport(
        auditStamp(ctx, at),
        period.start,
        'update',
        { revision: newest.revision, status: 'draft', ...narrativeOf(newest) },
        { revision: newest.revision, status: 'draft', ...narrative },
      );
    }
  });

  const submit = db.transaction((input: ParsedInput<'weekly.submit'>) => {
    const { states, index, period } = periodOf(input.periodStart);
    const narrative = narrativeOf(input);
    const submitter = input.submitter || repo.school().reporter;
    const missing = [];
    if (!narrative.progress) {
      missing.push({ path: 'progress', message: '报送前请填写本周工作进展' });
    }
    if (!submitter) {
      missing.push({
        path: 'submitter',
        message: '请填写报送人，或先在学校信息中填写周报填报人',
      });
    }
    if (missing.length > 0) throw validationError(missing);
    const at = ctx.now();
    const { report, newest } = openReport(
      period,
      at,
      (submittedAt) =>
        `${period.label}的周报已于 ${formatChinaDateTime(submittedAt ?? at)} 报送；如需更正，请新建一个更正版本。`,
    );
    const sent = { figures: figuresOf(states, index, at), submitter };
    const revision = newest?.revision ?? 1;
    if (newest) repo.updateDraft(newest.id, narrative, at, sent);
    else repo.insertRevision(report.id, 1, narrative, at, sent);
    repo.markSubmitted(report.id, at);
    auditReport(
      auditStamp(ctx, at),
      period.start,
      'update',
      newest ? { revision, status: 'draft', ...narrativeOf(newest) } : null,
      {
        revision,
        status: 'submitted',
        submitter,
        submittedAt: at,
        dueAt: period.dueAt,
        late: period.submittedAt === null && Date.parse(at) > Date.parse(period.dueAt),
        ...narrative,
        totals: sent.figures.totals,
      },
    );
  });

  const revise = db.transaction((periodStart: string) => {
    const { period } = periodOf(periodStart);
    const report = repo.report(period.start);
    const newest = report ? repo.newestRevision(report.id) : undefined;
    if (!report || !newest || newest.status !== 'submitted') {
      if (newest?.status === 'draft') return; // a correction is already being drafted
      throw new CoreError('CONFLICT', `${period.label}的周报还没有报送，直接修改草稿即可。`);
    }
    const at = ctx.now();
    const narrative = narrativeOf(newest);
    repo.insertRevision(report.id, newest.revision + 1, narrative, at);
    auditReport(auditStamp(ctx, at), period.start, 'create', null, {
      revision: newest.revision + 1,
      status: 'draft',
      correctionOf: newest.revision,
      ...narrative,
    });
  });

  return {
    'weekly.getSettings': () => repo.settings(),
    'weekly.saveSettings': (input) => saveSettings(input),
    'weekly.calendar': () => {
      const now = ctx.clock();
      return {
        ...weeklyStanding(repo, now),
        now: now.toISOString(),
        defaultSubmitter: repo.school().reporter,
        reminder: weeklyReminders(repo, now).reminder,
      };
    },
    'weekly.alert': () => weeklyStanding(repo, ctx.clock()).alert,
    'weekly.reminders': () => weeklyReminders(repo, ctx.clock()),
    'weekly.get': ({ periodStart }) => detail(periodStart),
    'weekly.saveDraft': (input) => {
      saveDraft(input);
      return detail(input.periodStart);
    },
    'weekly.submit': (input) => {
      submit(input);
      return detail(input.periodStart);
    },
    'weekly.revise': ({ periodStart }) => {
      revise(periodStart);
      return detail(periodStart);
    },
    'weekly.export': ({ periodStart, revision, format }) => {
      const report = detail(periodStart);
      const chosen =
        revision === undefined
          ? report.revisions[0]
          : report.revisions.find((r) => r.revision === revision);
      if (revision !== undefined && !chosen) {
        throw new CoreError('NOT_FOUND', `${report.period.label}的周报没有第 ${revision} 版。`);
      }
      return exportReport(repo.school(), report, chosen ?? null, format, ctx.today());
    },
    'weekly.exportRange': ({ from, to, format }) => {
      const states = calendar(requireSettings(), ctx.clock());
      const periods = states.filter((p) => p.start >= from && p.start <= to);
      if (periods.length === 0) {
        throw new CoreError('NOT_FOUND', `${from} 至 ${to} 之间没有周报期次，请调整日期范围。`);
      }
      return exportRange(
        repo.school().name,
        from,
        to,
        periods.map((p) => detail(p.start, { states, index: states.indexOf(p) })),
        format,
      );
    },
  };
}

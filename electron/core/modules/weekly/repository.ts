import type {
  NarrativeKey,
  WeeklyFigures,
  WeeklyRevision,
  WeeklySettings,
} from '../../../../shared/contract/weekly';
import {
  DEFAULT_NOT_ON_TIME_THRESHOLD,
  type Cadence,
  type ReportOnFile,
  type ScheduleRule,
  type WeeklySchedule,
} from '../../../../shared/domain/weeklyReports';
import type { Db } from '../../db/open';

interface RuleRow {
  effective_from: string;
  cadence: Cadence;
  due_weekday: number;
  due_time: string;
}

interface RevisionRow {
  id: number;
  revision: number;
  status: 'draft' | 'submitted';
  progress: string;
  problems: string;
  next_plan: string;
  experience: string;
  figures_json: string | null;
  submitter: string;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportRow {
  id: number;
  period_start: string;
  period_end: string;
  first_submitted_at: string | null;
}

export type Narrative = Record<NarrativeKey, string>;

/** What a revision sent at its write carries: the figures it froze and who sent it. */
interface SentRevision {
  figures: WeeklyFigures;
  submitter: string;
}

/** A revision's columns as its insert and update write them; `sent` makes it submitted. */
function revisionValues(narrative: Narrative, at: string, sent?: SentRevision) {
  return {
    status: sent ? 'submitted' : 'draft',
    ...narrative,
    figures: sent ? JSON.stringify(sent.figures) : null,
    submitter: sent?.submitter ?? '',
    submittedAt: sent ? at : null,
    at,
  };
}

/** The SQL of the weekly-report tables (migration 010), in one place. */
export function weeklyRepository(db: Db) {
  const settingsRow = db.prepare<
    [],
    {
      pilot_start: string;
      not_on_time_threshold: number;
      start_with_system: number;
      updated_at: string;
    }
  >(
    `SELECT pilot_start, not_on_time_threshold, start_with_system, updated_at
     FROM weekly_settings WHERE id = 1`,
  );
  const ruleRows = db.prepare<[], RuleRow>(
    `SELECT effective_from, cadence, due_weekday, due_time FROM weekly_schedule
     ORDER BY effective_from`,
  );
  const reportByStart = db.prepare<[string], ReportRow>(
    'SELECT id, period_start, period_end, first_submitted_at FROM weekly_reports WHERE period_start = ?',
  );
  const revisionsOf = db.prepare<[number], RevisionRow>(
    'SELECT * FROM weekly_report_revisions WHERE report_id = ? ORDER BY revision DESC',
  );

  const toRule = (r: RuleRow): ScheduleRule => ({
    effectiveFrom: r.effective_from,
    cadence: r.cadence,
    dueWeekday: r.due_weekday,
    dueTime: r.due_time,
  });

  return {
    settings(): WeeklySettings | null {
      const row = settingsRow.get();
      if (!row) return null;
      const rules = ruleRows.all().map(toRule);
      const current = rules[rules.length - 1];
      return {
        pilotStart: row.pilot_start,
        cadence: current.cadence,
        dueWeekday: current.dueWeekday,
        dueTime: current.dueTime,
        notOnTimeThreshold: row.not_on_time_threshold,
        startWithSystem: row.start_with_system === 1,
        rules,
        updatedAt: row.updated_at,
      };
    },

    schedule(settings: WeeklySettings): WeeklySchedule {
      return { pilotStart: settings.pilotStart, rules: settings.rules };
    },

    /** An option left undefined keeps the value on file (the default on a first save). */
    writeSettings(
      pilotStart: string,
      options: { threshold?: number; startWithSystem?: boolean },
      at: string,
    ): void {
      db.prepare(
        `INSERT INTO weekly_settings
           (id, pilot_start, not_on_time_threshold, start_with_system, updated_at)
         VALUES (1, @pilotStart, coalesce(@threshold, ${DEFAULT_NOT_ON_TIME_THRESHOLD}),
           coalesce(@start, 0), @at)
         ON CONFLICT (id) DO UPDATE SET pilot_start = excluded.pilot_start,
           not_on_time_threshold = coalesce(@threshold, not_on_time_threshold),
           start_with_system = coalesce(@start, start_with_system),
           updated_at = excluded.updated_at`,
      ).run({
        pilotStart,
        threshold: options.threshold ?? null,
        start: options.startWithSystem === undefined ? null : Number(options.startWithSystem),
        at,
      });
    },

    /** Puts `rule` in force from its Monday on, dropping rules from that Monday or later. */
    setRuleFrom(rule: ScheduleRule, at: string, replaceAll: boolean): void {
      if (replaceAll) db.prepare('DELETE FROM weekly_schedule').run();
      else {
        db.prepare('DELETE FROM weekly_schedule WHERE effective_from >= ?').run(rule.effectiveFrom);
      }
      db.prepare(
        `INSERT INTO weekly_schedule (effective_from, cadence, due_weekday, due_time, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ).run(rule.effectiveFrom, rule.cadence, rule.dueWeekday, rule.dueTime, at);
    },

    reportsOnFile(): ReportOnFile[] {
      return db
        .prepare<
          [],
          {
            period_start: string;
            first_submitted_at: string | null;
            submitter: string | null;
            newest_status: string;
            submitted: number;
          }
        >(
          `SELECT r.period_start, r.first_submitted_at,
             (SELECT submitter FROM weekly_report_revisions v
               WHERE v.report_id = r.id AND v.status = 'submitted'
               ORDER BY v.revision LIMIT 1) AS submitter,
             (SELECT status FROM weekly_report_revisions v
               WHERE v.report_id = r.id ORDER BY v.revision DESC LIMIT 1) AS newest_status,
             (SELECT COUNT(*) FROM weekly_report_revisions v
               WHERE v.report_id = r.id AND v.status = 'submitted') AS submitted
           FROM weekly_reports r`,
        )
        .all()
        .map((r) => ({
          periodStart: r.period_start,
          firstSubmittedAt: r.first_submitted_at,
          submitter: r.submitter ?? '',
          hasDraft: r.newest_status === 'draft',
          submittedRevisions: r.submitted,
        }));
    },

    earliestReportStart(): string | null {
      return (
        db
          .prepare<[], { s: string | null }>('SELECT MIN(period_start) AS s FROM weekly_reports')
          .get()?.s ?? null
      );
    },

    report(periodStart: string): ReportRow | undefined {
      return reportByStart.get(periodStart);
    },

    /** The report row of a period, created (empty) when missing; its end follows the schedule. */
    ensureReport(periodStart: string, periodEnd: string, at: string): ReportRow {
      db.prepare(
        `INSERT INTO weekly_reports (period_start, period_end, created_at, updated_at)
         VALUES (?, ?, ?, ?)
         ON CONFLICT (period_start) DO UPDATE SET period_end = excluded.period_end`,
      ).run(periodStart, periodEnd, at, at);
      const row = reportByStart.get(periodStart);
      if (!row) throw new Error('weekly report row missing after insert');
      return row;
    },

    markSubmitted(reportId: number, at: string): void {
      db.prepare(
        `UPDATE weekly_reports SET first_submitted_at = COALESCE(first_submitted_at, ?),
           updated_at = ? WHERE id = ?`,
      ).run(at, at, reportId);
    },

    /** Every revision, newest first; a draft gets `liveFigures`. */
    revisions(reportId: number, liveFigures: WeeklyFigures): WeeklyRevision[] {
      return revisionsOf.all(reportId).map((r) => ({
        revision: r.revision,
        status: r.status,
        progress: r.progress,
        problems: r.problems,
        nextPlan: r.next_plan,
        experience: r.experience,
        figures: r.figures_json === null ? liveFigures : frozenFigures(r.figures_json),
        submitter: r.submitter,
        submittedAt: r.submitted_at,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      }));
    },

    newestRevision(reportId: number): RevisionRow | undefined {
      return revisionsOf.get(reportId);
    },

    insertRevision(
      reportId: number,
      revision: number,
      narrative: Narrative,
      at: string,
      sent?: SentRevision,
    ): void {
      db.prepare(
        `INSERT INTO weekly_report_revisions (report_id, revision, status, progress, problems,
           next_plan, experience, figures_json, submitter, submitted_at, created_at, updated_at)
         VALUES (@reportId, @revision, @status, @progress, @problems, @nextPlan, @experience,
           @figures, @submitter, @submittedAt, @at, @at)`,
      ).run({ reportId, revision, ...revisionValues(narrative, at, sent) });
    },

    /** Updates a draft revision (the triggers refuse a sent one). */
    updateDraft(revisionId: number, narrative: Narrative, at: string, sent?: SentRevision): void {
      db.prepare(
        `UPDATE weekly_report_revisions SET status = @status, progress = @progress,
           problems = @problems, next_plan = @nextPlan, experience = @experience,
           figures_json = @figures, submitter = @submitter, submitted_at = @submittedAt,
           updated_at = @at
         WHERE id = @id AND status = 'draft'`,
      ).run({ id: revisionId, ...revisionValues(narrative, at, sent) });
    },

    school(): WeeklySchool {
      const row = db
        .prepare<[], { name: string; weekly_reporter_name: string; weekly_reporter_phone: string }>(
          'SELECT name, weekly_reporter_name, weekly_reporter_phone FROM school WHERE id = 1',
        )
        .get();
      return {
        name: row?.name ?? '',
        reporter: row?.weekly_reporter_name ?? '',
        phone: row?.weekly_reporter_phone ?? '',
      };
    },
  };
}

export type WeeklyRepository = ReturnType<typeof weeklyRepository>;

/** The school as the weekly report names it: the school and its 周报填报人. */
export interface WeeklySchool {
  name: string;
  reporter: string;
  phone: string;
}

/**
 * Figures as they were sent. Reports sent before flows (no `basis`) counted by exam, issue and
 * payment dates; they keep their numbers, with the flow-only columns as zero.
 */
function frozenFigures(json: string): WeeklyFigures {
  const sent = JSON.parse(json) as WeeklyFigures;
  if (sent.basis) return sent;
  const legacy = <T extends WeeklyFigures['totals']>(row: T): T => ({
    ...row,
    withdrawn: 0,
    feeFen: 0,
  });
  return {
    ...sent,
    basis: 'eventDate',
    windowFrom: null,
    windowTo: sent.to,
    totals: legacy(sent.totals),
    byCertificate: sent.byCertificate.map(legacy),
    payments: [],
  };
}

export function narrativeOf(r: {
  progress: string;
  problems: string;
  next_plan?: string;
  nextPlan?: string;
  experience: string;
}): Narrative {
  return {
    progress: r.progress,
    problems: r.problems,
    nextPlan: r.nextPlan ?? r.next_plan ?? '',
    experience: r.experience,
  };
}

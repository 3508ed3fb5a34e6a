import type { WeeklySettings } from '../../../../shared/contract/weekly';
import {
  DEFAULT_NOT_ON_TIME_THRESHOLD,
  dueReminder,
  reminderTimes,
  standingOf,
  type AlertSummary,
  type PeriodState,
} from '../../../../shared/domain/weeklyReports';
import type { WeeklyRepository } from './repository';

const noAlert: AlertSummary = {
  level: 'none',
  longestRun: 0,
  runStarts: [],
  runLabels: [],
  missedStarts: [],
  missedLabels: [],
  lateCount: 0,
  longestNotOnTimeRun: 0,
  threshold: DEFAULT_NOT_ON_TIME_THRESHOLD,
  notOnTimeRuns: [],
  nextDueAt: null,
};

/** Every period from the pilot start to `now` with its status; none before settings exist. */
export function calendarOf(
  repo: WeeklyRepository,
  settings: WeeklySettings | null,
  now: Date,
): PeriodState[] {
  return settings ? weeklyStandingOf(repo, settings, now).periods : [];
}

function weeklyStandingOf(repo: WeeklyRepository, settings: WeeklySettings, now: Date) {
  return standingOf(
    repo.schedule(settings),
    repo.reportsOnFile(),
    now,
    settings.notOnTimeThreshold,
  );
}

/** Where the weekly reports stand at `now`: the 周报 page, the banner and the dashboard. */
export function weeklyStanding(repo: WeeklyRepository, now: Date) {
  const settings = repo.settings();
  if (!settings) return { settings, periods: [] as PeriodState[], alert: noAlert };
  return { settings, ...weeklyStandingOf(repo, settings, now) };
}

/** The reminder to show on opening and the desktop notifications to come. */
export function weeklyReminders(repo: WeeklyRepository, now: Date) {
  const settings = repo.settings();
  if (!settings) return { reminder: null, upcoming: [] };
  const schedule = repo.schedule(settings);
  const reports = repo.reportsOnFile();
  return {
    reminder: dueReminder(schedule, reports, now),
    upcoming: reminderTimes(schedule, reports, now),
  };
}

import type { WeeklySettings } from '../../../../shared/contract/weekly';
import {
  alertOf,
  reportCalendar,
  type AlertSummary,
  type PeriodState,
} from '../../../../shared/domain/weeklyReports';
import type { WeeklyRepository } from './repository';

const noAlert: AlertSummary = {
  level: 'none',
  longestRun: 0,
  runStarts: [],
  missedStarts: [],
  missedLabels: [],
  lateCount: 0,
  longestNotOnTimeRun: 0,
  nextDueAt: null,
};

/** Every period from the pilot start to `now` with its status; none before settings exist. */
export function calendarOf(
  repo: WeeklyRepository,
  settings: WeeklySettings | null,
  now: Date,
): PeriodState[] {
  return settings ? reportCalendar(repo.schedule(settings), repo.reportsOnFile(), now) : [];
}

/** Where the weekly reports stand at `now`: the 周报 page, the banner and the dashboard. */
export function weeklyStanding(repo: WeeklyRepository, now: Date) {
  const settings = repo.settings();
  const periods = calendarOf(repo, settings, now);
  return { settings, periods, alert: settings ? alertOf(periods) : noAlert };
}

import type { WeeklyReminders } from '../../shared/contract/weekly';
import { type DueReminder } from '../../shared/domain/weeklyReports';
import { formatChinaDateTime } from '../../shared/domain/dates';

/**
 * The desktop shell's part of the weekly reminders. The schedule itself is
 * `reminderTimes` in shared/domain/weeklyReports.ts; this only waits for the next time, shows
 * the notification and asks the core again. Plain functions over an injected host, so the
 * shell tests run without Electron.
 */

/** The flag the login item starts the app with: open minimised. */
export const HIDDEN_ARG = '--hidden';

/** `app.setLoginItemSettings` for the 开机启动 setting. */
export function loginItemSettingsFor(startWithSystem: boolean) {
  return {
    openAtLogin: startWithSystem,
    // macOS reads openAsHidden; Windows passes the args to the login launch.
    openAsHidden: startWithSystem,
    args: startWithSystem ? [HIDDEN_ARG] : [],
  };
}

/** Launched by the login item: show the window minimised instead of in front. */
export function startsMinimised(argv: readonly string[], wasOpenedAtLogin = false): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}

export function notificationText(reminder: DueReminder): { title: string; body: string } {
  return {
    title: `周报即将截止：${reminder.label}`,
    body: `本期周报应于 ${formatChinaDateTime(reminder.dueAt)} 前报送，请及时填报。`,
  };
}

/** At most this long between two looks at the core (a report sent, a schedule changed). */
export const RECHECK_MS = 60 * 60_000;

export interface ReminderHost {
  now(): Date;
  /** `weekly.reminders` from the core. */
  read(): Promise<WeeklyReminders>;
  notify(reminder: DueReminder): void;
  /** Runs `fn` once after `ms`; returns a cancel. */
  setTimer(fn: () => void, ms: number): () => void;
}

/**
 * Waits for the next notification time, notifies (once per period and time) and looks again;
 * `refresh()` after anything that may change the schedule (a report sent, settings saved).
 */
export function startWeeklyReminders(host: ReminderHost) {
  const notified = new Set<string>();
  let cancel: (() => void) | undefined;
  let stopped = false;

  async function refresh(): Promise<void> {
    cancel?.();
    cancel = undefined;
    let upcoming: WeeklyReminders['upcoming'] = [];
    try {
      upcoming = (await host.read()).upcoming;
    } catch {
      // The core is closing or the file is being restored: look again later.
    }
    if (stopped) return;
    const next = upcoming.find((r) => !notified.has(`${r.periodStart}@${r.at}`));
    const wait = next ? Date.parse(next.at) - host.now().getTime() : RECHECK_MS;
    cancel = host.setTimer(
      () => {
        if (next && host.now().getTime() >= Date.parse(next.at)) {
          notified.add(`${next.periodStart}@${next.at}`);
          host.notify(next);
        }
        void refresh();
      },
      Math.max(0, Math.min(wait, RECHECK_MS)),
    );
  }

  void refresh();
  return {
    refresh,
    stop() {
      stopped = true;
      cancel?.();
    },
  };
}

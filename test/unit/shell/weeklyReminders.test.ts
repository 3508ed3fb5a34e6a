import { describe, expect, it } from 'vitest';
import type { WeeklyReminders } from '../../../shared/contract/weekly';
import { type DueReminder } from '../../../shared/domain/weeklyReports';
import { chinaInstant } from '../../../shared/domain/calendar';
import {
  loginItemSettingsFor,
  notificationText,
  RECHECK_MS,
  startsMinimised,
  startWeeklyReminders,
} from '../../../electron/main/weeklyReminders';

const week10: DueReminder = {
  periodStart: '2026-03-02',
  label: '2026年第10周',
  dueAt: chinaInstant('2026-03-06', '17:00'),
};

/** A fake clock and timer queue: `advance` runs the timers that come due, in order. */
function fakeHost(plan: (now: Date) => WeeklyReminders) {
  let now = Date.parse(chinaInstant('2026-03-04', '12:00'));
  const timers: { at: number; fn: () => void; live: boolean }[] = [];
  const shown: { reminder: DueReminder; at: string }[] = [];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    shown,
    host: {
      now: () => new Date(now),
      read: async () => plan(new Date(now)),
      notify: (reminder: DueReminder) => shown.push({ reminder, at: new Date(now).toISOString() }),
      setTimer(fn: () => void, ms: number) {
        const timer = { at: now + ms, fn, live: true };
        timers.push(timer);
        return () => (timer.live = false);
      },
    },
    async advanceTo(iso: string) {
      const until = Date.parse(iso);
      await settle();
      for (;;) {
        const due = timers.filter((t) => t.live && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        due.live = false;
        now = due.at;
        due.fn();
        await settle();
      }
      now = until;
    },
  };
}

describe('weekly reminders in the desktop shell', () => {
  it('notifies at each scheduled time once, and asks the core again after each', async () => {
    const times = [chinaInstant('2026-03-05', '09:00'), chinaInstant('2026-03-06', '15:00')];
    const fake = fakeHost((now) => ({
      reminder: null,
      upcoming: times
        .filter((at) => Date.parse(at) > now.getTime())
        .map((at) => ({ ...week10, at })),
    }));
    const loop = startWeeklyReminders(fake.host);
    await fake.advanceTo(chinaInstant('2026-03-05', '08:59'));
    expect(fake.shown).toEqual([]);
    await fake.advanceTo(chinaInstant('2026-03-07', '00:00'));
    expect(fake.shown.map((s) => s.at)).toEqual(times);
    expect(notificationText(fake.shown[0].reminder)).toEqual({
      title: '周报即将截止：2026年第10周',
      body: '本期周报应于 2026年3月6日 17:00 前报送，请及时填报。',
    });
    loop.stop();
  });

  it('a report sent before its time: refresh drops the notification', async () => {
    let sent = false;
    const fake = fakeHost(() => ({
      reminder: null,
      upcoming: sent ? [] : [{ ...week10, at: chinaInstant('2026-03-05', '09:00') }],
    }));
    const loop = startWeeklyReminders(fake.host);
    await fake.advanceTo(chinaInstant('2026-03-04', '18:00'));
    sent = true;
    await loop.refresh();
    await fake.advanceTo(chinaInstant('2026-03-06', '18:00'));
    expect(fake.shown).toEqual([]);
    loop.stop();
  });

  it('with nothing scheduled it looks again within the hour; a failing core is retried', async () => {
    let reads = 0;
    const fake = fakeHost(() => {
      reads += 1;
      if (reads === 1) throw new Error('closing');
      return { reminder: null, upcoming: [] };
    });
    const loop = startWeeklyReminders(fake.host);
    await fake.advanceTo(
      new Date(Date.parse(chinaInstant('2026-03-04', '12:00')) + 3 * RECHECK_MS).toISOString(),
    );
    expect(reads).toBe(4);
    loop.stop();
  });

  it('开机启动 registers a minimised login launch; only that launch starts minimised', () => {
    expect(loginItemSettingsFor(true)).toEqual({
      openAtLogin: true,
      openAsHidden: true,
      args: ['--hidden'],
    });
    expect(loginItemSettingsFor(false)).toEqual({
      openAtLogin: false,
      openAsHidden: false,
      args: [],
    });
    expect(startsMinimised(['electron', '.', '--hidden'])).toBe(true);
    expect(startsMinimised(['electron', '.'])).toBe(false);
    expect(startsMinimised(['electron', '.'], true)).toBe(true);
  });
});

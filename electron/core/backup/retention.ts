/**
 * Which automatic backups to keep: the newest `newest` ones, plus the newest one of each calendar
 * day (Asia/Shanghai, UTC+8 all year) for the last `days` days, today included. Pure: the caller
 * deletes the rest.
 */
export interface RetentionPolicy {
  newest: number;
  days: number;
}

export const defaultRetention: RetentionPolicy = { newest: 10, days: 30 };

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 in Asia/Shanghai: two instants share a number when they share a date there. */
export function shanghaiDayNumber(at: Date): number {
  return Math.floor((at.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export interface Dated {
  id: string;
  at: Date;
}

export function backupsToKeep(
  backups: readonly Dated[],
  now: Date,
  policy: RetentionPolicy = defaultRetention,
): Set<string> {
  const newestFirst = [...backups].sort(
    (a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  const keep = new Set(newestFirst.slice(0, policy.newest).map((b) => b.id));
  const today = shanghaiDayNumber(now);
  const seenDays = new Set<number>();
  for (const backup of newestFirst) {
    const day = shanghaiDayNumber(backup.at);
    if (today - day >= policy.days || seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(backup.id);
  }
  return keep;
}

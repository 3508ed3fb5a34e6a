/*
 * Calendar arithmetic on 'YYYY-MM-DD' dates (China time) without a date library: day numbers,
 * weekdays, ISO weeks and the UTC instant of a China-time clock time. The weekly report calendar
 * and the pages' charts count days with these.
 */

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
/** China time is UTC+8 all year (no daylight saving). */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

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

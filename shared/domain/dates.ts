import { CHINA_OFFSET_MS } from './calendar';

/** '2020-05-20' → '2020年5月20日' (Chinese documents and records); other text is returned as is. */
export function formatChineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : isoDate;
}

/** Why a dated record (`what`, e.g. 发证日期) cannot be on `on`, after `today`; null when it can. */
export function afterTodayProblem(what: string, on: string, today: string): string | null {
  return on > today
    ? `${what}${formatChineseDate(on)}晚于今天（${formatChineseDate(today)}），请核对`
    : null;
}

/** An agreement's term: '2020年9月1日 至 2023年8月31日' (an open end stays blank). */
export function formatDateSpan(start: string, end: string | null): string {
  return `${formatChineseDate(start)} 至 ${end ? formatChineseDate(end) : ''}`.trimEnd();
}

/** The calendar date in China (UTC+8, no daylight saving) at `instant`, as `YYYY-MM-DD`. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** '1985-03' → '1985年3月' (a birth month in records and documents); other text is returned as is. */
export function formatChineseYearMonth(yearMonth: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  return match ? `${match[1]}年${Number(match[2])}月` : yearMonth;
}

export type TypedDate = { ok: true; iso: string } | { ok: false; message: string };

/** Full-width digits and date punctuation (typed with a Chinese input method) as ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF0D\uFF0E\uFF0F\uFF10-\uFF19]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

// Year, month and day as people type them: 2019-09-01, 2019/9/1, 2019.9.1, 2019年9月1日, 20190901.
const typedDatePatterns = [
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/,
  /^(\d{4})()年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})()(\d{2})(\d{2})$/,
];

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as a person types it, as an ISO 'YYYY-MM-DD', or why it is no date (an impossible day
 * is refused, never rolled over into the next month). The caller treats blank text as no date.
 */
export function parseTypedDate(text: string): TypedDate {
  const compact = toHalfWidth(text).replace(/\s+/g, '');
  const match = typedDatePatterns.map((p) => p.exec(compact)).find((m) => m !== null);
  if (!match) {
    return { ok: false, message: '日期无效：请按 2019-09-01 或 2019年9月1日 的格式填写' };
  }
  const [year, month, day] = [match[1], match[3], match[4]].map(Number) as [number, number, number];
  if (month < 1 || month > 12) return { ok: false, message: `日期无效：没有${month}月` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `日期无效：${year}年${month}月没有${day}日` };
  }
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

export type TypedYearMonth = { ok: true; yearMonth: string } | { ok: false; message: string };

// Year and month as people type them: 1985-03, 1985/3, 1985.3, 1985年3月, 198503.
const typedYearMonthPatterns = [
  /^(\d{4})[-/.](\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月?$/,
  /^(\d{4})(\d{2})$/,
];

/**
 * A year and month as a person types it, as 'YYYY-MM', or why it is none; a whole date (a 出生日期
 * column) keeps its year and month. The caller treats blank text as no month.
 */
export function parseTypedYearMonth(text: string): TypedYearMonth {
  const compact = toHalfWidth(text).replace(/\s+/g, '');
  const match = typedYearMonthPatterns.map((p) => p.exec(compact)).find((m) => m !== null);
  if (!match) {
    const date = parseTypedDate(compact);
    if (date.ok) return { ok: true, yearMonth: date.iso.slice(0, 7) };
    return { ok: false, message: '年月无效：请按 1985-03 或 1985年3月 的格式填写' };
  }
  const [year, month] = [match[1], match[2]].map(Number) as [number, number];
  if (month < 1 || month > 12) return { ok: false, message: `年月无效：没有${month}月` };
  return { ok: true, yearMonth: `${year}-${pad(month)}` };
}

/** An instant as China time: '2026-03-06T09:00:00.000Z' → '2026年3月6日 17:00'. */
export function formatChinaDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  const [y, m, d] = local.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日 ${local.slice(11, 16)}`;
}

/**
 * Students (学生): how roster cells are read (年级, 性别, 是/否, phone numbers) and how a roster's
 * 专业 text is matched to the school's majors. Pure: forms, the core and imports share them.
 */
import { isPhoneNumber } from './formats';
import { majorCodePattern } from './majors';
import type { Gender } from './teachers';
import { normalizeText } from './text';

/** 学号: letters, digits, '-' and '_'; compared without regard to letter case. */
export const studentNoPattern = /^[A-Za-z0-9_-]+$/;

/**
 * A person's name as stored: the spaces Chinese rosters put between the two characters of a
 * short name to align it with longer ones (张, ideographic space, 三) go; spaces between words
 * in Latin letters stay.
 */
export function normalizePersonName(text: string): string {
  return normalizeText(text).replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '');
}

/** Entry years (入学年份) the app accepts: from 1990 to next year's intake. */
const entryYearRange = (today: string) =>
  ({ min: 1990, max: Number(today.slice(0, 4)) + 1 }) as const;

/** Why `year` cannot be an entry year on `today` (ISO); null when it can. */
export function entryYearProblem(year: number, today: string): string | null {
  const range = entryYearRange(today);
  return year < range.min || year > range.max
    ? `入学年份 ${year} 超出范围：应在 ${range.min}–${range.max} 年之间`
    : null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Reads 年级 / 入学年份 as rosters write it: 2023, 2023级, 23级, 2023年, 2023年9月, 2023-09-01,
 * 2023.9 → 2023. `届` is a graduation year and is refused with a hint. Empty → null.
 * `today` (ISO) bounds the year: at most next year's intake.
 */
export function parseEntryYear(text: string, today: string): Parsed<number | null> {
  const t = normalizeText(text).replace(/\s+/g, '');
  if (t === '') return { ok: true, value: null };
  const expected = `应为入学年份，例如 2023 或“2023级”`;
  if (/届$/.test(t)) {
    return {
      ok: false,
      message: `“${t}”是毕业年份（届），请填写入学年份（年级），例如 2023级`,
    };
  }
  let year: number | undefined;
  const full = /^(\d{4})(级|年级|年|年入学)?$/.exec(t) ?? /^(\d{4})([-/.年]\d{1,2}.*)$/.exec(t);
  const short = /^(\d{2})级$/.exec(t);
  if (full) year = Number(full[1]);
  else if (short) year = 2000 + Number(short[1]);
  if (year === undefined) return { ok: false, message: `年级“${t}”无法识别，${expected}` };
  const problem = entryYearProblem(year, today);
  return problem ? { ok: false, message: problem } : { ok: true, value: year };
}

/** 男/女 as rosters write it (男性, M, F, 1 = 男, 2 = 女 per GB/T 2261.1); undefined if unknown. */
export function parseGender(text: string): Gender | undefined {
  const t = normalizeText(text).replace(/\s+/g, '').toLowerCase();
  if (['男', '男性', 'm', 'male', '1'].includes(t)) return 'male';
  if (['女', '女性', 'f', 'female', '2'].includes(t)) return 'female';
  return undefined;
}

/** 是/否 (Y/N, √/×, TRUE/FALSE, 1/0); null when empty, undefined when unreadable. */
export function parseYesNo(text: string): boolean | null | undefined {
  const t = normalizeText(text).replace(/\s+/g, '').toLowerCase();
  if (t === '') return null;
  if (['是', 'y', 'yes', '√', '✓', 'true', '1', '试点', '试点学生'].includes(t)) return true;
  if (['否', 'n', 'no', '×', '✗', 'false', '0', '非试点'].includes(t)) return false;
  return undefined;
}

/**
 * A phone number as stored: half-width, without spaces; a mobile number loses a +86 / 0086
 * prefix and the dashes, dots, brackets or spaces people put in it (138-6189 0164,
 * +86 138 0013 8000, （138）00138000). Landlines keep their dash.
 */
export function normalizePhone(text: string): string {
  const t = normalizeText(text).replace(/\s+/g, '');
  const digits = t.replace(/[-－‐‑‒–—―.·()（）]/g, '').replace(/^＋/, '+');
  const mobile = /^(?:\+86|0086|86)?(1\d{10})$/.exec(digits);
  if (mobile) return mobile[1];
  // A landline as rosters write it — (027)8888-1234, 027-8888-1234 — as 027-88881234.
  const landline = /^[(（]?(0\d{2,3})[)）]?[-－‐‑‒–—―.·]?(\d{3,4})[-－‐‑‒–—―.·]?(\d{4})$/.exec(t);
  return landline ? `${landline[1]}-${landline[2]}${landline[3]}` : t;
}

export const isStudentPhone = (value: string) => value === '' || isPhoneNumber(value);

export interface MajorRef {
  id: number;
  code: string;
  name: string;
}

/** The import preview's group of rows whose 专业 names no saved major (the dialog offers to add them). */
export const UNMATCHED_MAJOR_GROUP = '专业未匹配';

export type MajorMatch =
  | { kind: 'none' }
  | { kind: 'matched'; major: MajorRef }
  | { kind: 'unmatched'; text: string }
  | { kind: 'ambiguous'; text: string; candidates: MajorRef[] };

const majorKey = (text: string) => normalizeText(text).replace(/\s+/g, '').toLowerCase();

/**
 * Matches a roster's 专业 cell against the school's majors: by 6-digit code (“510203” or
 * “510203 软件技术”), else by name ignoring spaces and letter case. A name held by majors of
 * two levels (中职 and 高职 软件技术) is ambiguous: the code must decide.
 */
export function matchMajor(text: string, majors: readonly MajorRef[]): MajorMatch {
  const t = normalizeText(text);
  if (t === '') return { kind: 'none' };
  const code = /^(\d{6})(?:\s*(.*))?$/.exec(t);
  if (code && majorCodePattern.test(code[1])) {
    const byCode = majors.find((m) => m.code === code[1]);
    if (byCode) return { kind: 'matched', major: byCode };
  }
  const key = majorKey(code?.[2] ? code[2] : t);
  const byName = majors.filter((m) => majorKey(m.name) === key);
  if (byName.length === 1) return { kind: 'matched', major: byName[0] };
  if (byName.length > 1) return { kind: 'ambiguous', text: t, candidates: byName };
  return { kind: 'unmatched', text: t };
}

/**
 * Identity documents of students. The resident ID number (居民身份证号码) is checked per
 * GB 11643-1999: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male, even =
 * female), and a check character by ISO 7064 MOD 11-2. Old 15-digit numbers (GB 11643-1989) are
 * accepted with a warning. Other documents are checked only for a sane shape.
 * Pure: the caller passes "today" (an ISO date in China), so results never depend on the clock.
 */
import { normalizeText } from './text';
import type { Gender } from './teachers';

export const idTypes = ['resident', 'hk_macao', 'taiwan', 'passport', 'other'] as const;
export type IdType = (typeof idTypes)[number];

export const idTypeLabels: Record<IdType, string> = {
  resident: '居民身份证',
  hk_macao: '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  passport: '护照',
  other: '其他',
};

const genderWord: Record<Gender, string> = { male: '男', female: '女' };

export interface IdIssue {
  /** Stable code for tests and the UI: `length`, `checkChar`, `genderMismatch`, … */
  code: string;
  /** Chinese, naming the problem, e.g. 校验位应为 X，实际为 3. */
  message: string;
}

export interface IdCheckResult {
  /** No errors (warnings such as a 15-digit number may remain). */
  valid: boolean;
  /** The number as it should be stored: half-width, no spaces, upper-case letters. */
  normalized: string;
  /** ISO birth date read from a resident ID number, when it is a real date. */
  birthDate: string | null;
  /** Gender read from the sequence code of a resident ID number. */
  gender: Gender | null;
  errors: IdIssue[];
  warnings: IdIssue[];
}

export interface IdCheckOptions {
  /**
   * Today's date in China (`YYYY-MM-DD`): a birth date after it is an error. null skips that
   * check (only for shape checks where no clock is at hand; the core always passes a date).
   */
  today: string | null;
  /** The gender entered beside the number: a resident ID number must agree with it. */
  gender?: Gender | null;
}

/** The warning every 15-digit (GB 11643-1989) resident ID number carries. */
export const LEGACY_ID_WARNING = '15 位旧身份证号，请更换为 18 位';

/** True for a stored resident ID number of the old 15-digit kind. */
export const isLegacyResidentId = (type: IdType, normalized: string) =>
  type === 'resident' && normalized.length === 15;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * Half-width, no spaces or dashes someone typed to group digits, upper case (x → X), without the
 * apostrophe put before it to keep a spreadsheet from turning it into a number ('4201…, as many
 * systems export ID numbers to CSV and WPS keeps in a text cell).
 */
export function normalizeIdNumber(value: string): string {
  return normalizeText(value)
    .replace(/^[\s'‘’`]+/, '')
    .replace(/[\s\u2010-\u2015-]/g, '')
    .toUpperCase();
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID number. */
export function residentCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('residentCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * The form two ID numbers of one person are compared in: an old 15-digit resident number as the
 * 18-digit number it became (19 put before its year, the check character added), as
 * evaluation organizations' platforms list it; anything else normalised only.
 */
export function idNumberMatchKey(value: string): string {
  const id = normalizeIdNumber(value);
  if (!/^\d{15}$/.test(id)) return id;
  const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
  return first17 + residentCheckChar(first17);
}

/** The old 15-digit form of an 18-digit resident number from the 1900s, else null. */
export function legacyIdNumberOf(value: string): string | null {
  const id = normalizeIdNumber(value);
  if (!/^\d{6}19\d{9}[\dX]$/.test(id)) return null;
  const legacy = id.slice(0, 6) + id.slice(8, 17);
  return idNumberMatchKey(legacy) === id ? legacy : null;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** YYYYMMDD → ISO date when it is a real calendar date (leap years included), else null. */
export function compactDateToIso(compact: string): string | null {
  if (!/^\d{8}$/.test(compact)) return null;
  const year = Number(compact.slice(0, 4));
  const month = Number(compact.slice(4, 6));
  const day = Number(compact.slice(6, 8));
  if (month < 1 || month > 12 || day < 1) return null;
  const last = month === 2 && isLeapYear(year) ? 29 : daysInMonth[month - 1];
  if (day > last) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}

const EARLIEST_BIRTH_YEAR = 1900;

function checkBirthDate(
  compact: string,
  position: string,
  today: string | null,
  errors: IdIssue[],
): string | null {
  const iso = compactDateToIso(compact);
  if (!iso) {
    errors.push({
      code: 'birthDate',
      message: `出生日期“${compact}”（${position}）不是有效日期`,
    });
    return null;
  }
  if (Number(compact.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    errors.push({
      code: 'birthDate',
      message: `出生日期“${compact}”（${position}）早于 ${EARLIEST_BIRTH_YEAR} 年，不是有效的出生日期`,
    });
    return null;
  }
  if (today !== null && iso > today) {
    errors.push({
      code: 'birthFuture',
      message: `出生日期 ${iso}（${position}）晚于今天（${today}）`,
    });
    return null;
  }
  return iso;
}

function checkGender(fromId: Gender | null, entered: Gender | null | undefined, errors: IdIssue[]) {
  if (fromId === null || entered === null || entered === undefined || fromId === entered) return;
  errors.push({
    code: 'genderMismatch',
    message: `性别不一致：身份证号码的顺序码表示${genderWord[fromId]}性，但性别填写为“${genderWord[entered]}”`,
  });
}

const result = (
  normalized: string,
  errors: IdIssue[],
  warnings: IdIssue[] = [],
  birthDate: string | null = null,
  gender: Gender | null = null,
): IdCheckResult => ({
  valid: errors.length === 0,
  normalized,
  birthDate,
  gender,
  errors,
  warnings,
});

/** GB 11643-1999 check of a resident ID number (18 characters; 15-digit old numbers warned). */
export function checkResidentId(value: string, options: IdCheckOptions): IdCheckResult {
  const id = normalizeIdNumber(value);
  const errors: IdIssue[] = [];
  if (id === '') return result(id, [{ code: 'empty', message: '请填写身份证号码' }]);

  if (id.length === 15) {
    if (!/^\d{15}$/.test(id)) {
      return result(id, [{ code: 'chars', message: '15 位旧身份证号码应全部为数字' }]);
    }
    const warnings = [{ code: 'legacy15', message: LEGACY_ID_WARNING }];
    if (!/^[1-8]/.test(id)) {
      errors.push({ code: 'area', message: `地区码“${id.slice(0, 6)}”不正确：首位应为 1–8` });
    }
    const birthDate = checkBirthDate(`19${id.slice(6, 12)}`, '第 7–12 位', options.today, errors);
    const gender: Gender = Number(id[14]) % 2 === 1 ? 'male' : 'female';
    checkGender(gender, options.gender, errors);
    return result(id, errors, warnings, birthDate, gender);
  }

  if (id.length !== 18) {
    return result(id, [
      {
        code: 'length',
        message: `身份证号码应为 18 位（旧证 15 位），当前为 ${id.length} 位`,
      },
    ]);
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    const bad = [...id].findIndex((ch, i) => !(/\d/.test(ch) || (i === 17 && ch === 'X')));
    return result(id, [
      {
        code: 'chars',
        message: `身份证号码第 ${bad + 1} 位“${id[bad]}”无效：前 17 位应为数字，最后一位为数字或 X`,
      },
    ]);
  }
  if (!/^[1-8]/.test(id)) {
    errors.push({ code: 'area', message: `地区码“${id.slice(0, 6)}”不正确：首位应为 1–8` });
  }
  const birthDate = checkBirthDate(id.slice(6, 14), '第 7–14 位', options.today, errors);
  const gender: Gender = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  const expected = residentCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    errors.push({ code: 'checkChar', message: `校验位应为 ${expected}，实际为 ${id[17]}` });
  }
  checkGender(gender, options.gender, errors);
  return result(id, errors, [], birthDate, gender);
}

interface Shape {
  pattern: RegExp;
  message: string;
}

/** Sane shapes of the other documents; their numbers carry no check digit we could verify. */
const shapes: Record<Exclude<IdType, 'resident'>, Shape> = {
  hk_macao: {
    // Cards since 2013: H/M + 8 digits; older booklets: H/M + 10 digits.
    pattern: /^[HM]\d{8}(\d{2})?$/,
    message: '港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证 10 位），例如 H12345678',
  },
  taiwan: {
    // Cards since 2015: 8 digits; older: 10 digits, sometimes with a letter in brackets.
    pattern: /^(\d{8}|\d{10}(\([A-Z]\))?)$/,
    message: '台湾居民来往大陆通行证号码应为 8 位数字（旧证 10 位），例如 12345678',
  },
  passport: {
    pattern: /^[A-Z0-9]{5,20}$/,
    message: '护照号码应为 5–20 位字母或数字，例如 E12345678',
  },
  other: {
    pattern: /^[A-Z0-9][A-Z0-9()-]{1,29}$/,
    message: '证件号码应为 2–30 位字母、数字、括号或“-”',
  },
};

/** Checks a number of the given document type; see `checkResidentId` for resident IDs. */
export function checkIdNumber(type: IdType, value: string, options: IdCheckOptions): IdCheckResult {
  if (type === 'resident') return checkResidentId(value, options);
  const normalized = normalizeText(value).replace(/\s+/g, '').toUpperCase();
  if (normalized === '') return result(normalized, [{ code: 'empty', message: '请填写证件号码' }]);
  const shape = shapes[type];
  if (!shape.pattern.test(normalized)) {
    return result(normalized, [{ code: 'shape', message: shape.message }]);
  }
  return result(normalized, []);
}

/** Reads a document type as rosters write it (身份证, 回乡证, 台胞证, 护照…); undefined if unknown. */
export function parseIdType(text: string): IdType | undefined {
  const t = normalizeText(text).replace(/\s+/g, '');
  if (t === '') return undefined;
  const exact = idTypes.find((type) => idTypeLabels[type] === t);
  if (exact) return exact;
  if (/^(居民)?身份证(件)?$|^(第?二代)?身份证$|^中华人民共和国居民身份证$/.test(t))
    return 'resident';
  if (/港澳|回乡证/.test(t)) return 'hk_macao';
  if (/台湾|台胞证/.test(t)) return 'taiwan';
  if (/护照|passport/i.test(t)) return 'passport';
  if (t === '其他' || t === '其它') return 'other';
  return undefined;
}

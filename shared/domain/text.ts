/** Clean-up of text typed into forms or read from spreadsheets, shared by both sides. */

const fullWidthAlnum = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
// NBSP, ideographic space (U+3000), the other Unicode spaces, tabs and line breaks.
const strayWhitespace = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;
const zeroWidth = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) become half-width; every kind of space
 * (NBSP, the ideographic space U+3000, tabs, line breaks) collapses to one ASCII space; zero-width
 * characters go; the result is trimmed. Chinese punctuation such as （） is kept as typed.
 */
const alreadyClean = /^[\x21-\x7E]*$/;

export function normalizeText(value: string): string {
  // Printable ASCII without spaces (学号, ID and phone numbers) is clean already: a fast path for
  // the hundreds of thousands of cells a roster has.
  if (alreadyClean.test(value)) return value;
  return value
    .replace(fullWidthAlnum, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(zeroWidth, '')
    .replace(strayWhitespace, ' ')
    .trim();
}

// Full-width digits, signs (＋－), separators (，．) and the ideographic full stop (。) a Chinese
// keyboard gives for a decimal point.
const fullWidthNumber = /[\uFF10-\uFF19\uFF0B-\uFF0E\u3002]/g;

/** A number as typed with a Chinese keyboard (３００．５, 300。5) in half-width form: 300.5. */
export function halfWidthNumber(text: string): string {
  return text.replace(fullWidthNumber, (c) =>
    c === '\u3002' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/** Like normalizeText, but keeps line breaks (for multi-line notes): spaces collapse per line. */
export function normalizeMultilineText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(normalizeText)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoIfValid(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * An Excel date serial as the UTC instant it stands for. Day 25569 is 1970-01-01 in the 1900
 * system every Windows Excel writes; a workbook in the 1904 system counts 1462 days fewer. This
 * is ExcelJS's conversion too, so a date cell and a date typed as a number agree.
 */
export function excelSerialDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25_569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * Reads a date as people type it in Chinese sheets — 2020-09-01, 2020/9/1, 2020.9.1,
 * 2020年9月1日, 20200901, with or without a time after it — into ISO `YYYY-MM-DD`; undefined
 * when it is not a real date. A bare five-digit number is an Excel date serial (46359 =
 * 2026-12-03): what a date shows as once its cell is set to 常规 or it is pasted as a value, so
 * a sheet cannot mean anything else by it.
 */
export function parseDateText(value: string): string | undefined {
  const text = normalizeText(value);
  if (/^\d{5}$/.test(text)) {
    const date = excelSerialDate(Number(text));
    return isoIfValid(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return isoIfValid(+compact[1], +compact[2], +compact[3]);
  // A time after the date (“2020-12-20 00:00:00”, as systems export a date column) is dropped.
  const parts =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(
      text,
    );
  if (parts) return isoIfValid(+parts[1], +parts[2], +parts[3]);
  return undefined;
}

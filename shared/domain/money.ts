/** Money is kept in integer fen (分); these convert at the edges (forms, sheets, documents). */

import { halfWidthNumber } from './text';

const yuanPattern = /^\d{1,9}(\.\d{1,2})?$/;

/**
 * Parses a yuan amount such as "1234.5", "¥1,234.50", "1234.5元" or 1234.5 into fen; undefined when
 * not a valid amount. A trailing 元 is read as the unit, as the number boxes already read it.
 */
export function yuanToFen(value: string | number): number | undefined {
  const text =
    typeof value === 'number'
      ? String(value)
      : halfWidthNumber(value)
          .replace(/[,¥￥\s]/g, '')
          .replace(/元$/, '');
  if (!yuanPattern.test(text)) return undefined;
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** 123450 → "¥1,234.50" */
// One formatter for every call: toLocaleString builds a new one each time, which shows when a
// table formats a page of amounts.
const yuanDigits = new Intl.NumberFormat('en-US');

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = yuanDigits.format(Math.floor(abs / 100));
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123450 → 1234.5, for number inputs. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}

/** 1234.5 → 123450: a number input's (or chart's) yuan as whole fen; the inverse of fenToYuan. */
export function roundYuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** 123450 → "1234.50": an amount for a text input, without ¥ or separators. */
export function fenToYuanText(fen: number): string {
  return (fen / 100).toFixed(2);
}

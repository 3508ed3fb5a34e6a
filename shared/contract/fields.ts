import * as z from 'zod';
import { parseTypedYearMonth } from '../domain/dates';
import { yuanToFen } from '../domain/money';
import { normalizeText } from '../domain/text';

/**
 * Field builders and the id/delete schemas every contract shares: each names its field in every
 * Chinese message, so a form, the core and a row-by-row import report the same text.
 */

/** Required text: trimmed, not empty, bounded. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}`, abort: true })
    .max(max, { error: `${label}不能超过 ${max} 个字` });

/**
 * Required text as a sheet or a form gives it: cleaned (half-width digits, one space between
 * words), then 1..max characters — for names matched against other rows.
 */
export const requiredCleanText = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, { error: `请填写${label}` })
        .max(max, { error: `${label}不能超过 ${max} 个字` }),
    );

/** Optional text: trimmed, '' when empty, bounded. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .max(max, { error: `${label}不能超过 ${max} 个字` })
    .default('');

/** A whole number in [min, max]; one message says what is expected. */
export const intField = (label: string, min: number, max: number, unit = '') => {
  const expected = `${label}应为 ${min}–${max}${unit ? ` ${unit}` : ''}之间的整数`;
  return z
    .number({ error: (issue) => (issue.input == null ? `请填写${label}` : expected) })
    .int({ error: expected })
    .min(min, { error: expected })
    .max(max, { error: expected });
};

/** A boolean flag such as 双师型. */
export const flagField = (label: string, fallback: boolean) =>
  z.boolean({ error: `“${label}”应为“是”或“否”` }).default(fallback);

/** A required ISO date (2020-09-01): “请填写” when empty, the format otherwise. */
export const isoDate = (label: string) =>
  z.iso.date({
    error: (issue) =>
      issue.input == null || issue.input === ''
        ? `请填写${label}`
        : `${label}应为有效日期，格式如 2020-09-01`,
  });

/** A database row id; absent, it is a choice not made (a form's empty select). */
export const idField = (label: string) =>
  z
    .number({ error: (issue) => (issue.input == null ? `请选择${label}` : `${label}无效`) })
    .int({ error: `${label}无效` })
    .positive({ error: `${label}无效` });

/** An optional ISO date (2020-09-01), null when absent. */
export const optionalDate = (label: string) =>
  z.iso
    .date({ error: `${label}应为有效日期，格式如 2020-09-01` })
    .nullable()
    .default(null);

/**
 * An optional year and month typed as people write it (1985-03, 1985.3, 1985年3月, 198503), as
 * 'YYYY-MM'; null when blank or absent.
 */
export const optionalYearMonth = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .nullable()
    .default(null)
    .transform((value, ctx) => {
      const text = value?.trim() ?? '';
      if (text === '') return null;
      const parsed = parseTypedYearMonth(text);
      if (parsed.ok) return parsed.yearMonth;
      ctx.addIssue({ code: 'custom', message: `${label}“${text}”${parsed.message}`, input: value });
      return z.NEVER;
    });

/**
 * A money amount typed in yuan (number or text such as "12800.50" or "¥12,800.5"), parsed into
 * integer fen. The output is fen; never store the yuan value. One message: “请填写” when nothing
 * is typed (absent or a blank text box), the format when something wrong is (e.g. -5).
 */
export const yuanToFenField = (label: string) => {
  const missing = `请填写${label}`;
  const message = `${label}应以元为单位，最多两位小数，例如 12800 或 12800.50`;
  const negative = `${label}不能是负数`;
  // An amount that is right but for its sign is told so, not given the format.
  const isNegative = (value: string | number) =>
    typeof value === 'number'
      ? value < 0
      : /^\s*-/.test(value) && yuanToFen(value.trim().slice(1)) !== undefined;
  return z
    .union([z.number(), z.string()], {
      error: (issue) => (issue.input == null ? missing : message),
    })
    .transform((value, ctx) => {
      const fen = yuanToFen(value);
      if (fen === undefined) {
        const blank = typeof value === 'string' && value.trim() === '';
        const said = blank ? missing : isNegative(value) ? negative : message;
        ctx.addIssue({ code: 'custom', message: said, input: value });
        return z.NEVER;
      }
      return fen;
    });
};

/** `{ id }` for handlers that act on one row. */
export const byIdSchema = z.object({ id: idField('记录编号') });

/** `{ id, force }`: delete one row; `force` confirms it after the user saw what uses it. */
export const deleteSchema = z.object({
  id: idField('记录编号'),
  force: z.boolean({ error: '“确认删除”应为是或否' }).default(false),
});

/** The outcome of a delete. */
export interface DeleteResult {
  id: number;
}

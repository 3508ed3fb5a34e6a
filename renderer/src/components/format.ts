import dayjs from 'dayjs';

/** `iso` in `format`; '' stays ''; text that is not a time (a foreign file's) is shown as it is. */
function formatTime(iso: string | null | undefined, format: string): string {
  if (!iso) return '';
  const time = dayjs(iso);
  return time.isValid() ? time.format(format) : iso;
}

/** 2020-09-01 → 2020年9月1日. */
export const formatDate = (iso: string | null | undefined) => formatTime(iso, 'YYYY年M月D日');

/** An instant in the page's time zone (China on a school PC): 2026年12月3日 00:05. */
export const formatDateTime = (iso: string | null | undefined) =>
  formatTime(iso, 'YYYY年M月D日 HH:mm');

/** A count with thousands separators: 12,345. */
export const formatCount = (n: number) => n.toLocaleString('zh-CN');

export { formatFen } from '../../../shared/domain/money';

/** Sorts text the way a Chinese reader expects (pinyin order), for table sorters. */
export const byText = (a: string, b: string): number => a.localeCompare(b, 'zh-CN');

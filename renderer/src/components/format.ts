import dayjs from 'dayjs';

/** 2020-09-01 → 2020年9月1日; '' stays ''. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY年M月D日') : '';
}

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY年M月D日 HH:mm') : '';
}

export { formatFen } from '../../../shared/domain/money';

/** Sorts text the way a Chinese reader expects (pinyin order), for table sorters. */
export const byText = (a: string, b: string): number => a.localeCompare(b, 'zh-CN');

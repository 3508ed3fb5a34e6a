import type { ColumnType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { byText, formatDate } from './format';

/** The keys of R whose values are V. */
type KeyOf<R, V> = { [K in keyof R]-?: R[K] extends V ? K : never }[keyof R] & string;

/** A column of ISO dates shown as 2020年9月1日 and sorted by date. */
export function dateColumn<R>(
  key: KeyOf<R, string>,
  title: ReactNode,
  width: number,
): ColumnType<R> {
  return {
    title,
    dataIndex: key,
    width,
    sorter: (a, b) => byText(a[key] as string, b[key] as string),
    render: (d: string) => formatDate(d),
  };
}

/** A column of dates as `dateColumn`, newest first until the person sorts it otherwise. */
export function newestFirstColumn<R>(
  key: KeyOf<R, string>,
  title: ReactNode,
  width: number,
): ColumnType<R> {
  return { ...dateColumn<R>(key, title, width), defaultSortOrder: 'descend' };
}

/** A right-aligned column of numbers (amounts in fen, sizes in bytes) sorted by value. */
export function numberColumn<R>(
  key: KeyOf<R, number>,
  title: ReactNode,
  width: number,
  format: (value: number) => ReactNode,
): ColumnType<R> {
  return {
    title,
    dataIndex: key,
    width,
    align: 'right',
    sorter: (a, b) => (a[key] as number) - (b[key] as number),
    render: (value: number) => format(value),
  };
}

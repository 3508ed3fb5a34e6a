import type { TablePaginationConfig } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';

/** The sort a paged list asks the core for. */
export interface ServerSort<K extends string> {
  sortBy: K;
  sortOrder: 'asc' | 'desc';
}

/**
 * A column the core sorts by `key`: it shows the order the list was asked for, and a click
 * switches between ascending and descending.
 */
export function serverSortColumn<K extends string>(sort: ServerSort<K>, key: K) {
  const sortOrder: SortOrder =
    sort.sortBy === key ? (sort.sortOrder === 'desc' ? 'descend' : 'ascend') : null;
  return { key, sorter: true, sortOrder, sortDirections: ['ascend', 'descend'] as SortOrder[] };
}

/**
 * A column the core filters by a domain's values: the field it shows (its key, which the table's
 * change names its ticked values by), each value under its label, and those the query holds.
 */
export function serverFilterColumn<V extends string>(
  field: string,
  values: readonly V[],
  labels: Readonly<Record<V, string>>,
  chosen: readonly V[],
) {
  return {
    key: field,
    dataIndex: field,
    filters: values.map((value) => ({ text: labels[value], value })),
    filteredValue: chosen.length ? [...chosen] : null,
  };
}

/** The sort a table's change asks for; `fallback` when no column is sorted. */
export function sortOfTable<K extends string, R>(
  sorter: SorterResult<R> | SorterResult<R>[],
  fallback: ServerSort<K>,
): ServerSort<K> {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  return s?.order
    ? { sortBy: s.columnKey as K, sortOrder: s.order === 'descend' ? 'desc' : 'asc' }
    : fallback;
}

/**
 * What a paged table's change asks of its query: only another page when the column filters and
 * sort (`patch`, compared through `tableQuery`) and the page size are as they were; else those.
 */
export function pagedTableChange<Q extends { pageSize: number }>(
  query: Q,
  patch: Partial<Q>,
  pagination: TablePaginationConfig,
  tableQuery: (q: Q) => string,
): Partial<Q> | { page: number } {
  const next = { ...patch, pageSize: pagination.pageSize ?? query.pageSize };
  const unchanged =
    tableQuery({ ...query, ...next }) === tableQuery(query) && next.pageSize === query.pageSize;
  return unchanged ? { page: pagination.current ?? 1 } : next;
}

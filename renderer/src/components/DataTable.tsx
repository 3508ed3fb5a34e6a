import { ConfigProvider, Empty, Table, type TableProps, type ThemeConfig } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { t } from '../i18n';

export interface DataTableProps<T> extends Omit<TableProps<T>, 'locale'> {
  /** What to do first when the list is empty, e.g. “点击右上角‘新增教师’”. */
  emptyHint: ReactNode;
  /**
   * For pages fetched from the core: rows are keyed by their place on the page, so a new page or
   * search fills the rows already on screen instead of unmounting and mounting every cell. Not
   * with antd's rowSelection, whose keys would then be places rather than records.
   */
  reuseRows?: boolean;
}

/**
 * Rows without motion: a cell's background fades on hover and selection, and ticking or
 * clearing a page of 50 rows started over a thousand CSS transitions, each event passing
 * through React — seconds of a busy office PC's time for an effect nobody waits for.
 */
const stillRows: ThemeConfig = { token: { motion: false } };

/**
 * Every list in the app: sortable/filterable columns come from the caller; this adds paging
 * with the 共 N 条 count, a size changer, and an empty state that says what to do first.
 */
export function DataTable<T extends object>({
  emptyHint,
  pagination,
  reuseRows = false,
  ...props
}: DataTableProps<T>) {
  const { dataSource, rowKey } = props;
  const slotKey = useMemo(() => {
    if (!reuseRows) return rowKey;
    const slots = new Map((dataSource ?? []).map((record, slot) => [record, slot]));
    return (record: T) => slots.get(record) ?? -1;
  }, [reuseRows, dataSource, rowKey]);
  return (
    <ConfigProvider theme={stillRows}>
      <Table<T>
        size="middle"
        locale={{ emptyText: <Empty description={emptyHint} /> }}
        pagination={
          pagination === false
            ? false
            : {
                defaultPageSize: 20,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                showTotal: (total) => t.common.total(total),
                ...pagination,
              }
        }
        {...props}
        rowKey={slotKey}
      />
    </ConfigProvider>
  );
}

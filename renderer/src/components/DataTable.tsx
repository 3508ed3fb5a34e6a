import { Empty, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { t } from '../i18n';

interface Props<T> extends Omit<TableProps<T>, 'locale'> {
  /** What to do first when the list is empty, e.g. “点击右上角‘新增教师’”. */
  emptyHint: ReactNode;
}

/**
 * Every list in the app: sortable/filterable columns come from the caller; this adds paging
 * with the 共 N 条 count, a size changer, and an empty state that says what to do first.
 */
export function DataTable<T extends object>({ emptyHint, pagination, ...props }: Props<T>) {
  return (
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
    />
  );
}

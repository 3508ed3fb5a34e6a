import { memo, useMemo, type Dispatch, type ReactNode, type SetStateAction } from 'react';
import type { Signup, SignupPage, SignupSortKey } from '../../../../shared/contract/exams';
import { DataTable } from '../../components/DataTable';
import { sortOfTable } from '../../components/serverSort';
import { signupColumns } from './signupColumns';
import type { SignupQuery } from './signupQuery';

interface Props {
  page: SignupPage;
  query: SignupQuery;
  setQuery: Dispatch<SetStateAction<SignupQuery>>;
  fetching: boolean;
  selected: Signup[];
  onSelect(rows: Signup[]): void;
  onEdit(signup: Signup): void;
  emptyHint: ReactNode;
}

/**
 * A batch's sign-ups, one page at a time: sorting and paging ask the core for another page.
 * Memoised: the toolbar's state (the picked status, 应用's spinner) lives beside it and changes
 * nothing in the rows, so it does not re-render them.
 */
export const SignupsTable = memo(function SignupsTable({
  page,
  query,
  setQuery,
  fetching,
  selected,
  onSelect,
  onEdit,
  emptyHint,
}: Props) {
  const columns = useMemo(() => signupColumns(query, onEdit), [query, onEdit]);
  const rowSelection = useMemo(
    () => ({
      selectedRowKeys: selected.map((s) => s.id),
      onChange: (_: unknown, rows: Signup[]) => onSelect(rows),
      preserveSelectedRowKeys: true,
    }),
    [selected, onSelect],
  );
  return (
    <DataTable<Signup>
      rowKey="id"
      columns={columns}
      dataSource={page.items}
      loading={fetching}
      scroll={{ x: 1180 }}
      rowSelection={rowSelection}
      pagination={{
        current: query.page,
        pageSize: query.pageSize,
        total: page.total,
        pageSizeOptions: [20, 50, 100, 200],
      }}
      onChange={(pagination, _filters, sorter) => {
        const { sortBy, sortOrder } = sortOfTable<SignupSortKey, Signup>(sorter, {
          sortBy: 'studentNo',
          sortOrder: 'asc',
        });
        setQuery((q) => ({
          ...q,
          sortBy,
          sortOrder,
          page: sortBy !== q.sortBy || sortOrder !== q.sortOrder ? 1 : (pagination.current ?? 1),
          pageSize: pagination.pageSize ?? q.pageSize,
        }));
      }}
      emptyHint={emptyHint}
      data-testid="signups-table"
    />
  );
});

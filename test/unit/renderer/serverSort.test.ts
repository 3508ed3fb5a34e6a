import { describe, expect, it } from 'vitest';
import {
  pagedTableChange,
  serverSortColumn,
  sortOfTable,
} from '../../../renderer/src/components/serverSort';

type Key = 'studentNo' | 'name';
const byNo = { sortBy: 'studentNo', sortOrder: 'asc' } as const;

describe('the sort a paged table asks the core for', () => {
  it('shows the asked order on its own column only', () => {
    expect(serverSortColumn<Key>({ sortBy: 'name', sortOrder: 'desc' }, 'name')).toMatchObject({
      key: 'name',
      sorter: true,
      sortOrder: 'descend',
      sortDirections: ['ascend', 'descend'],
    });
    expect(serverSortColumn<Key>(byNo, 'studentNo').sortOrder).toBe('ascend');
    expect(serverSortColumn<Key>(byNo, 'name').sortOrder).toBeNull();
  });

  it('turns a header click into the query, and a cleared sort into the list’s own order', () => {
    expect(sortOfTable<Key, unknown>({ columnKey: 'name', order: 'descend' }, byNo)).toEqual({
      sortBy: 'name',
      sortOrder: 'desc',
    });
    expect(sortOfTable<Key, unknown>([{ columnKey: 'name', order: 'ascend' }], byNo)).toEqual({
      sortBy: 'name',
      sortOrder: 'asc',
    });
    const newestFirst = { sortBy: 'studentNo', sortOrder: 'desc' } as const;
    expect(sortOfTable<Key, unknown>({ columnKey: 'name', order: null }, newestFirst)).toEqual(
      newestFirst,
    );
  });

  it('turns the page alone when filters, sort and page size stay; else asks for those', () => {
    const query = { ...byNo, statuses: ['paid'], page: 3, pageSize: 50 };
    const shown = (q: typeof query) => JSON.stringify([q.sortBy, q.sortOrder, q.statuses]);
    const same = { ...byNo, statuses: ['paid'] };
    expect(pagedTableChange(query, same, { current: 4, pageSize: 50 }, shown)).toEqual({ page: 4 });
    expect(pagedTableChange(query, same, { current: 3, pageSize: 100 }, shown)).toEqual({
      ...same,
      pageSize: 100,
    });
    const unpaid = { ...byNo, statuses: [] };
    expect(pagedTableChange(query, unpaid, { current: 3 }, shown)).toEqual({
      ...unpaid,
      pageSize: 50,
    });
  });
});

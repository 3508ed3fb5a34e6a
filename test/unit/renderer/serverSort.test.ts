import { describe, expect, it } from 'vitest';
import { serverSortColumn, sortOfTable } from '../../../renderer/src/components/serverSort';

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
});

import * as z from 'zod';

/** The parts every list query shares: the core searches, sorts and pages in SQL. */

/** Prefix search text (a name, 学号 or ID number, as the list says). */
export const searchField = z
  .string({ error: '搜索内容必须是文字' })
  .trim()
  .max(50, { error: '搜索内容过长' })
  .default('');

export const sortOrderField = (fallback: 'asc' | 'desc') =>
  z.enum(['asc', 'desc'], { error: '排序方向无效' }).default(fallback);

export const pageField = z.number().int().min(1, { error: '页码从 1 开始' }).default(1);

export const pageSizeField = (fallback: number) =>
  z
    .number()
    .int()
    .min(1, { error: '每页条数应为 1–1000' })
    .max(1000, { error: '每页条数应为 1–1000' })
    .default(fallback);

/** A sorted, paged list's fields: the column the core sorts by, its direction, the page and its size. */
export const sortedPageFields = <const Keys extends readonly [string, ...string[]]>(
  sortKeys: Keys,
  sortBy: Keys[number],
  sortOrder: 'asc' | 'desc',
  pageSize: number,
) => ({
  sortBy: z.enum(sortKeys, { error: '排序列无效' }).default(sortBy),
  sortOrder: sortOrderField(sortOrder),
  page: pageField,
  pageSize: pageSizeField(pageSize),
});

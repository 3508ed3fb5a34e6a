import { describe, expect, it } from 'vitest';
import { CoreError, mustExist, notFoundError } from '../../electron/core/errors';

describe('notFoundError / mustExist', () => {
  it('words a missing record with its number and the advice given', () => {
    const error = notFoundError('学生', 7);
    expect(error).toBeInstanceOf(CoreError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('学生不存在（编号 7），可能已被删除，请刷新列表。');
    expect(notFoundError('报名记录', 12, '请刷新').message).toBe(
      '报名记录不存在（编号 12），请刷新。',
    );
  });

  it('passes a found value through, including falsy ones, and throws for null or undefined', () => {
    expect(mustExist(0, '考核批次', 1)).toBe(0);
    expect(mustExist({ id: 2 }, '考核批次', 2)).toEqual({ id: 2 });
    expect(() => mustExist(undefined, '考核批次', 3, '可能已被删除，请刷新')).toThrow(
      '考核批次不存在（编号 3），可能已被删除，请刷新。',
    );
    expect(() => mustExist(null, '教师', 4)).toThrow(
      '教师不存在（编号 4），可能已被删除，请刷新列表。',
    );
  });
});

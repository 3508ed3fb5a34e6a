import { describe, expect, it } from 'vitest';
import type { CoreError } from '../../electron/core/errors';
import { describeUsage, guardDelete, usageRef } from '../../electron/core/usage';

const teachers = usageRef(
  { kind: 'teacher', label: '名教师', onDelete: 'unlink', consequence: '删除后教师的专业被清空' },
  ['张三', '李四'],
);
const projects = usageRef(
  {
    kind: 'pilotProject',
    label: '个试点项目',
    onDelete: 'block',
    consequence: '请先在试点项目中移除它',
  },
  ['Web前端开发'],
);

function thrown(fn: () => void): CoreError {
  try {
    fn();
  } catch (error) {
    return error as CoreError;
  }
  throw new Error('expected an error');
}

describe('delete guard', () => {
  it('lets an unused row go, with or without force', () => {
    const unused = describeUsage([usageRef(teachers!, [])]);
    expect(unused).toEqual({ refs: [], summary: '' });
    expect(() => guardDelete('专业“X”', unused, false)).not.toThrow();
  });

  it('asks first for unlinkable references, then lets the confirmed delete go', () => {
    const usage = describeUsage([teachers]);
    const error = thrown(() => guardDelete('专业“X”', usage, false));
    expect(error.code).toBe('IN_USE');
    expect(error.message).toBe(
      '专业“X”关联了 2 名教师（张三、李四）。删除后教师的专业被清空。确认后才能删除，未删除任何内容。',
    );
    expect(error.details).toEqual({ usage });
    expect(() => guardDelete('专业“X”', usage, true)).not.toThrow();
  });

  it('refuses a blocking reference even when confirmed', () => {
    const usage = describeUsage([teachers, projects]);
    expect(usage.summary).toBe(
      '关联了 2 名教师（张三、李四）、1 个试点项目（Web前端开发）。删除后教师的专业被清空；请先在试点项目中移除它。',
    );
    const error = thrown(() => guardDelete('专业“X”', usage, true));
    expect(error.code).toBe('IN_USE');
    expect(error.message).toMatch(/^专业“X”不能删除：它关联了/);
  });
});

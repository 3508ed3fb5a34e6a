import { afterEach, describe, expect, it } from 'vitest';
import { teacherInputSchema } from '../../shared/contract/teachers';
import { createTestCore, type TestCore } from '../harness/core';
import { fails, ok, readRows, teacher } from '../harness/staff';
import { softwareMajor } from '../harness/majors';

let t: TestCore;
afterEach(() => t?.dispose());

describe('teachers', () => {
  it('creates a teacher with a major and flags, lists it joined, updates and audits', async () => {
    t = createTestCore();
    const major = await ok(t, 'majors.save', softwareMajor);
    const created = await ok(
      t,
      'teachers.save',
      teacher('T2020001', ' 张三 ', { majorId: major.id, dualQualified: true, assessor: true }),
    );
    expect(created).toMatchObject({
      name: '张三',
      staffNo: 'T2020001',
      majorId: major.id,
      majorCode: '510203',
      majorName: '软件技术',
      fullTime: true,
      dualQualified: true,
      canTeachIndependently: true,
      assessor: true,
    });
    const updated = await ok(t, 'teachers.save', {
      ...teacher('T2020001', '张三', { title: '副教授', fullTime: false }),
      id: created.id,
    });
    expect(updated).toMatchObject({ title: '副教授', fullTime: false, majorId: null });
    expect(await ok(t, 'teachers.list', {})).toEqual([updated]);
    const stored = readRows<Record<string, unknown>>(t, 'SELECT * FROM teachers');
    expect(stored[0]).toMatchObject({ full_time: 0, dual_qualified: 0, major_id: null });
    const audit = readRows<{ action: string }>(
      t,
      "SELECT action FROM audit_log WHERE entity = 'teacher' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('applies defaults for omitted flags so an import row needs only the basics', async () => {
    t = createTestCore();
    const basics = { name: '李四', gender: 'male', staffNo: 'T9' } as const;
    const created = await ok(t, 'teachers.save', basics);
    // The defaults are the schema's (their values: test/unit/contract/staff.test.ts), kept as saved.
    expect(created).toMatchObject(teacherInputSchema.parse(basics));
  });

  it('refuses a duplicate staff number, naming the teacher who has it', async () => {
    t = createTestCore();
    const first = await ok(t, 'teachers.save', teacher('T001', '张三'));
    const error = await fails(t, 'teachers.save', teacher('t001', '李四'));
    expect(error).toEqual({
      code: 'CONFLICT',
      message: '工号 T001 已被教师“张三”使用，同一工号不能登记两次，未保存。',
      details: {
        fields: [
          {
            path: 'staffNo',
            message: '工号 T001 已被教师“张三”使用，同一工号不能登记两次，未保存。',
          },
        ],
        existingId: first.id,
      },
    });
    const second = await ok(t, 'teachers.save', teacher('T002', '李四'));
    const moved = await fails(t, 'teachers.save', { ...teacher('T001', '李四'), id: second.id });
    expect(moved.code).toBe('CONFLICT');
    expect((await ok(t, 'teachers.list', {})).map((x) => [x.staffNo, x.name])).toEqual([
      ['T001', '张三'],
      ['T002', '李四'],
    ]);
  });

  it('validates every field with a Chinese message at its path', async () => {
    t = createTestCore();
    const error = await fails(t, 'teachers.save', {
      name: '',
      gender: '男',
      staffNo: 'T 001',
      title: 'x'.repeat(31),
      majorId: 0,
      fullTime: '是',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual([
      { path: 'name', message: '请填写教师姓名' },
      { path: 'gender', message: '请选择性别（男或女）' },
      { path: 'staffNo', message: '工号只能包含字母、数字、“-”和“_”，例如 T2020001' },
      { path: 'title', message: '职称不能超过 30 个字' },
      { path: 'majorId', message: '所属专业无效' },
      { path: 'fullTime', message: '“专任教师”应为“是”或“否”' },
    ]);
    const missingMajor = await fails(t, 'teachers.save', teacher('T001', '张三', { majorId: 42 }));
    expect(missingMajor).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [
          { path: 'majorId', message: '所选专业不存在（可能已被删除），请重新选择所属专业' },
        ],
      },
    });
    expect(await ok(t, 'teachers.list', {})).toEqual([]);
  });

  it('deletes after the usage check finds nothing, and audits the delete', async () => {
    t = createTestCore();
    const created = await ok(t, 'teachers.save', teacher('T001', '张三'));
    expect(await ok(t, 'teachers.usage', { id: created.id })).toEqual({ refs: [], summary: '' });
    expect(await ok(t, 'teachers.delete', { id: created.id })).toEqual({ id: created.id });
    expect(await ok(t, 'teachers.list', {})).toEqual([]);
    expect((await fails(t, 'teachers.delete', { id: created.id })).code).toBe('NOT_FOUND');
    const audit = readRows<{ action: string }>(
      t,
      "SELECT action FROM audit_log WHERE entity = 'teacher' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('lists 1,000 teachers quickly enough for a page', async () => {
    t = createTestCore();
    const major = await ok(t, 'majors.save', softwareMajor);
    for (let i = 0; i < 1000; i += 1) {
      const no = `T${String(i).padStart(4, '0')}`;
      await ok(t, 'teachers.save', teacher(no, `教师${i}`, { majorId: i % 2 ? major.id : null }));
    }
    const list = await ok(t, 'teachers.list', {});
    expect(list).toHaveLength(1000);
    expect(list.filter((x) => x.majorName === '软件技术')).toHaveLength(500);
  });
});

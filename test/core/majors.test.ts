import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { createTestCore, type TestCore } from '../harness/core';
import { fails, logisticsMajor, ok, readRows, teacher } from '../harness/staff';
import { softwareMajor } from '../harness/majors';

let t: TestCore;
afterEach(() => t?.dispose());

describe('majors', () => {
  it('creates, lists in code order, updates and records each change in the audit log', async () => {
    t = createTestCore();
    expect(await ok(t, 'majors.list', {})).toEqual([]);
    const logistics = await ok(t, 'majors.save', logisticsMajor);
    const software = await ok(t, 'majors.save', { ...softwareMajor, code: ' 510203 ' });
    expect(software).toMatchObject({ ...softwareMajor, teacherCount: 0 });
    expect(software.createdAt).toBe('2026-03-02T08:00:00.000Z');
    expect((await ok(t, 'majors.list', {})).map((m) => m.code)).toEqual(['510203', '530802']);

    const updated = await ok(t, 'majors.save', {
      ...logisticsMajor,
      id: logistics.id,
      annualEnrolment: 95,
    });
    expect(updated).toMatchObject({ id: logistics.id, annualEnrolment: 95 });
    const audit = readRows<{ entity: string; action: string }>(
      t,
      "SELECT entity, action FROM audit_log WHERE entity = 'major' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'update']);
  });

  it('validates the code shape, level and years with Chinese messages and field paths', async () => {
    t = createTestCore();
    const error = await fails(t, 'majors.save', {
      ...softwareMajor,
      code: '51020',
      level: 'college',
      catalogueYear: 21,
      annualEnrolment: -1,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual([
      {
        path: 'code',
        message: '专业代码应为 6 位数字（大类 2 位 + 类 2 位 + 专业 2 位），例如 510203',
      },
      { path: 'level', message: '请选择专业层次（中职、高职专科、职业本科或本科）' },
      { path: 'catalogueYear', message: '专业目录版本年份应为 1950–2100 年之间的整数' },
      { path: 'annualEnrolment', message: '年招生人数应为 0–100000 人之间的整数' },
    ]);
    for (const code of ['51020a', '5102031', '５１０２０３']) {
      const e = await fails(t, 'majors.save', { ...softwareMajor, code });
      expect(e.details?.fields?.[0].path).toBe('code');
    }
    expect(await ok(t, 'majors.list', {})).toEqual([]);
  });

  it('refuses a first enrolment later than next year by the injected clock', async () => {
    t = createTestCore(new Date('2026-03-02T08:00:00Z'));
    const error = await fails(t, 'majors.save', { ...softwareMajor, firstEnrolmentYear: 2028 });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual([
      {
        path: 'firstEnrolmentYear',
        message: '首次招生年份不能晚于 2027 年（最多提前一年登记计划招生的专业）',
      },
    ]);
    await ok(t, 'majors.save', { ...softwareMajor, firstEnrolmentYear: 2027 });
  });

  it('keeps codes unique, and names unique within a level', async () => {
    t = createTestCore();
    const software = await ok(t, 'majors.save', softwareMajor);
    const sameCode = await fails(t, 'majors.save', { ...logisticsMajor, code: '510203' });
    expect(sameCode).toMatchObject({
      code: 'CONFLICT',
      message: '专业代码 510203 已被专业“软件技术”使用，未保存。',
      details: { fields: [{ path: 'code' }], existingId: software.id },
    });
    const sameName = await fails(t, 'majors.save', { ...softwareMajor, code: '510299' });
    expect(sameName.code).toBe('CONFLICT');
    expect(sameName.message).toBe('高职专科层次已有专业“软件技术”（代码 510203），未保存。');
    expect(sameName.details?.fields?.[0].path).toBe('name');
    // The same name at another level is a different catalogue entry.
    await ok(t, 'majors.save', { ...softwareMajor, code: '710205', level: 'secondary' });
    // Saving a major with its own code is not a conflict.
    await ok(t, 'majors.save', { ...softwareMajor, id: software.id, annualEnrolment: 1 });
    expect(await ok(t, 'majors.list', {})).toHaveLength(2);
  });

  it('reports NOT_FOUND for an unknown id', async () => {
    t = createTestCore();
    expect(await fails(t, 'majors.save', { ...softwareMajor, id: 99 })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await fails(t, 'majors.delete', { id: 99 })).code).toBe('NOT_FOUND');
    expect((await fails(t, 'majors.usage', { id: 99 })).code).toBe('NOT_FOUND');
  });

  it('asks before deleting a major teachers use, then unlinks them in one step', async () => {
    t = createTestCore();
    const software = await ok(t, 'majors.save', softwareMajor);
    const unused = await ok(t, 'majors.save', logisticsMajor);
    for (const [no, name] of [
      ['T001', '张三'],
      ['T002', '李四'],
      ['T003', '王五'],
      ['T004', '赵六'],
      ['T005', '钱七'],
      ['T006', '孙八'],
    ]) {
      await ok(t, 'teachers.save', teacher(no, name, { majorId: software.id }));
    }
    expect((await ok(t, 'majors.list', {})).find((m) => m.id === software.id)?.teacherCount).toBe(
      6,
    );

    const usage = await ok(t, 'majors.usage', { id: software.id });
    expect(usage.refs).toEqual([
      {
        kind: 'teacher',
        label: '名教师',
        count: 6,
        examples: ['张三', '李四', '王五', '赵六', '钱七'],
        onDelete: 'unlink',
        consequence: '删除后这些教师的“所属专业”将被清空',
      },
    ]);
    expect(usage.summary).toBe(
      '关联了 6 名教师（张三、李四、王五、赵六、钱七 等）。删除后这些教师的“所属专业”将被清空。',
    );

    const refused = await fails(t, 'majors.delete', { id: software.id });
    if (refused.code !== 'IN_USE') expect.fail(`expected IN_USE, got ${refused.code}`);
    expect(refused.message).toContain('专业“510203 软件技术”关联了 6 名教师');
    expect(refused.message).toContain('确认后才能删除');
    expect(refused.details?.usage).toEqual(usage);
    expect(await ok(t, 'majors.list', {})).toHaveLength(2);

    expect(await ok(t, 'majors.usage', { id: unused.id })).toEqual({ refs: [], summary: '' });
    expect(await ok(t, 'majors.delete', { id: unused.id })).toEqual({ id: unused.id });

    expect(await ok(t, 'majors.delete', { id: software.id, force: true })).toEqual({
      id: software.id,
    });
    expect(await ok(t, 'majors.list', {})).toEqual([]);
    const teachers = await ok(t, 'teachers.list', {});
    expect(teachers).toHaveLength(6);
    expect(teachers.every((x) => x.majorId === null && x.majorName === null)).toBe(true);
    const audit = readRows<{ action: string; before_json: string }>(
      t,
      "SELECT action, before_json FROM audit_log WHERE entity = 'major' AND action = 'delete' ORDER BY id",
    );
    expect(audit.map((a) => JSON.parse(a.before_json).code)).toEqual(['530802', '510203']);
    const unlinked = readRows<{ before_json: string; after_json: string }>(
      t,
      "SELECT before_json, after_json FROM audit_log WHERE entity = 'teacher' AND action = 'update'",
    );
    expect(unlinked).toHaveLength(6);
    expect(JSON.parse(unlinked[0].before_json)).toEqual({ majorId: software.id });
    expect(JSON.parse(unlinked[0].after_json)).toEqual({ majorId: null });
  });

  it('the database itself refuses to orphan teachers', async () => {
    t = createTestCore();
    const software = await ok(t, 'majors.save', softwareMajor);
    await ok(t, 'teachers.save', teacher('T001', '张三', { majorId: software.id }));
    const db = new Database(path.join(t.dataDir, DATABASE_FILE));
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare('DELETE FROM majors').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

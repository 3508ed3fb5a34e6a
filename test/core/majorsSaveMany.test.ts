import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../harness/core';
import { computerMajor, softwareMajor } from '../harness/majors';
import { fails, ok, readRows } from '../harness/staff';

let t: TestCore;
afterEach(() => t?.dispose());

const nursing = { ...softwareMajor, code: '520201', name: '护理' };
const auditCount = () =>
  readRows<{ n: number }>(t, "SELECT count(*) AS n FROM audit_log WHERE entity = 'major'")[0].n;

describe('majors.saveMany (按名称新建专业)', () => {
  it('creates every major in one call, each audited as a create', async () => {
    t = createTestCore();
    const saved = await ok(t, 'majors.saveMany', { majors: [softwareMajor, nursing] });
    expect(saved.map((m) => [m.code, m.name])).toEqual([
      ['510203', '软件技术'],
      ['520201', '护理'],
    ]);
    expect((await ok(t, 'majors.list', {})).map((m) => m.code)).toEqual(['510203', '520201']);
    const audit = readRows<{ action: string; entity_id: string }>(
      t,
      "SELECT action, entity_id FROM audit_log WHERE entity = 'major' ORDER BY id",
    );
    expect(audit).toEqual(saved.map((m) => ({ action: 'create', entity_id: String(m.id) })));
  });

  it('one row with a bad field saves nothing and names the row and the field', async () => {
    t = createTestCore();
    const error = await fails(t, 'majors.saveMany', {
      majors: [softwareMajor, { ...nursing, code: '5202' }],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('第 2 行：专业代码应为 6 位数字');
    expect(error.details?.fields).toEqual([
      {
        path: 'majors.1.code',
        message: '第 2 行：专业代码应为 6 位数字（大类 2 位 + 类 2 位 + 专业 2 位），例如 510203',
      },
    ]);
    expect(await ok(t, 'majors.list', {})).toEqual([]);
  });

  it('a code already saved, or used twice in the batch, rolls back the rows before it', async () => {
    t = createTestCore();
    await ok(t, 'majors.save', computerMajor);
    const taken = await fails(t, 'majors.saveMany', {
      majors: [softwareMajor, { ...nursing, code: computerMajor.code }],
    });
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toBe(
      '第 2 行（护理）：专业代码 510201 已被专业“计算机应用技术”使用，未保存。',
    );
    expect(taken.details?.fields?.[0].path).toBe('majors.1.code');

    const twice = await fails(t, 'majors.saveMany', {
      majors: [softwareMajor, nursing, { ...nursing, code: '520202' }],
    });
    expect(twice.message).toBe(
      '第 3 行（护理）：高职专科层次已有专业“护理”（代码 520201），未保存。',
    );
    expect(twice.details?.fields?.[0].path).toBe('majors.2.name');

    const late = await fails(t, 'majors.saveMany', {
      majors: [softwareMajor, { ...nursing, firstEnrolmentYear: 2030 }],
    });
    expect(late.message).toContain('第 2 行（护理）：首次招生年份不能晚于 2027 年');

    expect((await ok(t, 'majors.list', {})).map((m) => m.code)).toEqual([computerMajor.code]);
    expect(auditCount()).toBe(1);
  });

  it('refuses an empty list', async () => {
    t = createTestCore();
    expect((await fails(t, 'majors.saveMany', { majors: [] })).message).toContain(
      '请至少填写一个专业',
    );
  });
});

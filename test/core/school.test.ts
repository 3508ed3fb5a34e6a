import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { createTestCore, type TestCore } from '../harness/core';
import { fullSchoolProfile as profile } from '../harness/seed';
import { readRows } from '../harness/staff';

let t: TestCore;
afterEach(() => t?.dispose());

const auditRows = () =>
  readRows<{
    entity: string;
    entity_id: string;
    action: string;
    before_json: string | null;
    after_json: string | null;
  }>(t, 'SELECT * FROM audit_log ORDER BY id');

describe('school profile', () => {
  it('is empty at first, saves, and loads again after the core restarts', async () => {
    t = createTestCore();
    expect(await t.core.dispatch('school.get', {})).toEqual({ ok: true, data: null });
    const saved = await t.core.dispatch('school.save', profile);
    expect(saved).toEqual({
      ok: true,
      data: { ...profile, updatedAt: '2026-03-02T08:00:00.000Z' },
    });

    t.restart(() => new Date());
    expect(await t.core.dispatch('school.get', {})).toEqual(saved);
  });

  it('records each save in the append-only audit log with before and after', async () => {
    t = createTestCore();
    await t.core.dispatch('school.save', profile);
    await t.core.dispatch('school.save', { ...profile, demonstrationLevel: 'national' });
    const rows = auditRows();
    expect(rows.map((r) => [r.entity, r.entity_id, r.action])).toEqual([
      ['school', '1', 'create'],
      ['school', '1', 'update'],
    ]);
    expect(rows[0].before_json).toBeNull();
    expect(JSON.parse(rows[1].before_json!).demonstrationLevel).toBe('provincial');
    expect(JSON.parse(rows[1].after_json!).demonstrationLevel).toBe('national');

    const db = new Database(path.join(t.dataDir, DATABASE_FILE));
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('审计日志只能追加');
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow('审计日志只能追加');
    db.close();
  });

  it('rejects invalid input with field details in Chinese and writes nothing', async () => {
    t = createTestCore();
    await t.core.dispatch('school.save', profile);
    const before = auditRows().length;

    const result = await t.core.dispatch('school.save', {
      ...profile,
      name: '改过的名字',
      code: '123456789',
      city: '长沙市',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.message).toContain('学校标识码应为 10 位数字');
    expect(result.error.details?.fields).toEqual([
      { path: 'code', message: '学校标识码应为 10 位数字' },
      { path: 'city', message: '请选择所在市州（湖北省 17 个市州之一）' },
    ]);
    expect(await t.core.dispatch('school.get', {})).toMatchObject({
      ok: true,
      data: { name: profile.name },
    });
    expect(auditRows()).toHaveLength(before);
  });

  it.each([
    ['a string', '湖北'],
    ['an array', [profile]],
    ['null fields', { ...profile, name: null }],
    ['an extra key', { ...profile, isAdmin: true }],
    ['a wrong type', { ...profile, kind: 3 }],
  ])('refuses %s as input', async (_label, input) => {
    t = createTestCore();
    const result = await t.core.dispatch('school.save', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await t.core.dispatch('school.get', {})).toEqual({ ok: true, data: null });
  });

  it('refuses unknown handler names', async () => {
    t = createTestCore();
    for (const name of ['school.drop', '__proto__', 'constructor', 42]) {
      const result = await t.core.dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    }
  });
});

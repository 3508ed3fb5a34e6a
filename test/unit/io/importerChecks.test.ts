import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createEventSource } from '../../../electron/core/events';
import { createTaskRegistry } from '../../../electron/core/io/tasks';
import { commitImport, previewImport } from '../../../electron/core/io/importer';
import type { ImportDefinition } from '../../../electron/core/io/importDefinition';
import { importRequestSchema } from '../../../shared/contract/imports';
import { chinaDate } from '../../../shared/domain/dates';
import { csvBytes, upload } from '../../harness/sheets';

/** A code/e-mail import: code is the key, e-mail a second value that must be unique too. */
type Field = 'code' | 'email';
const fields = [
  { key: 'code', label: '编号', synonyms: [], required: true },
  { key: 'email', label: '邮箱', synonyms: [] },
] as const;
type Row = { code: string; email: string };

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (code TEXT PRIMARY KEY, email TEXT UNIQUE)');
  db.prepare("INSERT INTO t VALUES ('A', 'a@x.cn')").run();
});
afterEach(() => db.close());

function definition(): ImportDefinition<Field, Row> {
  const seen = new Map<string, number>();
  return {
    title: '测试导入',
    fields,
    rowSchema: z.object({ code: z.string().min(1), email: z.string() }),
    keyOf: (r) => r.code,
    keyField: 'code',
    existingKeys: () => new Set(db.prepare('SELECT code FROM t').pluck().all() as string[]),
    checkRow(r, rowNumber) {
      const owner = db.prepare('SELECT code FROM t WHERE email = ?').pluck().get(r.email);
      const errors = [];
      if (owner && owner !== r.code) {
        errors.push({ field: 'email' as const, reason: `已属于编号 ${String(owner)}` });
      }
      const first = seen.get(r.email);
      if (first !== undefined)
        errors.push({ field: 'email' as const, reason: `与第 ${first} 行相同` });
      else seen.set(r.email, rowNumber);
      const warnings = r.email === '' ? [{ field: 'email' as const, reason: '没有邮箱' }] : [];
      return { errors, warnings };
    },
    apply(rows) {
      const upsert = db.prepare(
        'INSERT INTO t VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET email = excluded.email',
      );
      for (const { value } of rows) upsert.run(value.code, value.email || null);
      return { total: rows.length, created: 0, updated: 0 };
    },
  };
}

const env = {
  get db() {
    return db;
  },
  today: () => chinaDate(new Date()),
  events: createEventSource(),
  importTasks: createTaskRegistry(),
};

describe('import definitions with their own row checks', () => {
  it('reports checkRow errors and warnings on the right row and column; warnings do not block', async () => {
    const file = upload(
      'a.csv',
      csvBytes([
        ['编号', '邮箱'],
        ['B', 'a@x.cn'],
        ['C', 'c@x.cn'],
        ['D', 'c@x.cn'],
        ['E', ''],
      ]),
    );
    const preview = await previewImport(definition(), importRequestSchema.parse({ file }), env);
    expect(
      preview.rows.map((r) => [r.rowNumber, r.action, r.errors.map((e) => e.message)]),
    ).toEqual([
      [2, null, ['第 2 行“邮箱”列：已属于编号 A']],
      [3, 'create', []],
      [4, null, ['第 4 行“邮箱”列：与第 3 行相同']],
      [5, 'create', []],
    ]);
    expect(preview.rows[3].warnings?.map((w) => w.message)).toEqual(['第 5 行“邮箱”列：没有邮箱']);
    expect(preview.rows[1]).not.toHaveProperty('warnings');
    expect(preview.summary).toEqual({
      total: 4,
      valid: 2,
      invalid: 2,
      toCreate: 2,
      toUpdate: 0,
      unchanged: 0,
    });
  });

  it('checks again on commit against what is saved by then, though the file is parsed once', async () => {
    const file = upload(
      'a.csv',
      csvBytes([
        ['编号', '邮箱'],
        ['B', 'b@x.cn'],
      ]),
    );
    const request = importRequestSchema.parse({ file });
    expect((await previewImport(definition(), request, env)).summary.invalid).toBe(0);
    // Someone takes the e-mail between preview and commit.
    db.prepare("INSERT INTO t VALUES ('Z', 'b@x.cn')").run();
    await expect(commitImport(definition(), request, env)).rejects.toThrow(
      '第 2 行“邮箱”列：已属于编号 Z',
    );
    expect(db.prepare("SELECT count(*) FROM t WHERE code = 'B'").pluck().get()).toBe(0);
  });
});

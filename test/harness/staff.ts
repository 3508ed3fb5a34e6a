import Database from 'better-sqlite3';
import path from 'node:path';
import { expect } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import type { Envelope, HandlerName, HandlerOutput } from '../../shared/contract';
import type { AuditAction, AuditEntity } from '../../shared/domain/audit';
import type { TestCore } from './core';
import type { DataCall } from './fees';

/** Calls a handler and returns its data, failing the test with the error when it fails. */
export async function ok<N extends HandlerName>(
  t: TestCore,
  name: N,
  input: unknown,
): Promise<HandlerOutput<N>> {
  const result = (await t.core.dispatch(name, input)) as Envelope<HandlerOutput<N>>;
  if (!result.ok) expect.fail(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** A DataCall straight to a test core (handler names unchecked), failing the test as `ok` does. */
export const coreDataCall =
  (t: TestCore): DataCall =>
  (name, input) =>
    ok(t, name as HandlerName, input);

/** Calls a handler that must fail and returns its error. */
export async function fails(t: TestCore, name: HandlerName, input: unknown) {
  const result = await t.core.dispatch(name, input);
  if (result.ok) expect.fail(`${name} should have failed but returned ${JSON.stringify(result)}`);
  return result.error;
}

/** Reads rows straight from the data file, bypassing the core. */
export function readRows<T>(t: TestCore, sql: string, ...params: unknown[]): T[] {
  const db = new Database(path.join(t.dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** The audit log's entries of one entity, oldest first, with before and after parsed. */
export function auditEntries<T = Record<string, unknown>>(t: TestCore, entity: AuditEntity) {
  const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as T));
  return readRows<{
    entity_id: string;
    action: AuditAction;
    before_json: string | null;
    after_json: string | null;
  }>(
    t,
    'SELECT entity_id, action, before_json, after_json FROM audit_log WHERE entity = ? ORDER BY id',
    entity,
  ).map((r) => ({
    entityId: r.entity_id,
    action: r.action,
    before: parse(r.before_json),
    after: parse(r.after_json),
  }));
}

export const logisticsMajor = {
  code: '530802',
  name: '现代物流管理',
  level: 'junior_college',
  catalogueYear: 2021,
  firstEnrolmentYear: 2012,
  annualEnrolment: 80,
};

export function teacher(staffNo: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    gender: 'female',
    staffNo,
    title: '讲师',
    majorId: null,
    fullTime: true,
    dualQualified: false,
    canTeachIndependently: true,
    assessor: false,
    ...extra,
  };
}

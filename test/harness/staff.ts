import Database from 'better-sqlite3';
import path from 'node:path';
import { expect } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import type { Envelope, HandlerName, HandlerOutput } from '../../shared/contract';
import type { TestCore } from './core';

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

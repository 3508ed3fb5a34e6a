import { afterEach, beforeEach } from 'vitest';
import { createTestCore, type TestCore } from './core';
import type { DataCall } from './fees';
import { coreDataCall } from './staff';

export interface CoreTest {
  t: TestCore;
  call: DataCall;
}

/**
 * In a Vitest file: for each test, a fresh core (createTestCore, at `now` when given) and a
 * DataCall on it. A test that needs another clock may replace both (`ctx.t = …; ctx.call =
 * coreDataCall(ctx.t)`).
 */
export function corePerTest(now?: Date): CoreTest {
  const ctx = {} as CoreTest;
  beforeEach(() => {
    ctx.t = createTestCore(now);
    ctx.call = coreDataCall(ctx.t);
  });
  afterEach(() => ctx.t.dispose());
  return ctx;
}

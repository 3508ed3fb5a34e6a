import { afterEach, beforeEach } from 'vitest';
import { createTestCore, type TestCore } from './core';
import { seedProjectSchool } from './seedProject';

export type ProjectSchoolTest = { t: TestCore; now: Date } & Awaited<
  ReturnType<typeof seedProjectSchool>
>;

/**
 * In a Vitest file: for each test, a fresh core on a project school (seedProjectSchool), its
 * clock reading `now`, which starts at `start` and which a test may move.
 */
export function projectSchoolPerTest(start: string): ProjectSchoolTest {
  const ctx = {} as ProjectSchoolTest;
  beforeEach(async () => {
    ctx.now = new Date(start);
    ctx.t = createTestCore(() => ctx.now);
    Object.assign(ctx, await seedProjectSchool(ctx.t.core));
  });
  afterEach(() => ctx.t.dispose());
  return ctx;
}

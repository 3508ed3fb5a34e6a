import { afterEach, beforeEach } from 'vitest';
import { createTestCore, type TestCore } from './core';
import { seedExamSchool } from './exams';

export interface ExamSchoolTest {
  t: TestCore;
  now: Date;
  seeded: Awaited<ReturnType<typeof seedExamSchool>>;
}

/**
 * In a Vitest file: for each test, a fresh core on an exam school (seedExamSchool with
 * `students`), its clock reading `now`, which starts at `start` and which a test may move.
 */
export function examSchoolPerTest(start: string, students: number): ExamSchoolTest {
  const ctx = {} as ExamSchoolTest;
  beforeEach(async () => {
    ctx.now = new Date(start);
    ctx.t = createTestCore(() => ctx.now);
    ctx.seeded = await seedExamSchool(ctx.t.core, { students });
  });
  afterEach(() => ctx.t.dispose());
  return ctx;
}

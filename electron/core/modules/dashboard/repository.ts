import type { Db } from '../../db/open';

/** Whether the school is saved, and how many students and pilot students there are. */
export function dashboardCounts(db: Db): () => { school: number; students: number; pilot: number } {
  const counts = db.prepare<[], { school: number; students: number; pilot: number }>(
    `SELECT (SELECT count(*) FROM school) AS school,
            (SELECT count(*) FROM students) AS students,
            (SELECT count(*) FROM students WHERE pilot = 1) AS pilot`,
  );
  return () => counts.get()!;
}

import type { Db } from '../../db/open';

/* 试点推进情况 SQL: the counts the year's progress reads beside the sign-up figures. */

/** The ids of the year's pilot projects that stand (neither rejected nor revoked). */
export function standingProjectIds(db: Db, year: number): number[] {
  return db
    .prepare<[number], { id: number }>(
      `SELECT id FROM pilot_projects WHERE year = ? AND status NOT IN ('rejected', 'revoked')`,
    )
    .all(year)
    .map((p) => p.id);
}

/** How many distinct majors these projects list. */
export function majorCountOfProjects(db: Db, projectIds: readonly number[]): number {
  return db
    .prepare<[string], number>(
      `SELECT count(DISTINCT major_id) FROM project_majors
       WHERE project_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(JSON.stringify(projectIds))!;
}

/** How many students are flagged 试点学生. */
export function pilotStudentCount(db: Db): number {
  return db.prepare<[], number>('SELECT count(*) FROM students WHERE pilot = 1').pluck().get()!;
}

/** How many live sign-ups of these batches have a certificate issued. */
export function issuedCountOfBatches(db: Db, batchIds: readonly number[]): number {
  return db
    .prepare<[string], number>(
      `SELECT count(*) FROM signups WHERE status <> 'withdrawn' AND issued_on <> ''
         AND batch_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(JSON.stringify(batchIds))!;
}

import type { Db } from '../../db/open';

/*
 * Project revision SQL: the names a project's members have today (for the record a person
 * reads) and the kept versions (project_revisions).
 */

const inIds = 'WHERE id IN (SELECT value FROM json_each(?))';

/** Each kind of member a project record names, and how its name reads. */
const labelSql = {
  majors: `SELECT id, name || '（' || code || '）' AS label FROM majors ${inIds}`,
  teachers: `SELECT id, name || '（' || staff_no || '）' AS label FROM teachers ${inIds}`,
  rooms: `SELECT id, name AS label FROM training_rooms ${inIds}`,
  sites: `SELECT id, name AS label FROM training_sites ${inIds}`,
  hardware: `SELECT id, text AS label FROM certificate_requirements ${inIds}`,
} as const;

export type LabelledMember = keyof typeof labelSql;

/** The labels of the rows `ids` picks, in any order (one statement whatever their number). */
export function memberLabels(
  db: Db,
  member: LabelledMember,
  ids: readonly number[],
): { id: number; label: string }[] {
  return db
    .prepare<[string], { id: number; label: string }>(labelSql[member])
    .all(JSON.stringify(ids));
}

export interface RevisionRow {
  id: number;
  kind: 'submitted' | 'revision';
  at: string;
  record_json: string;
}

/** The project's latest submitted version, if any. */
export function latestSubmitted(db: Db, projectId: number): RevisionRow | undefined {
  return db
    .prepare<[number], RevisionRow>(
      `SELECT id, kind, at, record_json FROM project_revisions
       WHERE project_id = ? AND kind = 'submitted' ORDER BY id DESC LIMIT 1`,
    )
    .get(projectId);
}

/** The project's versions kept after `afterId`, oldest first. */
export function revisionsAfter(db: Db, projectId: number, afterId: number): RevisionRow[] {
  return db
    .prepare<[number, number], RevisionRow>(
      `SELECT id, kind, at, record_json FROM project_revisions
       WHERE project_id = ? AND id > ? ORDER BY id`,
    )
    .all(projectId, afterId);
}

/** Keeps a version of the project; returns its id. */
export function insertRevision(
  db: Db,
  projectId: number,
  kind: RevisionRow['kind'],
  at: string,
  recordJson: string,
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO project_revisions (project_id, kind, at, record_json) VALUES (?, ?, ?, ?)',
      )
      .run(projectId, kind, at, recordJson).lastInsertRowid,
  );
}

import type { Project, ProjectData, ProjectSubmission } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { commitmentLabels, commitments } from '../../../../shared/domain/implementationPlan';
import { diffProjectRecords, type ProjectRecord } from '../../../../shared/domain/projectRevisions';
import { auditLog, type AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';

/** A project without its submission: what `projectRecord` reads and `submissionOf` completes. */
export type ProjectFields = Omit<Project, 'submission'>;

/** What a revision row keeps: the saved fields (ids) and the same as read (names). */
interface StoredVersion {
  data: ProjectData;
  record: ProjectRecord;
}

/** Names of the rows `ids` picks, in the order of `ids` (one statement whatever their number). */
function namesOf(db: Db, sql: string, ids: readonly number[]): string[] {
  if (ids.length === 0) return [];
  const rows = db.prepare<[string], { id: number; label: string }>(sql).all(JSON.stringify(ids));
  const byId = new Map(rows.map((r) => [r.id, r.label]));
  return ids.map((id) => byId.get(id) ?? `（编号 ${id}）`);
}

const inIds = 'WHERE id IN (SELECT value FROM json_each(?))';

/** The project's fields as a person reads them, with the names its members have today. */
export function projectRecord(db: Db, p: ProjectFields): ProjectRecord {
  return {
    certificate: `${p.certificateName}（${p.organization}）`,
    year: String(p.year),
    levels: p.levels.map((l) => certificateLevelLabels[l]),
    plannedStudents: p.plannedStudents.map(
      (s) => `${certificateLevelLabels[s.level]} ${s.year} 年 ${s.count} 人`,
    ),
    majors: namesOf(
      db,
      `SELECT id, name || '（' || code || '）' AS label FROM majors ${inIds}`,
      p.majorIds,
    ),
    teachers: namesOf(
      db,
      `SELECT id, name || '（' || staff_no || '）' AS label FROM teachers ${inIds}`,
      p.teacherIds,
    ),
    rooms: namesOf(db, `SELECT id, name AS label FROM training_rooms ${inIds}`, p.roomIds),
    sites: namesOf(db, `SELECT id, name AS label FROM training_sites ${inIds}`, p.siteIds),
    hardware: namesOf(
      db,
      `SELECT id, text AS label FROM certificate_requirements ${inIds}`,
      p.hardwareChecks,
    ),
    plan: { ...p.plan },
    commitments: commitments.filter((c) => p.commitments[c]).map((c) => commitmentLabels[c]),
  };
}

/** The saved fields alone, as `projects.update` takes them. */
export function projectData(p: ProjectFields): ProjectData {
  return {
    certificateId: p.certificateId,
    year: p.year,
    levels: p.levels,
    majorIds: p.majorIds,
    teacherIds: p.teacherIds,
    roomIds: p.roomIds,
    siteIds: p.siteIds,
    plannedStudents: p.plannedStudents,
    hardwareChecks: p.hardwareChecks,
    courses: p.courses,
    plan: p.plan,
    commitments: p.commitments,
  };
}

interface RevisionRow {
  id: number;
  kind: 'submitted' | 'revision';
  at: string;
  record_json: string;
}

const latestSubmitted = (db: Db, projectId: number) =>
  db
    .prepare<[number], RevisionRow>(
      `SELECT id, kind, at, record_json FROM project_revisions
       WHERE project_id = ? AND kind = 'submitted' ORDER BY id DESC LIMIT 1`,
    )
    .get(projectId);

const revisionsAfter = (db: Db, projectId: number, afterId: number) =>
  db
    .prepare<[number, number], RevisionRow>(
      `SELECT id, kind, at, record_json FROM project_revisions
       WHERE project_id = ? AND id > ? ORDER BY id`,
    )
    .all(projectId, afterId);

/** The latest submitted version, the revisions since and what today's copy changes; or null. */
export function submissionOf(db: Db, project: ProjectFields): ProjectSubmission | null {
  const submitted = latestSubmitted(db, project.id);
  if (!submitted) return null;
  const { record } = JSON.parse(submitted.record_json) as StoredVersion;
  return {
    submittedAt: submitted.at,
    record,
    revisions: revisionsAfter(db, project.id, submitted.id).map((r, index) => ({
      number: index + 1,
      at: r.at,
    })),
    changes: diffProjectRecords(record, projectRecord(db, project)),
  };
}

/**
 * Keeps the project as it stands: the submitted version (`'submitted'`, when it becomes 已申报)
 * or a revision saved while the province holds it. A revision identical to the version before
 * it (a save with nothing changed) is not kept. Audited; call inside the change's transaction.
 */
export function keepVersion(
  db: Db,
  project: ProjectFields,
  kind: RevisionRow['kind'],
  stamp: AuditStamp,
): void {
  const version: StoredVersion = { data: projectData(project), record: projectRecord(db, project) };
  const json = JSON.stringify(version);
  if (kind === 'revision') {
    const submitted = latestSubmitted(db, project.id);
    if (!submitted) return;
    const previous = revisionsAfter(db, project.id, submitted.id).at(-1) ?? submitted;
    if (previous.record_json === json) return;
  }
  const id = Number(
    db
      .prepare(
        'INSERT INTO project_revisions (project_id, kind, at, record_json) VALUES (?, ?, ?, ?)',
      )
      .run(project.id, kind, stamp.at, json).lastInsertRowid,
  );
  const after = { projectId: project.id, kind, record: version.record };
  auditLog(db, 'project_revision')(stamp, id, 'create', null, after);
}

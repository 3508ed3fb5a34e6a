import type { Project, ProjectData, ProjectSubmission } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { commitmentLabels, commitments } from '../../../../shared/domain/implementationPlan';
import { diffProjectRecords, type ProjectRecord } from '../../../../shared/domain/projectRevisions';
import { auditLog, type AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import {
  insertRevision,
  latestSubmitted,
  memberLabels,
  revisionsAfter,
  type LabelledMember,
  type RevisionRow,
} from './revisionRepository';

/** A project without its submission: what `projectRecord` reads and `submissionOf` completes. */
export type ProjectFields = Omit<Project, 'submission'>;

/** What a revision row keeps: the saved fields (ids) and the same as read (names). */
interface StoredVersion {
  data: ProjectData;
  record: ProjectRecord;
}

/** Names of the rows `ids` picks, in the order of `ids` (one statement whatever their number). */
function namesOf(db: Db, member: LabelledMember, ids: readonly number[]): string[] {
  if (ids.length === 0) return [];
  const rows = memberLabels(db, member, ids);
  const byId = new Map(rows.map((r) => [r.id, r.label]));
  return ids.map((id) => byId.get(id) ?? `（编号 ${id}）`);
}

/** The project's fields as a person reads them, with the names its members have today. */
export function projectRecord(db: Db, p: ProjectFields): ProjectRecord {
  return {
    certificate: `${p.certificateName}（${p.organization}）`,
    year: String(p.year),
    levels: p.levels.map((l) => certificateLevelLabels[l]),
    plannedStudents: p.plannedStudents.map(
      (s) => `${certificateLevelLabels[s.level]} ${s.year} 年 ${s.count} 人`,
    ),
    majors: namesOf(db, 'majors', p.majorIds),
    teachers: namesOf(db, 'teachers', p.teacherIds),
    rooms: namesOf(db, 'rooms', p.roomIds),
    sites: namesOf(db, 'sites', p.siteIds),
    hardware: namesOf(db, 'hardware', p.hardwareChecks),
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
  const id = insertRevision(db, project.id, kind, stamp.at, json);
  const after = { projectId: project.id, kind, record: version.record };
  auditLog(db, 'project_revision')(stamp, id, 'create', null, after);
}

import type { PhotoRulesInForce } from '../../../../shared/contract/photos';
import type { AttachmentExtension } from '../../../../shared/domain/attachments';
import {
  defaultPhotoRules,
  type CandidateDocumentKind,
  type PhotoRules,
} from '../../../../shared/domain/photos';
import type { Db } from '../../db/open';

/* Candidate photos and photo rules: how they are stored and read (migration 022). */

interface RulesRow {
  organization: string;
  min_kb: number;
  max_kb: number;
  min_width: number;
  min_height: number;
  name_pattern: string;
}

const rulesOf = (row: RulesRow): PhotoRules => ({
  minKb: row.min_kb,
  maxKb: row.max_kb,
  minWidth: row.min_width,
  minHeight: row.min_height,
  namePattern: row.name_pattern,
});

/** The organization's own rules, else the default row (''), else the built-in default. */
export function rulesInForce(db: Db, organization: string): PhotoRulesInForce {
  const rows = db
    .prepare<[string], RulesRow>(
      `SELECT * FROM photo_rules WHERE organization IN (?, '')
       ORDER BY organization DESC`,
    )
    .all(organization);
  const own = rows.find((r) => r.organization === organization && organization !== '');
  const fallback = rows.find((r) => r.organization === '');
  const rules = own ? rulesOf(own) : fallback ? rulesOf(fallback) : defaultPhotoRules;
  return { ...rules, organization: own ? organization : '', own: own !== undefined };
}

export function saveRules(db: Db, organization: string, rules: PhotoRules, at: string): void {
  db.prepare(
    `INSERT INTO photo_rules (organization, min_kb, max_kb, min_width, min_height, name_pattern, updated_at)
     VALUES (@organization, @minKb, @maxKb, @minWidth, @minHeight, @namePattern, @at)
     ON CONFLICT (organization) DO UPDATE SET min_kb = excluded.min_kb, max_kb = excluded.max_kb,
       min_width = excluded.min_width, min_height = excluded.min_height,
       name_pattern = excluded.name_pattern, updated_at = excluded.updated_at`,
  ).run({ organization, ...rules, at });
}

/** A batch's live candidates (withdrawn sign-ups apart) with their photo, by 学号. */
export interface CandidatePhotoRow {
  student_id: number;
  student_no: string;
  name: string;
  id_number: string;
  class_name: string;
  attachment_id: number | null;
  sha256: string | null;
  ext: 'jpg' | 'png' | null;
}

export function batchCandidates(db: Db, batchId: number): CandidatePhotoRow[] {
  return db
    .prepare<[number], CandidatePhotoRow>(
      `SELECT st.id AS student_id, st.student_no, st.name, st.id_number, st.class_name,
         p.attachment_id, a.sha256, a.ext
       FROM signups su JOIN students st ON st.id = su.student_id
       LEFT JOIN student_photos p ON p.student_id = st.id
       LEFT JOIN attachments a ON a.id = p.attachment_id
       WHERE su.batch_id = ? AND su.status <> 'withdrawn'
       ORDER BY st.student_no`,
    )
    .all(batchId);
}

export interface PhotoRow {
  student_id: number;
  attachment_id: number;
  width: number;
  height: number;
  source_name: string;
  updated_at: string;
  sha256: string;
  mime: string;
  ext: 'jpg' | 'png';
}

export function photoRow(db: Db, studentId: number): PhotoRow | undefined {
  return db
    .prepare<[number], PhotoRow>(
      `SELECT p.*, a.sha256, a.mime, a.ext FROM student_photos p
       JOIN attachments a ON a.id = p.attachment_id WHERE p.student_id = ?`,
    )
    .get(studentId);
}

export function putPhoto(
  db: Db,
  photo: {
    studentId: number;
    attachmentId: number;
    width: number;
    height: number;
    sourceName: string;
  },
  at: string,
): void {
  db.prepare(
    `INSERT INTO student_photos (student_id, attachment_id, width, height, source_name, created_at, updated_at)
     VALUES (@studentId, @attachmentId, @width, @height, @sourceName, @at, @at)
     ON CONFLICT (student_id) DO UPDATE SET attachment_id = excluded.attachment_id,
       width = excluded.width, height = excluded.height, source_name = excluded.source_name,
       updated_at = excluded.updated_at`,
  ).run({ ...photo, at });
}

/* Candidate documents (申请表, ID scan, 在读证明): sign-ups' own files (migration 022). */

export interface DocumentRow {
  id: number;
  signup_id: number;
  kind: CandidateDocumentKind;
  attachment_id: number;
  display_name: string;
  sha256: string;
  ext: AttachmentExtension;
  mime: string;
}

/** A sign-up with the student's names, for the documents checklist and its messages. */
export interface CandidateRow {
  signup_id: number;
  batch_id: number;
  status: string;
  student_no: string;
  name: string;
  class_name: string;
}

const selectDocuments = `SELECT d.*, a.sha256, a.ext, a.mime FROM signup_documents d
  JOIN attachments a ON a.id = d.attachment_id`;

export function candidateRow(db: Db, signupId: number): CandidateRow | undefined {
  return db
    .prepare<[number], CandidateRow>(
      `SELECT su.id AS signup_id, su.batch_id, su.status, st.student_no, st.name, st.class_name
         FROM signups su JOIN students st ON st.id = su.student_id WHERE su.id = ?`,
    )
    .get(signupId);
}

/** A batch's live candidates (withdrawn sign-ups apart), by 学号. */
export function checklistCandidates(db: Db, batchId: number): CandidateRow[] {
  return db
    .prepare<[number], CandidateRow>(
      `SELECT su.id AS signup_id, su.batch_id, su.status, st.student_no, st.name, st.class_name
         FROM signups su JOIN students st ON st.id = su.student_id
         WHERE su.batch_id = ? AND su.status <> 'withdrawn' ORDER BY st.student_no`,
    )
    .all(batchId);
}

export function documentsOf(db: Db, signupIds: readonly number[]): DocumentRow[] {
  return db
    .prepare<[string], DocumentRow>(
      `${selectDocuments} WHERE d.signup_id IN (SELECT value FROM json_each(?)) ORDER BY d.id`,
    )
    .all(JSON.stringify(signupIds));
}

export function findDocument(
  db: Db,
  signupId: number,
  kind: CandidateDocumentKind,
): DocumentRow | undefined {
  return db
    .prepare<[number, string], DocumentRow>(
      `${selectDocuments} WHERE d.signup_id = ? AND d.kind = ?`,
    )
    .get(signupId, kind);
}

/** Sets the sign-up's document of this kind, replacing the one it had. */
export function putDocument(
  db: Db,
  document: {
    signupId: number;
    kind: CandidateDocumentKind;
    attachmentId: number;
    name: string;
  },
  at: string,
): void {
  db.prepare(
    `INSERT INTO signup_documents (signup_id, kind, attachment_id, display_name, created_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (signup_id, kind) DO UPDATE SET attachment_id = excluded.attachment_id,
           display_name = excluded.display_name, created_at = excluded.created_at`,
  ).run(document.signupId, document.kind, document.attachmentId, document.name, at);
}

export function deleteDocument(db: Db, id: number): void {
  db.prepare('DELETE FROM signup_documents WHERE id = ?').run(id);
}

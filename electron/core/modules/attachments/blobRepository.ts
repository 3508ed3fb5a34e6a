import type { AttachmentExtension } from '../../../../shared/domain/attachments';
import type { Db } from '../../db/open';

/*
 * Stored content SQL: the `attachments` rows, one per content (by its hash), that the blob files
 * on disk belong to.
 */

/**
 * Tells whether a row names this content; the statement is prepared once, for the call per
 * blob file a sweep or a release checks.
 */
export function storedShaChecker(db: Db): (sha256: string) => boolean {
  const known = db.prepare<[string], { one: number }>(
    'SELECT 1 AS one FROM attachments WHERE sha256 = ?',
  );
  return (sha256) => known.get(sha256) !== undefined;
}

/**
 * Finds the row of this content, if any; prepared once, for the lookup inside an upload's
 * transaction and the check after it failed.
 */
export function attachmentIdLookup(db: Db): (sha256: string) => number | undefined {
  const selectBySha = db.prepare<[string], { id: number }>(
    'SELECT id FROM attachments WHERE sha256 = ?',
  );
  return (sha256) => selectBySha.get(sha256)?.id;
}

/** A new content row; returns its id. */
export function insertAttachment(
  db: Db,
  row: { sha256: string; size: number; mime: string; ext: AttachmentExtension; createdAt: string },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO attachments (sha256, size, mime, ext, created_at)
         VALUES (@sha256, @size, @mime, @ext, @createdAt)`,
      )
      .run(row).lastInsertRowid,
  );
}

/**
 * True when a link, fee agreement, fund record, exam-site application, student photo or
 * candidate document still names this content.
 */
export function attachmentInUse(db: Db, attachmentId: number): boolean {
  const used = db
    .prepare(
      `SELECT 1 FROM attachment_links WHERE attachment_id = ?
       UNION ALL SELECT 1 FROM fee_agreements WHERE attachment_id = ?
       UNION ALL SELECT 1 FROM fund_entries WHERE attachment_id = ?
       UNION ALL SELECT 1 FROM exam_site_applications WHERE attachment_id = ?
       UNION ALL SELECT 1 FROM student_photos WHERE attachment_id = ?
       UNION ALL SELECT 1 FROM signup_documents WHERE attachment_id = ? LIMIT 1`,
    )
    .get(attachmentId, attachmentId, attachmentId, attachmentId, attachmentId, attachmentId);
  return used !== undefined;
}

/** Deletes the content row (its blob file is deleted after the commit). */
export function deleteAttachment(db: Db, attachmentId: number): void {
  db.prepare('DELETE FROM attachments WHERE id = ?').run(attachmentId);
}

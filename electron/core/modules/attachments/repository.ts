import type {
  AttachmentLink,
  AttachmentSummary,
  RecordDocument,
} from '../../../../shared/contract/attachments';
import type {
  AttachmentExtension,
  AttachmentOwnerType,
} from '../../../../shared/domain/attachments';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';

interface LinkRow {
  id: number;
  attachment_id: number;
  owner_type: AttachmentLink['ownerType'];
  owner_id: number;
  kind: AttachmentLink['kind'];
  display_name: string;
  created_at: string;
  size: number;
  mime: string;
  ext: AttachmentLink['ext'];
  sha256: string;
  link_count: number;
}

const selectLinks = `
  SELECT l.id, l.attachment_id, l.owner_type, l.owner_id, l.kind, l.display_name, l.created_at,
    a.size, a.mime, a.ext, a.sha256,
    (SELECT count(*) FROM attachment_links o WHERE o.attachment_id = l.attachment_id) AS link_count
  FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id`;

function linkFromRow(row: LinkRow): AttachmentLink {
  return {
    id: row.id,
    attachmentId: row.attachment_id,
    ownerType: row.owner_type,
    ownerId: row.owner_id,
    kind: row.kind,
    name: row.display_name,
    size: row.size,
    mime: row.mime,
    ext: row.ext,
    sha256: row.sha256,
    createdAt: row.created_at,
    linkCount: row.link_count,
  };
}

export function loadLink(db: Db, linkId: number): AttachmentLink | undefined {
  const row = db.prepare<[number], LinkRow>(`${selectLinks} WHERE l.id = ?`).get(linkId);
  return row ? linkFromRow(row) : undefined;
}

export function requireLink(db: Db, linkId: number): AttachmentLink {
  const link = loadLink(db, linkId);
  if (!link) {
    throw new CoreError('NOT_FOUND', `找不到编号为 ${linkId} 的附件，它可能已被删除。请刷新列表。`);
  }
  return link;
}

/** Audit snapshot of a link: what it is, not the file's bytes. */
export function linkAuditView(link: AttachmentLink) {
  return {
    ownerType: link.ownerType,
    ownerId: link.ownerId,
    kind: link.kind,
    name: link.name,
    sha256: link.sha256,
    size: link.size,
    ext: link.ext,
  };
}

/** Every link of one owner: as made (by time), or by id. */
export function listLinks(
  db: Db,
  ownerType: AttachmentOwnerType,
  ownerId: number,
  // By id for the owner's own delete, so its audit entries follow the order of the rows.
  order: 'created' | 'id' = 'created',
): AttachmentLink[] {
  const orderBy = order === 'id' ? 'l.id' : 'l.created_at, l.id';
  return db
    .prepare<[string, number], LinkRow>(
      `${selectLinks} WHERE l.owner_type = ? AND l.owner_id = ? ORDER BY ${orderBy}`,
    )
    .all(ownerType, ownerId)
    .map(linkFromRow);
}

/** The owner's link to this content under this kind, if any. */
export function findSameLink(
  db: Db,
  attachmentId: number,
  ownerType: AttachmentOwnerType,
  ownerId: number,
  kind: AttachmentLink['kind'],
): { id: number; display_name: string } | undefined {
  return db
    .prepare<[number, string, number, string], { id: number; display_name: string }>(
      `SELECT id, display_name FROM attachment_links
       WHERE attachment_id = ? AND owner_type = ? AND owner_id = ? AND kind = ?`,
    )
    .get(attachmentId, ownerType, ownerId, kind);
}

export function insertLink(
  db: Db,
  link: {
    attachmentId: number;
    ownerType: AttachmentOwnerType;
    ownerId: number;
    kind: AttachmentLink['kind'];
    name: string;
    createdAt: string;
  },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO attachment_links (attachment_id, owner_type, owner_id, kind, display_name, created_at)
         VALUES (@attachmentId, @ownerType, @ownerId, @kind, @name, @createdAt)`,
      )
      .run(link).lastInsertRowid,
  );
}

export function renameLink(db: Db, linkId: number, name: string): void {
  db.prepare('UPDATE attachment_links SET display_name = ? WHERE id = ?').run(name, linkId);
}

export function deleteLink(db: Db, linkId: number): void {
  db.prepare('DELETE FROM attachment_links WHERE id = ?').run(linkId);
}

/** The table each owner type lives in; all have an INTEGER PRIMARY KEY `id`. */
export const ownerTables: Record<AttachmentOwnerType, string> = {
  school: 'school',
  project: 'pilot_projects',
  room: 'training_rooms',
  site: 'training_sites',
};

/** True when the owner type's table exists (tables of later features may not yet). */
export function ownerTableExists(db: Db, ownerType: AttachmentOwnerType): boolean {
  return (
    db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(ownerTables[ownerType]) !== undefined
  );
}

/** True when the school's information has been saved (its one row exists). */
export function schoolSaved(db: Db): boolean {
  return db.prepare('SELECT 1 FROM school WHERE id = 1').get() !== undefined;
}

/** True when the owner's row exists in its table. */
export function ownerRowExists(db: Db, ownerType: AttachmentOwnerType, ownerId: number): boolean {
  return (
    db.prepare(`SELECT 1 FROM "${ownerTables[ownerType]}" WHERE id = ?`).get(ownerId) !== undefined
  );
}

export function attachmentSummary(db: Db): AttachmentSummary {
  const files = db
    .prepare<[], { files: number; totalBytes: number }>(
      'SELECT count(*) AS files, coalesce(sum(size), 0) AS totalBytes FROM attachments',
    )
    .get()!;
  const links = db
    .prepare<[], { links: number }>('SELECT count(*) AS links FROM attachment_links')
    .get()!;
  return { files: files.files, links: links.links, totalBytes: files.totalBytes };
}

/** The stored content's media type. */
export function attachmentMime(db: Db, attachmentId: number): string {
  return db
    .prepare<[number], { mime: string }>('SELECT mime FROM attachments WHERE id = ?')
    .get(attachmentId)!.mime;
}

/** The tables whose rows each keep one document of their own, in an `attachment_id` column. */
export type DocumentTable = 'fee_agreements' | 'fund_entries' | 'exam_site_applications';

/** The columns a record's select adds for its document: `attachments a` joined on `attachment_id`. */
export const documentColumns =
  'a.size AS document_size, a.ext AS document_ext, a.sha256 AS document_sha256';

/** Joins a record (its table's alias) to its document's stored content. */
export const documentJoin = (alias: string) =>
  `LEFT JOIN attachments a ON a.id = ${alias}.attachment_id`;

/** A record's row as `documentColumns` leaves it. */
export interface DocumentColumns {
  attachment_id: number | null;
  document_size: number | null;
  document_ext: AttachmentExtension | null;
  document_sha256: string | null;
}

/** The record's document as pages see it, named by `name`; null when it has none. */
export function recordDocumentOf(
  row: DocumentColumns,
  name: (ext: AttachmentExtension) => string,
): RecordDocument | null {
  return row.attachment_id !== null && row.document_ext !== null
    ? {
        attachmentId: row.attachment_id,
        fileName: name(row.document_ext),
        size: row.document_size ?? 0,
        ext: row.document_ext,
      }
    : null;
}

/** The record's document with its content hash, to read or release it; null when it has none. */
export function storedDocumentOf(
  row: DocumentColumns,
  name: (ext: AttachmentExtension) => string,
): StoredDocument | null {
  const document = recordDocumentOf(row, name);
  return document && row.document_sha256 !== null
    ? { ...document, sha256: row.document_sha256 }
    : null;
}

export type StoredDocument = RecordDocument & { sha256: string };

/** Sets (or clears) a record's document. */
export function setRecordAttachment(
  db: Db,
  table: DocumentTable,
  id: number,
  attachmentId: number | null,
  at: string,
): void {
  db.prepare(`UPDATE ${table} SET attachment_id = ?, updated_at = ? WHERE id = ?`).run(
    attachmentId,
    at,
    id,
  );
}

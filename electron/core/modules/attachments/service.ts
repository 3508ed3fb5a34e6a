import { readFileSync } from 'node:fs';
import type { AttachmentLink, AttachmentSummary } from '../../../../shared/contract/attachments';
import type { UploadedFile } from '../../../../shared/contract/files';
import {
  attachmentKindLabels,
  attachmentOwnerLabels,
  displayNameFromUpload,
  downloadFileName,
  MAX_ATTACHMENT_BYTES,
  sizeLimitMessage,
  type AttachmentOwnerType,
} from '../../../../shared/domain/attachments';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp, type AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import {
  blobPath,
  blobRootFor,
  deleteBlobFile,
  ensureBlob,
  sha256Hex,
  sweepBlobStore,
} from './blobStore';
import { detectAttachmentType } from './detect';
import { ownerProblem } from './owners';

export { ownerExists, ownerProblem } from './owners';

/** Leftovers of an interrupted upload are cleared at start-up once they are this old. */
const SWEEP_GRACE_MS = 60 * 60 * 1000;

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

function fromRow(row: LinkRow): AttachmentLink {
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

function loadLink(db: Db, linkId: number): AttachmentLink | undefined {
  const row = db.prepare<[number], LinkRow>(`${selectLinks} WHERE l.id = ?`).get(linkId);
  return row ? fromRow(row) : undefined;
}

function requireLink(db: Db, linkId: number): AttachmentLink {
  const link = loadLink(db, linkId);
  if (!link) {
    throw new CoreError('NOT_FOUND', `找不到编号为 ${linkId} 的附件，它可能已被删除。请刷新列表。`);
  }
  return link;
}

/** Audit snapshot of a link: what it is, not the file's bytes. */
function auditView(link: AttachmentLink) {
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

/**
 * Deletes the attachment row when no link (and no fee agreement or fund record, which name
 * their document directly) uses it any more; true when it did.
 */
export function releaseIfUnused(db: Db, attachmentId: number): boolean {
  const used = db
    .prepare(
      `SELECT 1 FROM attachment_links WHERE attachment_id = ?
       UNION ALL SELECT 1 FROM fee_agreements WHERE attachment_id = ?
       UNION ALL SELECT 1 FROM fund_entries WHERE attachment_id = ? LIMIT 1`,
    )
    .get(attachmentId, attachmentId, attachmentId);
  if (used) return false;
  db.prepare('DELETE FROM attachments WHERE id = ?').run(attachmentId);
  return true;
}

/**
 * Deletes the blob files of these contents when no row names them any more. Safe to call at any
 * time (it checks again first); run it after the transaction that released them has committed.
 * The check and the deletion share one write-locked transaction, so an upload of the same
 * content from another process cannot slip in between. Returns how many files it deleted.
 */
export function deleteUnusedBlobFiles(db: Db, sha256s: readonly string[]): number {
  if (sha256s.length === 0) return 0;
  const root = blobRootFor(db);
  const known = db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?');
  const run = () => {
    let deleted = 0;
    for (const sha of sha256s) {
      if (known.get(sha)) continue;
      deleteBlobFile(root, sha);
      deleted += 1;
    }
    return deleted;
  };
  return db.inTransaction ? run() : db.transaction(run).immediate();
}

export interface OwnerLinksRemoval {
  /** Links dropped. */
  links: number;
  /** Contents no longer linked from anywhere (their rows are gone). */
  releasedBlobs: string[];
  /** Blob files deleted by this call (0 when it ran inside the caller's transaction). */
  filesDeleted: number;
}

/**
 * For the owner's own delete: drops every attachment link of one owner and the stored contents
 * nothing else links to. Called on its own, it runs in one transaction and deletes the files
 * after the commit. Called inside the caller's transaction (e.g. deleting a room and its links
 * together), it leaves the files: call `deleteUnusedBlobFiles(db, result.releasedBlobs)` after
 * that transaction commits (files left behind are also cleared at the next start). With a
 * `stamp`, each removed link is recorded in the audit log.
 */
export function removeLinksOf(
  db: Db,
  ownerType: AttachmentOwnerType,
  ownerId: number,
  stamp?: AuditStamp,
): OwnerLinksRemoval {
  const nested = db.inTransaction;
  const { links, releasedBlobs } = db.transaction(() => {
    const rows = db
      .prepare<[string, number], LinkRow>(
        `${selectLinks} WHERE l.owner_type = ? AND l.owner_id = ? ORDER BY l.id`,
      )
      .all(ownerType, ownerId)
      .map(fromRow);
    const released: string[] = [];
    const record = auditLog(db, 'attachment_link', auditView);
    for (const link of rows) {
      db.prepare('DELETE FROM attachment_links WHERE id = ?').run(link.id);
      if (stamp) record(stamp, link.id, 'delete', link, null);
    }
    for (const attachmentId of new Set(rows.map((r) => r.attachmentId))) {
      if (releaseIfUnused(db, attachmentId)) {
        released.push(rows.find((r) => r.attachmentId === attachmentId)!.sha256);
      }
    }
    return { links: rows.length, releasedBlobs: released };
  })();
  const filesDeleted = nested ? 0 : deleteUnusedBlobFiles(db, releasedBlobs);
  return { links, releasedBlobs, filesDeleted };
}

/** A picked file checked and typed, before anything is stored. */
export interface PreparedUpload {
  /** Display name from the file name. */
  name: string;
  bytes: Buffer;
  sha256: string;
  type: Awaited<ReturnType<typeof detectAttachmentType>>;
}

/** Decodes an upload, refuses one over the size limit and detects its type from the content. */
export async function prepareUpload(file: UploadedFile): Promise<PreparedUpload> {
  const name = displayNameFromUpload(file.fileName);
  const bytes = Buffer.from(file.contentBase64, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    const message = sizeLimitMessage(name, bytes.length);
    throw new CoreError('VALIDATION', `${message}。未上传任何内容。`, {
      fields: [{ path: 'file', message }],
    });
  }
  const type = await detectAttachmentType(bytes, name);
  return { name, bytes, sha256: sha256Hex(bytes), type };
}

/**
 * Stores an upload's content once (its row and its file) and runs `use` with the row's id, all
 * in one IMMEDIATE transaction (the write lock is held from the first read, against other
 * processes too). When `use` throws, the rows roll back and a file written for them alone goes.
 */
export function withStoredContent<T>(
  db: Db,
  upload: PreparedUpload,
  createdAt: string,
  use: (attachmentId: number, existed: boolean) => T,
): T {
  const root = blobRootFor(db);
  const { sha256, bytes, name, type } = upload;
  const selectBySha = db.prepare<[string], { id: number }>(
    'SELECT id FROM attachments WHERE sha256 = ?',
  );
  let wroteFile = false;
  try {
    return db
      .transaction((): T => {
        const existing = selectBySha.get(sha256);
        const attachmentId = existing
          ? existing.id
          : Number(
              db
                .prepare(
                  `INSERT INTO attachments (sha256, size, mime, ext, created_at)
                   VALUES (@sha256, @size, @mime, @ext, @createdAt)`,
                )
                .run({ sha256, size: bytes.length, ...type, createdAt }).lastInsertRowid,
            );
        // Written (or rewritten, if it went missing) for existing content too.
        try {
          wroteFile = ensureBlob(root, sha256, bytes);
        } catch (error) {
          throw new CoreError(
            'INTERNAL',
            `无法把文件“${name}”保存到数据文件夹（${(error as Error).message}）。请检查磁盘空间和文件夹权限；未上传任何内容。`,
          );
        }
        return use(attachmentId, existing !== undefined);
      })
      .immediate();
  } catch (error) {
    // The rows were rolled back: a file written for them alone goes too.
    if (wroteFile && !selectBySha.get(sha256)) deleteBlobFile(root, sha256);
    throw error;
  }
}

/** Reads a stored file's bytes, checked against its hash; `name` is used in the messages. */
export function readStoredContent(db: Db, sha256: string, name: string): Buffer {
  const file = blobPath(blobRootFor(db), sha256);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CoreError(
      'NOT_FOUND',
      `附件“${name}”的文件在数据文件夹中找不到（${file}），可能被手动删除了。请删除这条附件后重新上传。`,
    );
  }
  if (sha256Hex(bytes) !== sha256) {
    throw new CoreError(
      'INTERNAL',
      `附件“${name}”的文件已损坏（内容与上传时不一致：${file}）。请删除这条附件后重新上传。`,
    );
  }
  return bytes;
}

type AttachmentHandlerName =
  | 'attachments.upload'
  | 'attachments.list'
  | 'attachments.read'
  | 'attachments.rename'
  | 'attachments.remove'
  | 'attachments.summary';

export function attachmentHandlers(ctx: CoreContext): HandlersFor<AttachmentHandlerName> {
  const { db } = ctx;
  const root = blobRootFor(db);

  const swept = sweepBlobStore(db, root, Date.now(), SWEEP_GRACE_MS);
  if (swept.tempFiles + swept.orphanBlobs > 0) {
    ctx.log('info', 'attachment store swept', { ...swept });
  }

  const selectSameLink = db.prepare<
    [number, string, number, string],
    { id: number; display_name: string }
  >(
    `SELECT id, display_name FROM attachment_links
     WHERE attachment_id = ? AND owner_type = ? AND owner_id = ? AND kind = ?`,
  );
  const insertLink = db.prepare(
    `INSERT INTO attachment_links (attachment_id, owner_type, owner_id, kind, display_name, created_at)
     VALUES (@attachmentId, @ownerType, @ownerId, @kind, @name, @createdAt)`,
  );

  const record = auditLog(db, 'attachment_link', auditView);

  return {
    async 'attachments.upload'({ ownerType, ownerId, kind, file }) {
      const upload = await prepareUpload(file);
      const { name } = upload;

      // From here on everything is synchronous, so no other call of this core can interleave
      // between the checks, the file write and the commit.
      const problem = ownerProblem(db, ownerType, ownerId);
      if (problem) throw new CoreError('NOT_FOUND', `${problem}。未上传任何内容。`);
      const stamp = auditStamp(ctx);
      const createdAt = stamp.at;
      return withStoredContent(db, upload, createdAt, (attachmentId, existed) => {
        const same = existed && selectSameLink.get(attachmentId, ownerType, ownerId, kind);
        if (same) {
          throw new CoreError(
            'CONFLICT',
            `文件“${name}”已作为“${attachmentKindLabels[kind]}”上传到这个${attachmentOwnerLabels[ownerType]}（名称“${same.display_name}”），无需重复上传。`,
            { existingLinkId: same.id },
          );
        }
        const linkId = Number(
          insertLink.run({ attachmentId, ownerType, ownerId, kind, name, createdAt })
            .lastInsertRowid,
        );
        const link = loadLink(db, linkId)!;
        record(stamp, linkId, 'create', null, link);
        return link;
      });
    },

    'attachments.list': ({ ownerType, ownerId }) =>
      db
        .prepare<[string, number], LinkRow>(
          `${selectLinks} WHERE l.owner_type = ? AND l.owner_id = ? ORDER BY l.created_at, l.id`,
        )
        .all(ownerType, ownerId)
        .map(fromRow),

    'attachments.read': ({ linkId }) => {
      const link = requireLink(db, linkId);
      const bytes = readStoredContent(db, link.sha256, link.name);
      return {
        fileName: downloadFileName(link.name, link.ext),
        mime: link.mime,
        contentBase64: bytes.toString('base64'),
      };
    },

    'attachments.rename': ({ linkId, name }) =>
      db.transaction((): AttachmentLink => {
        const before = requireLink(db, linkId);
        db.prepare('UPDATE attachment_links SET display_name = ? WHERE id = ?').run(name, linkId);
        const after = requireLink(db, linkId);
        record(auditStamp(ctx), linkId, 'update', before, after);
        return after;
      })(),

    'attachments.remove': ({ linkId }) => {
      const { sha256, released } = db.transaction(() => {
        const link = requireLink(db, linkId);
        db.prepare('DELETE FROM attachment_links WHERE id = ?').run(linkId);
        record(auditStamp(ctx), linkId, 'delete', link, null);
        return { sha256: link.sha256, released: releaseIfUnused(db, link.attachmentId) };
      })();
      const fileDeleted = released && deleteUnusedBlobFiles(db, [sha256]) === 1;
      return { linkId, fileDeleted };
    },

    'attachments.summary': (): AttachmentSummary => {
      const files = db
        .prepare<[], { files: number; totalBytes: number }>(
          'SELECT count(*) AS files, coalesce(sum(size), 0) AS totalBytes FROM attachments',
        )
        .get()!;
      const links = db
        .prepare<[], { links: number }>('SELECT count(*) AS links FROM attachment_links')
        .get()!;
      return { files: files.files, links: links.links, totalBytes: files.totalBytes };
    },
  };
}

import { readFileSync, statSync } from 'node:fs';
import type { FileOffer, UploadedFile } from '../../../../shared/contract/files';
import type { CoreContext } from '../../context';
import {
  displayNameFromUpload,
  MAX_ATTACHMENT_BYTES,
  sizeLimitMessage,
  type AttachmentOwnerType,
} from '../../../../shared/domain/attachments';
import { auditLog, type AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { sha256Hex, sha256OfFile } from '../../io/checksum';
import {
  attachmentIdLookup,
  attachmentInUse,
  deleteAttachment,
  insertAttachment,
  storedShaChecker,
} from './blobRepository';
import { blobPath, blobRootFor, deleteBlobFile, ensureBlob } from './blobStore';
import { detectAttachmentType } from './detect';
import { deleteLink, linkAuditView, listLinks } from './repository';

/*
 * Stored content shared by every module that keeps files (attachments, fee agreements' documents,
 * rooms' and sites' links): each content is stored once by its hash and released when nothing
 * names it any more.
 */

/**
 * Deletes the attachment row when no link (and no fee agreement, fund record, exam-site
 * application, student photo or candidate document, which name their content directly) uses it
 * any more; true when it did.
 */
export function releaseIfUnused(db: Db, attachmentId: number): boolean {
  if (attachmentInUse(db, attachmentId)) return false;
  deleteAttachment(db, attachmentId);
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
  const known = storedShaChecker(db);
  const run = () => {
    let deleted = 0;
    for (const sha of sha256s) {
      if (known(sha)) continue;
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
    const rows = listLinks(db, ownerType, ownerId, 'id');
    const released: string[] = [];
    const record = auditLog(db, 'attachment_link', linkAuditView);
    for (const link of rows) {
      deleteLink(db, link.id);
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
  const attachmentIdOf = attachmentIdLookup(db);
  let wroteFile = false;
  try {
    return db
      .transaction((): T => {
        const existing = attachmentIdOf(sha256);
        const attachmentId =
          existing ?? insertAttachment(db, { sha256, size: bytes.length, ...type, createdAt });
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
    if (wroteFile && attachmentIdOf(sha256) === undefined) deleteBlobFile(root, sha256);
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
    throw contentMissing(name, file);
  }
  if (sha256Hex(bytes) !== sha256) throw contentDamaged(name, file);
  return bytes;
}

/**
 * Stored content offered for download, checked like readStoredContent but read as a stream, so
 * a 40 MB scan never sits in memory or in an answer.
 */
export async function offerStoredContent(
  ctx: CoreContext,
  sha256: string,
  name: string,
  meta: { fileName: string; mime: string },
): Promise<FileOffer> {
  const file = blobPath(blobRootFor(ctx.db), sha256);
  let actual: string;
  try {
    actual = await sha256OfFile(file);
  } catch {
    throw contentMissing(name, file);
  }
  if (actual !== sha256) throw contentDamaged(name, file);
  return ctx.downloads.offer(file, { ...meta, size: statSync(file).size });
}

const contentMissing = (name: string, file: string) =>
  new CoreError(
    'NOT_FOUND',
    `附件“${name}”的文件在数据文件夹中找不到（${file}），可能被手动删除了。请删除这条附件后重新上传。`,
  );

const contentDamaged = (name: string, file: string) =>
  new CoreError(
    'INTERNAL',
    `附件“${name}”的文件已损坏（内容与上传时不一致：${file}）。请删除这条附件后重新上传。`,
  );

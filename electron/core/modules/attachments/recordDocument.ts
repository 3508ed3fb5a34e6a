import type { FileOffer, UploadedFile } from '../../../../shared/contract/files';
import type { CoreContext } from '../../context';
import { auditStamp, type AuditedRows, type AuditStamp } from '../../db/audit';
import { CoreError } from '../../errors';
import {
  attachmentMime,
  setRecordAttachment,
  type DocumentTable,
  type StoredDocument,
} from './repository';
import {
  deleteUnusedBlobFiles,
  offerStoredContent,
  prepareUpload,
  releaseIfUnused,
  withStoredContent,
} from './storedContent';

/** What a module whose records keep one document each tells the helper about them. */
export interface RecordDocumentSpec<T> {
  table: DocumentTable;
  /** The records' audited rows: a document change is recorded as an update of the record. */
  rows: AuditedRows<T>;
  /** The record as its audit log sees it; throws NOT_FOUND for a missing one. */
  load: (id: number) => T;
  /** The record's document, with its content hash; null when it has none. */
  document: (record: T) => StoredDocument | null;
  /** The NOT_FOUND message for a record without a document to read. */
  noDocument: (id: number) => string;
}

/**
 * Upload, replace, read and remove the one document of a record (a fee agreement, an exam-site
 * application, a fund record), and its release when the record is deleted: each change is
 * audited on the record, and content nothing names any more is deleted after the commit.
 */
export function recordDocuments<T>(ctx: CoreContext, spec: RecordDocumentSpec<T>) {
  const { db } = ctx;
  const { rows, load, document } = spec;

  /** Its content when releasing this document left it unused (the caller deletes the file). */
  const release = (stored: StoredDocument | null): string[] =>
    stored !== null && releaseIfUnused(db, stored.attachmentId) ? [stored.sha256] : [];

  /** Sets (or clears) the document inside a transaction; returns the content it released. */
  const setDocument = (id: number, attachmentId: number | null, stamp: AuditStamp): string[] => {
    const before = load(id);
    const old = document(before);
    if ((old?.attachmentId ?? null) === attachmentId) return [];
    setRecordAttachment(db, spec.table, id, attachmentId, stamp.at);
    rows.record(stamp, id, 'update', before, load(id));
    return release(old);
  };

  const documents = {
    /** Stores the file and makes it the record's document (replacing the one it had). */
    async attach(id: number, file: UploadedFile): Promise<void> {
      const upload = await prepareUpload(file);
      load(id);
      const stamp = auditStamp(ctx);
      const released = withStoredContent(db, upload, stamp.at, (attachmentId) =>
        setDocument(id, attachmentId, stamp),
      );
      deleteUnusedBlobFiles(db, released);
    },
    /** Takes the document off the record. */
    detach(id: number): void {
      const stamp = auditStamp(ctx);
      deleteUnusedBlobFiles(db, db.transaction(() => setDocument(id, null, stamp))());
    },
    /** The document offered for download, streamed from the data folder. */
    offer(id: number): Promise<FileOffer> {
      const stored = document(load(id));
      if (stored === null) throw new CoreError('NOT_FOUND', spec.noDocument(id));
      return offerStoredContent(ctx, stored.sha256, stored.fileName, {
        fileName: stored.fileName,
        mime: attachmentMime(db, stored.attachmentId),
      });
    },
    /**
     * Deletes the record (`deleteRow` runs in the audited delete's transaction) and releases its
     * document; the content's file goes after the commit when nothing else names it.
     */
    deleteRecord(id: number, deleteRow: (before: T) => void): void {
      const released = rows.remove(id, (before) => {
        deleteRow(before);
        return release(document(before));
      });
      deleteUnusedBlobFiles(db, released);
    },
  };

  return {
    ...documents,
    /**
     * The record's delete and document handlers (`X.delete`, `X.attachDocument`,
     * `X.removeDocument`, `X.readDocument`), each changed record answered as `read` shows it.
     */
    handlers<R>(read: (id: number) => R, deleteRow: (id: number) => void) {
      return {
        remove(id: number) {
          documents.deleteRecord(id, () => deleteRow(id));
          return { id };
        },
        async attachDocument(id: number, file: UploadedFile): Promise<R> {
          await documents.attach(id, file);
          return read(id);
        },
        removeDocument(id: number): R {
          documents.detach(id);
          return read(id);
        },
        readDocument: documents.offer,
      };
    },
  };
}

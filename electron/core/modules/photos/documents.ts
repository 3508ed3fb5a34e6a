import type { z } from 'zod';
import type {
  CandidateDocumentFile,
  DocumentChecklist,
  DocumentChecklistRow,
  documentSaveSchema,
} from '../../../../shared/contract/photos';
import { downloadFileName } from '../../../../shared/domain/attachments';
import {
  candidateDocumentKinds,
  candidateDocumentLabels,
  candidateDocumentTypes,
  type CandidateDocumentKind,
} from '../../../../shared/domain/photos';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import { CoreError, mustExist } from '../../errors';
import {
  deleteUnusedBlobFiles,
  prepareUpload,
  readStoredContent,
  releaseIfUnused,
  withStoredContent,
} from '../attachments/storedContent';
import { getBatch } from '../exams/batches';
import {
  candidateRow,
  checklistCandidates,
  deleteDocument,
  documentsOf,
  findDocument,
  putDocument,
  type CandidateRow,
  type DocumentRow,
} from './repository';

const documentAuditView = (row: DocumentRow) => ({
  signupId: row.signup_id,
  kind: row.kind,
  name: row.display_name,
  sha256: row.sha256,
});

/**
 * 其他材料: each candidate's 申请表, ID scan and 在读证明 as attachments of the
 * sign-up, and the batch's checklist of who is missing what.
 */
export function candidateDocuments(ctx: CoreContext) {
  const { db } = ctx;

  const candidate = (signupId: number): CandidateRow => {
    const row = candidateRow(db, signupId);
    return mustExist(row, '报名记录', signupId, '请刷新');
  };

  const rowOf = (c: CandidateRow, documents: readonly DocumentRow[]): DocumentChecklistRow => ({
    signupId: c.signup_id,
    studentNo: c.student_no,
    name: c.name,
    className: c.class_name,
    documents: Object.fromEntries(
      documents
        .filter((d) => d.signup_id === c.signup_id)
        .map((d) => [d.kind, { name: d.display_name, ext: d.ext }]),
    ),
  });

  function checklist(batchId: number): DocumentChecklist {
    getBatch(db, batchId);
    const candidates = checklistCandidates(db, batchId);
    const documents = documentsOf(
      db,
      candidates.map((c) => c.signup_id),
    );
    const rows = candidates.map((c) => rowOf(c, documents));
    const missing = Object.fromEntries(
      candidateDocumentKinds.map((k) => [k, rows.filter((r) => !r.documents[k]).length]),
    ) as DocumentChecklist['missing'];
    return { rows, missing };
  }

  async function save(input: z.output<typeof documentSaveSchema>): Promise<DocumentChecklistRow> {
    const who = candidate(input.signupId);
    const label = candidateDocumentLabels[input.kind];
    if (who.status === 'withdrawn') {
      throw new CoreError(
        'CONFLICT',
        `${who.name}（学号 ${who.student_no}）的报名已撤销，不能上传${label}。`,
      );
    }
    const upload = await prepareUpload(input.file);
    if (!(candidateDocumentTypes as readonly string[]).includes(upload.type.ext)) {
      const message = `文件“${upload.name}”是 ${upload.type.ext.toUpperCase()} 文件，${label}应为 PDF、JPEG 或 PNG（扫描件或照片）`;
      throw new CoreError('VALIDATION', `${message}。未上传任何内容。`, {
        fields: [{ path: 'file', message }],
      });
    }
    const at = ctx.now();
    const released: string[] = [];
    withStoredContent(db, upload, at, (attachmentId) => {
      const before = findDocument(db, input.signupId, input.kind);
      putDocument(
        db,
        { signupId: input.signupId, kind: input.kind, attachmentId, name: upload.name },
        at,
      );
      const after = findDocument(db, input.signupId, input.kind)!;
      auditLog(db, 'signup_document', documentAuditView)(
        auditStamp(ctx, at),
        after.id,
        before ? 'update' : 'create',
        before ?? null,
        after,
      );
      if (
        before &&
        before.attachment_id !== attachmentId &&
        releaseIfUnused(db, before.attachment_id)
      ) {
        released.push(before.sha256);
      }
    });
    deleteUnusedBlobFiles(db, released);
    return rowOf(who, documentsOf(db, [who.signup_id]));
  }

  function remove(signupId: number, kind: CandidateDocumentKind): DocumentChecklistRow {
    const who = candidate(signupId);
    const released: string[] = [];
    db.transaction(() => {
      const before = findDocument(db, signupId, kind);
      if (!before) return;
      deleteDocument(db, before.id);
      auditLog(db, 'signup_document', documentAuditView)(
        auditStamp(ctx),
        before.id,
        'delete',
        before,
        null,
      );
      if (releaseIfUnused(db, before.attachment_id)) released.push(before.sha256);
    })();
    deleteUnusedBlobFiles(db, released);
    return rowOf(who, documentsOf(db, [signupId]));
  }

  function get(signupId: number, kind: CandidateDocumentKind): CandidateDocumentFile {
    const who = candidate(signupId);
    const row = findDocument(db, signupId, kind);
    if (!row) {
      throw new CoreError(
        'NOT_FOUND',
        `${who.name}（学号 ${who.student_no}）还没有上传${candidateDocumentLabels[kind]}。`,
      );
    }
    return {
      fileName: downloadFileName(row.display_name, row.ext),
      mime: row.mime,
      contentBase64: readStoredContent(db, row.sha256, row.display_name).toString('base64'),
    };
  }

  return { checklist, save, remove, get };
}

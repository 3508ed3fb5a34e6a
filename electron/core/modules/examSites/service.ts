import type { AttachmentContent } from '../../../../shared/contract/attachments';
import type { ExamSite, ExamSiteSaveData } from '../../../../shared/contract/examSites';
import type { UploadedFile } from '../../../../shared/contract/files';
import type { CoreContext } from '../../context';
import { auditedRows, auditStamp, type AuditStamp } from '../../db/audit';
import { CoreError, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { attachmentMime } from '../attachments/repository';
import {
  deleteUnusedBlobFiles,
  prepareUpload,
  readStoredContent,
  releaseIfUnused,
  withStoredContent,
} from '../attachments/storedContent';
import {
  certificateName,
  deleteExamSite,
  getExamSite,
  getRow,
  examSiteAuditView,
  insertExamSite,
  loadAudited,
  listExamSites,
  replacePlaces,
  setExamSiteAttachment,
  updateExamSite,
} from './repository';

/** 考核站点: per certificate, the school's application to be an exam site and what it covers. */
function examSiteWrites(ctx: CoreContext) {
  const { db } = ctx;
  const load = (id: number) => loadAudited(db, id);
  const rows = auditedRows(ctx, 'exam_site', load, examSiteAuditView);

  const write = (data: Omit<ExamSiteSaveData, 'id'>, beforeId: number | null, at: string) => {
    if (certificateName(db, data.certificateId) === undefined) {
      throw validationError([
        { path: 'certificateId', message: '所选证书不存在（可能已被删除），请重新选择' },
      ]);
    }
    const values = {
      certificateId: data.certificateId,
      appliedOn: data.appliedOn,
      status: data.status,
      validFrom: data.validFrom,
      validTo: data.validTo,
      note: data.note,
      at,
    };
    const id = beforeId ?? insertExamSite(db, values);
    if (beforeId !== null) updateExamSite(db, id, values);
    replacePlaces(db, id, data.places);
    return id;
  };

  /** Sets (or clears) the document inside a transaction; returns the content it released. */
  const setDocument = (id: number, attachmentId: number | null, stamp: AuditStamp): string[] => {
    const before = load(id);
    const row = getRow(db, id);
    if (row.attachment_id === attachmentId) return [];
    setExamSiteAttachment(db, id, attachmentId, stamp.at);
    rows.record(stamp, id, 'update', before, load(id));
    const old = row.attachment_id;
    return old !== null && releaseIfUnused(db, old) ? [row.document_sha256 as string] : [];
  };

  return {
    save: ({ id, ...data }: ExamSiteSaveData): ExamSite =>
      rows.save(id, (before, { at }) => write(data, before?.site.id ?? null, at)).site,
    remove(id: number) {
      const released = rows.remove(id, (before) => {
        const attachmentId = getRow(db, id).attachment_id;
        deleteExamSite(db, id);
        return attachmentId !== null && releaseIfUnused(db, attachmentId)
          ? [before.sha256 as string]
          : [];
      });
      deleteUnusedBlobFiles(db, released);
      return { id };
    },
    async attachDocument(id: number, file: UploadedFile): Promise<ExamSite> {
      const upload = await prepareUpload(file);
      getRow(db, id);
      const stamp = auditStamp(ctx);
      const released = withStoredContent(db, upload, stamp.at, (attachmentId) =>
        setDocument(id, attachmentId, stamp),
      );
      deleteUnusedBlobFiles(db, released);
      return getExamSite(db, id);
    },
    removeDocument(id: number): ExamSite {
      const stamp = auditStamp(ctx);
      deleteUnusedBlobFiles(db, db.transaction(() => setDocument(id, null, stamp))());
      return getExamSite(db, id);
    },
    readDocument(id: number): AttachmentContent {
      const row = getRow(db, id);
      const site = getExamSite(db, id);
      if (!site.document || row.document_sha256 === null) {
        throw new CoreError('NOT_FOUND', '这条考核站点记录还没有上传批准文件。');
      }
      const mime = attachmentMime(db, site.document.attachmentId);
      const bytes = readStoredContent(db, row.document_sha256, site.document.fileName);
      return { fileName: site.document.fileName, mime, contentBase64: bytes.toString('base64') };
    },
  };
}

type ExamSiteHandlerName =
  | 'examSites.list'
  | 'examSites.save'
  | 'examSites.delete'
  | 'examSites.attachDocument'
  | 'examSites.removeDocument'
  | 'examSites.readDocument';

export function examSitesHandlers(ctx: CoreContext): HandlersFor<ExamSiteHandlerName> {
  const { db } = ctx;
  const sites = examSiteWrites(ctx);
  return {
    'examSites.list': (input) => listExamSites(db, input),
    'examSites.save': (input) => sites.save(input),
    'examSites.delete': ({ id }) => sites.remove(id),
    'examSites.attachDocument': ({ id, file }) => sites.attachDocument(id, file),
    'examSites.removeDocument': ({ id }) => sites.removeDocument(id),
    'examSites.readDocument': ({ id }) => sites.readDocument(id),
  };
}

import type { AgreementSaveData, FeeAgreement } from '../../../../shared/contract/agreements';
import type { FileOffer, UploadedFile } from '../../../../shared/contract/files';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { ceilingInForce, feeOverLimitMessage } from '../../../../shared/domain/costCaps';
import type { CoreContext } from '../../context';
import { auditedRows, auditStamp, type AuditStamp } from '../../db/audit';
import { CoreError, validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { attachmentMime } from '../attachments/repository';
import {
  deleteUnusedBlobFiles,
  prepareUpload,
  offerStoredContent,
  releaseIfUnused,
  withStoredContent,
} from '../attachments/storedContent';
import { levelFacts } from '../exams/levels';
import {
  deleteAgreement,
  fromRow,
  getAgreement,
  getRow,
  insertAgreement,
  listAgreements,
  setAgreementAttachment,
  updateAgreement,
  type AgreementRow,
} from './repository';

/** The audit log's view: the agreement's fields (the document by its content hash). */
function auditView(agreement: FeeAgreement, sha256: string | null) {
  return {
    certificateId: agreement.certificateId,
    certificateName: agreement.certificateName,
    level: agreement.level,
    examForm: agreement.examForm,
    feeFen: agreement.feeFen,
    capFen: agreement.capFen,
    capDocument: agreement.capDocument,
    agreedOn: agreement.agreedOn,
    partnerSchools: agreement.partnerSchools,
    documentSha256: sha256,
    note: agreement.note,
  };
}

/** 费用协商: the agreed fee per person, never above the cap in force (notice rule 11). */
function agreementWrites(ctx: CoreContext) {
  const { db } = ctx;

  const rows = auditedRows(
    ctx,
    'fee_agreement',
    (id) => getRow(db, id),
    (row) => auditView(fromRow(row), row.document_sha256),
  );

  /** Checks an agreement against the cap in force and writes it; returns its id. */
  const write = (
    data: Omit<AgreementSaveData, 'id'>,
    before: AgreementRow | null,
    at: string,
  ): number => {
    const facts = levelFacts(db, data.certificateId, data.level);
    const label = `“${facts.certificateName}”${certificateLevelLabels[data.level]}`;
    if (
      facts.archived &&
      (before === null ||
        before.certificate_id !== data.certificateId ||
        before.level !== data.level)
    ) {
      throw validationError([
        {
          path: 'certificateId',
          message: `证书“${facts.certificateName}”已归档，请先在证书目录中恢复后再登记费用协商`,
        },
      ]);
    }
    const limit = ceilingInForce(facts.limits, {
      level: data.level,
      examForm: data.examForm,
      on: data.agreedOn,
    });
    if (limit === null) {
      throw validationError([
        {
          path: 'level',
          message: `${label}在 ${data.agreedOn} 没有适用的考核成本上限：请先在证书目录中为该等级录入考核成本上限、文件文号及有效期，再登记协商费用`,
        },
      ]);
    }
    const overCap = feeOverLimitMessage('协商费用', data.feeFen, limit, data.agreedOn);
    if (overCap) {
      throw validationError([
        { path: 'fee', message: `${overCap}，考核费不得超过考核成本上限（试点通知第四条）` },
      ]);
    }
    const row = {
      certificateId: data.certificateId,
      level: data.level,
      examForm: data.examForm,
      feeFen: data.feeFen,
      capFen: limit.amountFen,
      capDocument: limit.document,
      agreedOn: data.agreedOn,
      partners: JSON.stringify(data.partnerSchools),
      note: data.note,
      at,
    };
    if (before) {
      updateAgreement(db, before.id, row);
      return before.id;
    }
    return insertAgreement(db, row);
  };

  const save = ({ id, ...data }: AgreementSaveData): FeeAgreement =>
    fromRow(rows.save(id, (before, { at }) => write(data, before, at)));

  /** Sets (or clears) the document inside a transaction; returns the content it released. */
  const setDocument = (id: number, attachmentId: number | null, stamp: AuditStamp): string[] => {
    const before = getRow(db, id);
    if (before.attachment_id === attachmentId) return [];
    setAgreementAttachment(db, id, attachmentId, stamp.at);
    rows.record(stamp, id, 'update', before, getRow(db, id));
    const old = before.attachment_id;
    return old !== null && releaseIfUnused(db, old) ? [before.document_sha256 as string] : [];
  };

  /** Deletes the agreement; returns the stored content it released. */
  const remove = (id: number): string[] =>
    rows.remove(id, (before) => {
      deleteAgreement(db, id);
      return before.attachment_id !== null && releaseIfUnused(db, before.attachment_id)
        ? [before.document_sha256 as string]
        : [];
    });

  return {
    save,
    remove(id: number) {
      deleteUnusedBlobFiles(db, remove(id));
      return { id };
    },
    async attachDocument(id: number, file: UploadedFile): Promise<FeeAgreement> {
      const upload = await prepareUpload(file);
      getRow(db, id);
      const stamp = auditStamp(ctx);
      const released = withStoredContent(db, upload, stamp.at, (attachmentId) =>
        setDocument(id, attachmentId, stamp),
      );
      deleteUnusedBlobFiles(db, released);
      return getAgreement(db, id);
    },
    removeDocument(id: number): FeeAgreement {
      const stamp = auditStamp(ctx);
      deleteUnusedBlobFiles(db, db.transaction(() => setDocument(id, null, stamp))());
      return getAgreement(db, id);
    },
    readDocument(id: number): Promise<FileOffer> {
      const row = getRow(db, id);
      const agreement = fromRow(row);
      if (!agreement.document || row.document_sha256 === null || row.document_ext === null) {
        throw new CoreError('NOT_FOUND', '这条费用协商还没有上传协议文件。');
      }
      return offerStoredContent(ctx, row.document_sha256, agreement.document.fileName, {
        fileName: agreement.document.fileName,
        mime: attachmentMime(db, agreement.document.attachmentId),
      });
    },
  };
}

type AgreementHandlerName =
  | 'agreements.list'
  | 'agreements.save'
  | 'agreements.delete'
  | 'agreements.attachDocument'
  | 'agreements.removeDocument'
  | 'agreements.readDocument';

export function agreementsHandlers(ctx: CoreContext): HandlersFor<AgreementHandlerName> {
  const { db } = ctx;
  const agreements = agreementWrites(ctx);
  return {
    'agreements.list': (input) => listAgreements(db, input),
    'agreements.save': (input) => agreements.save(input),
    'agreements.delete': ({ id }) => {
      getAgreement(db, id);
      return agreements.remove(id);
    },
    'agreements.attachDocument': ({ id, file }) => agreements.attachDocument(id, file),
    'agreements.removeDocument': ({ id }) => agreements.removeDocument(id),
    'agreements.readDocument': ({ id }) => agreements.readDocument(id),
  };
}

import type { AttachmentContent } from '../../../../shared/contract/attachments';
import type { UploadedFile } from '../../../../shared/contract/files';
import type { AgreementSaveData, FeeAgreement } from '../../../../shared/contract/exams';
import { downloadFileName, type AttachmentExtension } from '../../../../shared/domain/attachments';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import {
  ceilingInForce,
  feeOverLimitMessage,
  type ExamForm,
} from '../../../../shared/domain/costCaps';
import type { AgreedFee } from '../../../../shared/domain/feeAgreements';
import type { CoreContext } from '../../context';
import { auditedRows, auditStamp, type AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError, validationError } from '../../errors';
import {
  deleteUnusedBlobFiles,
  prepareUpload,
  readStoredContent,
  releaseIfUnused,
  withStoredContent,
} from '../attachments/service';
import { levelFacts } from './levels';

interface AgreementRow {
  id: number;
  certificate_id: number;
  certificate_name: string;
  organization: string;
  level: CertificateLevel;
  exam_form: ExamForm | null;
  fee_fen: number;
  cap_fen: number;
  cap_document: string;
  agreed_on: string;
  partner_schools_json: string;
  attachment_id: number | null;
  document_size: number | null;
  document_ext: AttachmentExtension | null;
  document_sha256: string | null;
  note: string;
  created_at: string;
  updated_at: string;
}

const selectAgreements = `
  SELECT f.*, c.name AS certificate_name, c.organization,
    a.size AS document_size, a.ext AS document_ext, a.sha256 AS document_sha256
  FROM fee_agreements f JOIN certificates c ON c.id = f.certificate_id
  LEFT JOIN attachments a ON a.id = f.attachment_id`;

const documentName = (row: AgreementRow, ext: AttachmentExtension) =>
  downloadFileName(
    `${row.certificate_name}${certificateLevelLabels[row.level]}费用协商协议（${row.agreed_on}）`,
    ext,
  );

function fromRow(row: AgreementRow): FeeAgreement {
  return {
    id: row.id,
    certificateId: row.certificate_id,
    certificateName: row.certificate_name,
    organization: row.organization,
    level: row.level,
    examForm: row.exam_form,
    feeFen: row.fee_fen,
    capFen: row.cap_fen,
    capDocument: row.cap_document,
    agreedOn: row.agreed_on,
    partnerSchools: JSON.parse(row.partner_schools_json) as string[],
    document:
      row.attachment_id !== null && row.document_ext !== null
        ? {
            attachmentId: row.attachment_id,
            fileName: documentName(row, row.document_ext),
            size: row.document_size ?? 0,
            ext: row.document_ext,
          }
        : null,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function getRow(db: Db, id: number): AgreementRow {
  const row = db.prepare<[number], AgreementRow>(`${selectAgreements} WHERE f.id = ?`).get(id);
  if (!row) {
    throw new CoreError(
      'NOT_FOUND',
      `费用协商记录不存在（编号 ${id}），可能已被删除，请刷新列表。`,
    );
  }
  return row;
}

export const getAgreement = (db: Db, id: number): FeeAgreement => fromRow(getRow(db, id));

/** Every certificate's fee agreements, as batches are held to them (agreementInForce). */
export function agreedFeesByCertificate(db: Db): Map<number, AgreedFee[]> {
  const map = new Map<number, AgreedFee[]>();
  const rows = db
    .prepare<
      [],
      {
        certificate_id: number;
        level: CertificateLevel;
        exam_form: ExamForm | null;
        fee_fen: number;
        agreed_on: string;
      }
    >('SELECT certificate_id, level, exam_form, fee_fen, agreed_on FROM fee_agreements ORDER BY id')
    .all();
  for (const r of rows) {
    const list = map.get(r.certificate_id) ?? [];
    list.push({ level: r.level, examForm: r.exam_form, feeFen: r.fee_fen, agreedOn: r.agreed_on });
    map.set(r.certificate_id, list);
  }
  return map;
}

export function listAgreements(
  db: Db,
  filter: { certificateId: number | null; level: CertificateLevel | null },
): FeeAgreement[] {
  return db
    .prepare<[typeof filter], AgreementRow>(
      `${selectAgreements}
       WHERE (@certificateId IS NULL OR f.certificate_id = @certificateId)
         AND (@level IS NULL OR f.level = @level)
       ORDER BY f.agreed_on DESC, f.id DESC`,
    )
    .all(filter)
    .map(fromRow);
}

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
export function agreementWrites(ctx: CoreContext) {
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
      db.prepare(
        `UPDATE fee_agreements SET certificate_id = @certificateId, level = @level,
           exam_form = @examForm, fee_fen = @feeFen, cap_fen = @capFen, cap_document = @capDocument,
           agreed_on = @agreedOn, partner_schools_json = @partners, note = @note,
           updated_at = @at WHERE id = @id`,
      ).run({ ...row, id: before.id });
      return before.id;
    }
    return Number(
      db
        .prepare(
          `INSERT INTO fee_agreements (certificate_id, level, exam_form, fee_fen, cap_fen,
             cap_document, agreed_on, partner_schools_json, note, created_at, updated_at)
           VALUES (@certificateId, @level, @examForm, @feeFen, @capFen, @capDocument,
             @agreedOn, @partners, @note, @at, @at)`,
        )
        .run(row).lastInsertRowid,
    );
  };

  const save = ({ id, ...data }: AgreementSaveData): FeeAgreement =>
    fromRow(rows.save(id, (before, { at }) => write(data, before, at)));

  /** Sets (or clears) the document inside a transaction; returns the content it released. */
  const setDocument = (id: number, attachmentId: number | null, stamp: AuditStamp): string[] => {
    const before = getRow(db, id);
    if (before.attachment_id === attachmentId) return [];
    db.prepare('UPDATE fee_agreements SET attachment_id = ?, updated_at = ? WHERE id = ?').run(
      attachmentId,
      stamp.at,
      id,
    );
    rows.record(stamp, id, 'update', before, getRow(db, id));
    const old = before.attachment_id;
    return old !== null && releaseIfUnused(db, old) ? [before.document_sha256 as string] : [];
  };

  /** Deletes the agreement; returns the stored content it released. */
  const remove = (id: number): string[] =>
    rows.remove(id, (before) => {
      db.prepare('DELETE FROM fee_agreements WHERE id = ?').run(id);
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
    readDocument(id: number): AttachmentContent {
      const row = getRow(db, id);
      const agreement = fromRow(row);
      if (!agreement.document || row.document_sha256 === null || row.document_ext === null) {
        throw new CoreError('NOT_FOUND', '这条费用协商还没有上传协议文件。');
      }
      const mime = db
        .prepare<[number], { mime: string }>('SELECT mime FROM attachments WHERE id = ?')
        .get(agreement.document.attachmentId)!.mime;
      const bytes = readStoredContent(db, row.document_sha256, agreement.document.fileName);
      return {
        fileName: agreement.document.fileName,
        mime,
        contentBase64: bytes.toString('base64'),
      };
    },
  };
}

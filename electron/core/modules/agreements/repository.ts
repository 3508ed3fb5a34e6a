import type { FeeAgreement } from '../../../../shared/contract/agreements';
import type { BatchListParams } from '../../../../shared/contract/exams';
import { downloadFileName, type AttachmentExtension } from '../../../../shared/domain/attachments';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import type { ExamForm } from '../../../../shared/domain/costCaps';
import type { AgreedFee } from '../../../../shared/domain/feeAgreements';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import { mustExist } from '../../errors';
import {
  documentColumns,
  documentJoin,
  recordDocumentOf,
  storedDocumentOf,
  type DocumentColumns,
} from '../attachments/repository';
import { batchListWhere } from '../exams/batchRepository';

export interface AgreementRow extends DocumentColumns {
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
  note: string;
  created_at: string;
  updated_at: string;
}

const selectAgreements = `
  SELECT f.*, c.name AS certificate_name, c.organization, ${documentColumns}
  FROM fee_agreements f JOIN certificates c ON c.id = f.certificate_id
  ${documentJoin('f')}`;

const documentName = (row: AgreementRow) => (ext: AttachmentExtension) =>
  downloadFileName(
    `${row.certificate_name}${certificateLevelLabels[row.level]}费用协商协议（${row.agreed_on}）`,
    ext,
  );

/** The agreement's document with its content hash. */
export const storedAgreementDocument = (row: AgreementRow) =>
  storedDocumentOf(row, documentName(row));

export function fromRow(row: AgreementRow): FeeAgreement {
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
    document: recordDocumentOf(row, documentName(row)),
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getRow(db: Db, id: number): AgreementRow {
  const row = db.prepare<[number], AgreementRow>(`${selectAgreements} WHERE f.id = ?`).get(id);
  return mustExist(row, '费用协商记录', id);
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

/** One certificate's fee agreements (agreedFeesByCertificate, for one batch's certificate). */
export const agreedFeesOf = (db: Db, certificateId: number): AgreedFee[] =>
  agreedFeesByCertificate(db).get(certificateId) ?? [];

export function listAgreements(db: Db, filter: BatchListParams): FeeAgreement[] {
  return db
    .prepare<[BatchListParams], AgreementRow>(
      `${selectAgreements} WHERE ${batchListWhere('f')} ORDER BY f.agreed_on DESC, f.id DESC`,
    )
    .all(filter)
    .map(fromRow);
}

/** The columns an agreement's save writes. */
export interface AgreementValues extends Pick<
  FeeAgreement,
  'certificateId' | 'level' | 'examForm' | 'feeFen' | 'capFen' | 'capDocument' | 'agreedOn' | 'note'
> {
  /** The partner schools as JSON. */
  partners: string;
}

/** Writes agreements: each column from its value. */
export const agreementRecords = recordWriter<AgreementValues>('fee_agreements', {
  certificate_id: 'certificateId',
  level: 'level',
  exam_form: 'examForm',
  fee_fen: 'feeFen',
  cap_fen: 'capFen',
  cap_document: 'capDocument',
  agreed_on: 'agreedOn',
  partner_schools_json: 'partners',
  note: 'note',
});

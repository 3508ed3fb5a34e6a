import type { AgreementSaveData, FeeAgreement } from '../../../../shared/contract/agreements';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import { ceilingInForce, feeOverLimitMessage } from '../../../../shared/domain/costCaps';
import { formatChineseDate } from '../../../../shared/domain/dates';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { recordDocuments } from '../attachments/recordDocument';
import { levelFacts } from '../exams/levels';
import {
  agreementRecords,
  fromRow,
  getAgreement,
  getRow,
  listAgreements,
  storedAgreementDocument,
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
  const records = agreementRecords(db);

  const load = (id: number) => getRow(db, id);
  const rows = auditedRows(ctx, 'fee_agreement', load, (row) =>
    auditView(fromRow(row), row.document_sha256),
  );
  const documents = recordDocuments(ctx, {
    table: 'fee_agreements',
    rows,
    load,
    document: storedAgreementDocument,
    noDocument: () => '这条费用协商还没有上传协议文件。',
  });

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
          message: `${label}在 ${formatChineseDate(data.agreedOn)} 没有适用的考核成本上限：请先在证书目录中为该等级录入考核成本上限、文件文号及有效期，再登记协商费用`,
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
    return records.save(before?.id ?? null, row);
  };

  const save = ({ id, ...data }: AgreementSaveData): FeeAgreement =>
    fromRow(rows.save(id, (before, { at }) => write(data, before, at)));

  return {
    save,
    ...documents.handlers(
      (id) => getAgreement(db, id),
      (id) => records.remove(id),
    ),
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

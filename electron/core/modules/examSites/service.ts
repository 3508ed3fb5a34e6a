import type { ExamSite, ExamSiteSaveData } from '../../../../shared/contract/examSites';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { validationError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { recordDocuments } from '../attachments/recordDocument';
import {
  certificateName,
  getExamSite,
  examSiteAuditView,
  examSiteRecords,
  loadAudited,
  listExamSites,
  replacePlaces,
} from './repository';

/** 考核站点: per certificate, the school's application to be an exam site and what it covers. */
function examSiteWrites(ctx: CoreContext) {
  const { db } = ctx;
  const records = examSiteRecords(db);
  const load = (id: number) => loadAudited(db, id);
  const rows = auditedRows(ctx, 'exam_site', load, examSiteAuditView);
  const documents = recordDocuments(ctx, {
    table: 'exam_site_applications',
    rows,
    load,
    document: (application) => application.stored,
    noDocument: () => '这条考核站点记录还没有上传批准文件。',
  });

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
    const id = records.save(beforeId, values);
    replacePlaces(db, id, data.places);
    return id;
  };

  return {
    save: ({ id, ...data }: ExamSiteSaveData): ExamSite =>
      rows.save(id, (before, { at }) => write(data, before?.site.id ?? null, at)).site,
    ...documents.handlers(
      (id) => getExamSite(db, id),
      (id) => records.remove(id),
    ),
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

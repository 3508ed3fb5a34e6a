import type { CertificateData } from '../../../../shared/contract/catalogue';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { commitImport, previewImport, problemRowsSheet } from '../../io/importer';
import { importTemplate } from '../../io/importTemplate';
import { certificateBatchesWith } from '../fees/batches';
import { overCapViolations } from '../fees/rules';
import { catalogueImportDefinition, catalogueImportFields } from './import';
import { catalogueRepository, certificateAuditView, type LimitInput } from './repository';

type CatalogueHandlerName =
  | 'catalogue.list'
  | 'catalogue.get'
  | 'catalogue.create'
  | 'catalogue.update'
  | 'catalogue.archive'
  | 'catalogue.unarchive'
  | 'catalogue.setLimits'
  | 'catalogue.setRequirements'
  | 'catalogue.overCapWith'
  | 'catalogue.importPreview'
  | 'catalogue.importCommit'
  | 'catalogue.importProblems'
  | 'catalogue.importTemplate';

/**
 * 证书目录: certificates, their levels, the user-entered cost caps and approved fees of each
 * level (by exam form and validity), and hardware requirements.
 */
export function catalogueHandlers(ctx: CoreContext): HandlersFor<CatalogueHandlerName> {
  const { db } = ctx;
  const repo = catalogueRepository(ctx);
  const catalogueSheet = (input: { file: { fileName: string } }) =>
    catalogueImportDefinition(ctx, repo, input.file.fileName);

  // Caps and approved fees are money and audited one by one (certificate_fee_limit); the
  // certificate's own entry keeps everything else a coordinator can change.
  const rows = auditedRows(ctx, 'certificate', repo.get, certificateAuditView);

  const create = (data: CertificateData) =>
    rows.save(undefined, (_before, { at }) => {
      repo.assertNameFree(data.name);
      const id = repo.insertCertificate(data, at);
      repo.writeLevels({ id, name: data.name }, data.levels, at);
      repo.writeLimits({ id, name: data.name }, data.limits ?? [], at);
      repo.writeRequirements(id, data.requirements);
      return id;
    });

  const update = (data: CertificateData & { id: number }) =>
    rows.save(data.id, (current, { at }) => {
      if (!current!.archived) repo.assertNameFree(data.name, data.id);
      repo.updateCertificate(data.id, data, at);
      repo.writeLevels({ id: data.id, name: data.name }, data.levels, at);
      if (data.limits) repo.writeLimits({ id: data.id, name: data.name }, data.limits, at);
      repo.writeRequirements(data.id, data.requirements);
      return data.id;
    });

  const setArchived = (id: number, archived: boolean) => {
    const current = repo.get(id);
    if (current.archived === archived) return current;
    return rows.save(id, (before, { at }) => {
      if (!archived) {
        const clash = repo.activeByName(before!.name);
        if (clash && clash.id !== id) {
          throw new CoreError(
            'CONFLICT',
            `不能恢复“${before!.name}”：已有同名证书在使用中。请先把那一条归档或改名，再恢复这一条。`,
            { existingId: clash.id },
          );
        }
      }
      repo.setArchived(id, archived, at);
      return id;
    });
  };

  const setLimits = db.transaction((id: number, limits: LimitInput[]) => {
    const at = ctx.now();
    const current = repo.get(id);
    repo.writeLimits(current, limits, at);
    repo.touch(id, at);
    return repo.get(id);
  });

  const setRequirements = (id: number, items: CertificateData['requirements']) =>
    rows.save(id, (_before, { at }) => {
      repo.writeRequirements(id, items);
      repo.touch(id, at);
      return id;
    });

  return {
    'catalogue.list': (input) => repo.list(input),
    'catalogue.get': ({ id }) => repo.get(id),
    'catalogue.create': (input) => create(input),
    'catalogue.update': (input) => update(input),
    'catalogue.archive': ({ id }) => setArchived(id, true),
    'catalogue.unarchive': ({ id }) => setArchived(id, false),
    'catalogue.setLimits': ({ id, limits }) => setLimits(id, limits),
    'catalogue.setRequirements': ({ id, items }) => setRequirements(id, items),
    // Rule 11's own check over the batches as these limits would judge them; nothing is written.
    'catalogue.overCapWith': ({ id, limits }) => {
      repo.get(id); // an unknown certificate is NOT_FOUND, not an empty answer
      const judged = limits.map((limit) => ({ ...limit, id: limit.id ?? 0 }));
      return overCapViolations(db, certificateBatchesWith(db, id, judged));
    },
    'catalogue.importTemplate': () =>
      importTemplate('证书目录导入模板.xlsx', '证书目录', catalogueImportFields),
    'catalogue.importProblems': (input) => problemRowsSheet(catalogueSheet(input), input, ctx),
    'catalogue.importPreview': (input) => previewImport(catalogueSheet(input), input, ctx),
    'catalogue.importCommit': (input) => commitImport(catalogueSheet(input), input, ctx),
  };
}

import type { CertificateData } from '../../../../shared/contract/catalogue';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { commitImport, previewImport, problemRowsSheet } from '../../io/importer';
import { importTemplate } from '../../io/importTemplate';
import { catalogueImportDefinition, catalogueImportFields } from './import';
import { catalogueRepository, type LimitInput } from './repository';

type CatalogueHandlerName =
  | 'catalogue.list'
  | 'catalogue.get'
  | 'catalogue.create'
  | 'catalogue.update'
  | 'catalogue.archive'
  | 'catalogue.unarchive'
  | 'catalogue.setLimits'
  | 'catalogue.setRequirements'
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
  const now = () => ctx.clock().toISOString();

  const create = db.transaction((data: CertificateData) => {
    const at = now();
    repo.assertNameFree(data.name);
    const id = repo.insertCertificate(data, at);
    repo.writeLevels({ id, name: data.name }, data.levels, at);
    repo.writeLimits({ id, name: data.name }, data.limits ?? [], at);
    repo.writeRequirements(id, data.requirements);
    return repo.get(id);
  });

  const update = db.transaction((data: CertificateData & { id: number }) => {
    const at = now();
    const current = repo.get(data.id);
    if (!current.archived) repo.assertNameFree(data.name, data.id);
    repo.updateCertificate(data.id, data, at);
    repo.writeLevels({ id: data.id, name: data.name }, data.levels, at);
    if (data.limits) repo.writeLimits({ id: data.id, name: data.name }, data.limits, at);
    repo.writeRequirements(data.id, data.requirements);
    return repo.get(data.id);
  });

  const setArchived = db.transaction((id: number, archived: boolean) => {
    const current = repo.get(id);
    if (current.archived === archived) return current;
    if (!archived) {
      const clash = repo.activeByName(current.name);
      if (clash && clash.id !== id) {
        throw new CoreError(
          'CONFLICT',
          `不能恢复“${current.name}”：已有同名证书在使用中。请先把那一条归档或改名，再恢复这一条。`,
          { existingId: clash.id },
        );
      }
    }
    repo.setArchived(current, archived, now());
    return repo.get(id);
  });

  const setLimits = db.transaction((id: number, limits: LimitInput[]) => {
    const at = now();
    const current = repo.get(id);
    repo.writeLimits(current, limits, at);
    repo.touch(id, at);
    return repo.get(id);
  });

  const setRequirements = db.transaction((id: number, items: CertificateData['requirements']) => {
    repo.get(id);
    repo.writeRequirements(id, items);
    repo.touch(id, now());
    return repo.get(id);
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
    'catalogue.importTemplate': () =>
      importTemplate('证书目录导入模板.xlsx', '证书目录', catalogueImportFields),
    'catalogue.importProblems': (input) =>
      problemRowsSheet(catalogueImportDefinition(ctx, repo, input.file.fileName), input, ctx),
    'catalogue.importPreview': (input) =>
      previewImport(catalogueImportDefinition(ctx, repo, input.file.fileName), input, ctx),
    'catalogue.importCommit': (input) =>
      commitImport(db, catalogueImportDefinition(ctx, repo, input.file.fileName), input, ctx),
  };
}

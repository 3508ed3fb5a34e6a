import type { SiteSaveData, TrainingSite } from '../../../../shared/contract/sites';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { CoreError, mustExist } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { deleteUnusedBlobFiles } from '../attachments/storedContent';
import { sitesRepository } from './repository';
import { releaseSite, siteUsage } from './usage';

export function sitesHandlers(
  ctx: CoreContext,
): HandlersFor<'sites.list' | 'sites.save' | 'sites.usage' | 'sites.delete'> {
  const { db } = ctx;
  const repo = sitesRepository(db);

  const mustGet = (id: number): TrainingSite => mustExist(repo.get(id), '实习实训场所', id);

  const rows = auditedRows(ctx, 'training_site', mustGet);

  const save = ({ id, ...site }: SiteSaveData): TrainingSite =>
    rows.save(id, (before, { at }) => {
      if (repo.nameTaken(site.name, id ?? 0)) {
        const message = `已有名为“${site.name}”的实习实训场所，请换一个名称，未保存。`;
        throw new CoreError('CONFLICT', message, { fields: [{ path: 'name', message }] });
      }
      if (!before) return repo.insert({ ...site, at });
      repo.update(before.id, { ...site, at });
      return before.id;
    });

  const remove = (id: number, force: boolean) =>
    rows.remove(id, (before, stamp) => {
      guardDelete(`实习实训场所“${before.name}”`, siteUsage(db, id), force);
      const releasedBlobs = releaseSite(db, id, stamp);
      repo.remove(id);
      return { id, releasedBlobs };
    });

  return {
    'sites.list': () => repo.list(),
    'sites.save': (input) => save(input),
    'sites.usage': ({ id }) => {
      mustGet(id);
      return siteUsage(db, id);
    },
    'sites.delete': ({ id, force }) => {
      const { releasedBlobs } = remove(id, force);
      // Files of attachments that went with it, once the delete has committed.
      deleteUnusedBlobFiles(db, releasedBlobs);
      return { id };
    },
  };
}

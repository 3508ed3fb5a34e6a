import type { SiteSaveData, TrainingSite } from '../../../../shared/contract/sites';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { deleteUnusedBlobFiles } from '../attachments/storedContent';
import { releaseSite, siteUsage } from './usage';

interface SiteRow {
  id: number;
  name: string;
  campus: TrainingSite['campus'];
  partner: string;
  capacity: number;
  agreement_start: string | null;
  agreement_end: string | null;
  created_at: string;
  updated_at: string;
}

function fromRow(row: SiteRow): TrainingSite {
  return {
    id: row.id,
    name: row.name,
    campus: row.campus,
    partner: row.partner,
    capacity: row.capacity,
    agreementStart: row.agreement_start,
    agreementEnd: row.agreement_end,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** On campus first, then by name: the sites list and a project's self-check facts share it. */
export const siteOrderSql = "s.campus = 'off', s.name";

export function sitesHandlers(
  ctx: CoreContext,
): HandlersFor<'sites.list' | 'sites.save' | 'sites.usage' | 'sites.delete'> {
  const { db } = ctx;
  const listAll = db.prepare<[], SiteRow>(
    `SELECT * FROM training_sites s ORDER BY ${siteOrderSql}`,
  );
  const getOne = db.prepare<[number], SiteRow>('SELECT * FROM training_sites WHERE id = ?');
  const byName = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM training_sites WHERE name = ? AND id <> ?',
  );
  const insert = db.prepare(
    `INSERT INTO training_sites (name, campus, partner, capacity, agreement_start, agreement_end,
       created_at, updated_at)
     VALUES (@name, @campus, @partner, @capacity, @agreementStart, @agreementEnd, @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE training_sites SET name = @name, campus = @campus, partner = @partner,
       capacity = @capacity, agreement_start = @agreementStart, agreement_end = @agreementEnd,
       updated_at = @at WHERE id = @id`,
  );
  const deleteSite = db.prepare<[number]>('DELETE FROM training_sites WHERE id = ?');

  const mustGet = (id: number): TrainingSite => {
    const row = getOne.get(id);
    if (!row) {
      throw new CoreError(
        'NOT_FOUND',
        `实习实训场所不存在（编号 ${id}），可能已被删除，请刷新列表。`,
      );
    }
    return fromRow(row);
  };

  const rows = auditedRows(ctx, 'training_site', mustGet);

  const save = ({ id, ...site }: SiteSaveData): TrainingSite =>
    rows.save(id, (before, { at }) => {
      if (byName.get(site.name, id ?? 0)) {
        const message = `已有名为“${site.name}”的实习实训场所，请换一个名称，未保存。`;
        throw new CoreError('CONFLICT', message, { fields: [{ path: 'name', message }] });
      }
      if (!before) return Number(insert.run({ ...site, at }).lastInsertRowid);
      update.run({ ...site, id: before.id, at });
      return before.id;
    });

  const remove = (id: number, force: boolean) =>
    rows.remove(id, (before, stamp) => {
      guardDelete(`实习实训场所“${before.name}”`, siteUsage(db, id), force);
      const releasedBlobs = releaseSite(db, id, stamp);
      deleteSite.run(id);
      return { id, releasedBlobs };
    });

  return {
    'sites.list': () => listAll.all().map(fromRow),
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

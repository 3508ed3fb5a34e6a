import type { SiteSaveData, TrainingSite } from '../../../../shared/contract/sites';
import type { Db } from '../../db/open';
import { camelRow, type SnakeRow } from '../../db/rows';

type SiteRow = SnakeRow<TrainingSite>;

const fromRow = (row: SiteRow): TrainingSite => camelRow(row);

/** On campus first, then by name: the sites list and a project's self-check facts share it. */
export const siteOrderSql = "s.campus = 'off', s.name";

/** The sites table's statements, prepared once per core. */
export function sitesRepository(db: Db) {
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
  type Values = Omit<SiteSaveData, 'id'> & { at: string };
  return {
    list: (): TrainingSite[] => listAll.all().map(fromRow),
    get: (id: number): TrainingSite | null => {
      const row = getOne.get(id);
      return row ? fromRow(row) : null;
    },
    /** Whether another site (`selfId` excluded) has this name. */
    nameTaken: (name: string, selfId: number): boolean => byName.get(name, selfId) !== undefined,
    insert: (values: Values): number => Number(insert.run(values).lastInsertRowid),
    update: (id: number, values: Values): void => {
      update.run({ ...values, id });
    },
    remove: (id: number): void => {
      deleteSite.run(id);
    },
  };
}

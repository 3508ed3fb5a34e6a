import type { SiteSaveData, TrainingSite } from '../../../../shared/contract/sites';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import { camelRow, type SnakeRow } from '../../db/rows';

type SiteRow = SnakeRow<TrainingSite>;

const fromRow = (row: SiteRow): TrainingSite => camelRow(row);

/** On campus first, then by name: the sites list and a project's self-check facts share it. */
export const siteOrderSql = "s.campus = 'off', s.name";

const siteRecords = recordWriter<Omit<SiteSaveData, 'id'>>('training_sites', {
  name: 'name',
  campus: 'campus',
  partner: 'partner',
  capacity: 'capacity',
  agreement_start: 'agreementStart',
  agreement_end: 'agreementEnd',
});

/** The sites table's statements, prepared once per core. */
export function sitesRepository(db: Db) {
  const listAll = db.prepare<[], SiteRow>(
    `SELECT * FROM training_sites s ORDER BY ${siteOrderSql}`,
  );
  const getOne = db.prepare<[number], SiteRow>('SELECT * FROM training_sites WHERE id = ?');
  const byName = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM training_sites WHERE name = ? AND id <> ?',
  );
  return {
    ...siteRecords(db),
    list: (): TrainingSite[] => listAll.all().map(fromRow),
    get: (id: number): TrainingSite | null => {
      const row = getOne.get(id);
      return row ? fromRow(row) : null;
    },
    /** Whether another site (`selfId` excluded) has this name. */
    nameTaken: (name: string, selfId: number): boolean => byName.get(name, selfId) !== undefined,
  };
}

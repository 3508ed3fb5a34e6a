import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';

/* Upload-layout SQL: the saved column layouts of the 考生信息上传表 (upload_layouts). */

/** A row of `upload_layouts`, as read. */
export interface LayoutRow {
  id: number;
  organization: string;
  name: string;
  columns_json: string;
  updated_at: string;
}

/** What a save writes: the columns as JSON. */
export interface LayoutValues {
  organization: string;
  name: string;
  columnsJson: string;
}

/** One saved layout, or undefined when there is none. */
export function layoutRow(db: Db, id: number): LayoutRow | undefined {
  return db.prepare<[number], LayoutRow>('SELECT * FROM upload_layouts WHERE id = ?').get(id);
}

/** Every saved layout, by organization and name. */
export function layoutRows(db: Db): LayoutRow[] {
  return db
    .prepare<[], LayoutRow>('SELECT * FROM upload_layouts ORDER BY organization, name, id')
    .all();
}

/** Another layout of the organization with this name (`exceptId` 0 for a new layout). */
export function layoutNamed(
  db: Db,
  organization: string,
  name: string,
  exceptId: number,
): { id: number } | undefined {
  return db
    .prepare<[string, string, number], { id: number }>(
      'SELECT id FROM upload_layouts WHERE organization = ? AND name = ? AND id <> ?',
    )
    .get(organization, name, exceptId);
}

/** Writes saved layouts: each column from its value. */
export const layoutRecords = recordWriter<LayoutValues>('upload_layouts', {
  organization: 'organization',
  name: 'name',
  columns_json: 'columnsJson',
});

import type { UploadLayout, UploadLayoutSave } from '../../../../shared/contract/fees';
import type { DeleteResult } from '../../../../shared/contract/fields';
import type { UploadColumn } from '../../../../shared/domain/uploadLayouts';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError, mustExist } from '../../errors';
import {
  layoutRecords,
  layoutNamed,
  layoutRow,
  layoutRows,
  type LayoutRow,
} from './layoutRepository';

const fromRow = (row: LayoutRow): UploadLayout => ({
  id: row.id,
  organization: row.organization,
  name: row.name,
  columns: JSON.parse(row.columns_json) as UploadColumn[],
  updatedAt: row.updated_at,
});

/** A saved layout, or NOT_FOUND saying so. */
export function loadUploadLayout(db: Db, id: number): UploadLayout {
  return fromRow(mustExist(layoutRow(db, id), '上传表列格式', id, '可能已被删除，请刷新'));
}

/** 考生信息上传表 layouts: listed by organization and name, saved and deleted with the audit log. */
export function uploadLayoutsRepo(ctx: CoreContext) {
  const { db } = ctx;
  const records = layoutRecords(db);
  const rows = auditedRows(ctx, 'upload_layout', (id) => loadUploadLayout(db, id));

  const sameName = (input: UploadLayoutSave) =>
    layoutNamed(db, input.organization, input.name, input.id ?? 0);

  return {
    list: (): UploadLayout[] => layoutRows(db).map(fromRow),

    save(input: UploadLayoutSave): UploadLayout {
      if (sameName(input)) {
        const message = `“${input.organization}”已有名为“${input.name}”的列格式，请换一个名称`;
        throw new CoreError('VALIDATION', `输入有误，未保存。${message}`, {
          fields: [{ path: 'name', message }],
        });
      }
      const values = {
        organization: input.organization,
        name: input.name,
        columnsJson: JSON.stringify(
          input.columns.map((c) => ({ key: c.key, header: c.header.trim() })),
        ),
      };
      return rows.save(input.id, (before, { at }) =>
        records.save(before?.id ?? null, { ...values, at }),
      );
    },

    remove: (id: number): DeleteResult =>
      rows.remove(id, () => {
        records.remove(id);
        return { id };
      }),
  };
}

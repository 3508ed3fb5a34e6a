import {
  attachmentOwnerLabels,
  type AttachmentOwnerType,
} from '../../../../shared/domain/attachments';
import type { Db } from '../../db/open';

/** The table each owner type lives in; all have an INTEGER PRIMARY KEY `id`. */
export const ownerTables: Record<AttachmentOwnerType, string> = {
  school: 'school',
  project: 'pilot_projects',
  room: 'training_rooms',
  site: 'training_sites',
};

function tableExists(db: Db, table: string): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
    undefined
  );
}

/**
 * Why attachments cannot be linked to this owner, in Chinese, or null when the owner exists.
 * Owner tables built by later features are queried only once they exist.
 */
export function ownerProblem(
  db: Db,
  ownerType: AttachmentOwnerType,
  ownerId: number,
): string | null {
  const label = attachmentOwnerLabels[ownerType];
  const table = ownerTables[ownerType];
  if (ownerType === 'school') {
    if (ownerId !== 1) return `学校的编号只能是 1（收到 ${ownerId}）`;
    if (
      !tableExists(db, table) ||
      db.prepare('SELECT 1 FROM school WHERE id = 1').get() === undefined
    ) {
      return '请先填写并保存学校信息，再上传学校附件';
    }
    return null;
  }
  if (!tableExists(db, table)) {
    return `“${label}”功能尚未启用（数据表 ${table} 不存在），暂时不能为${label}添加附件`;
  }
  const found = db.prepare(`SELECT 1 FROM "${table}" WHERE id = ?`).get(ownerId);
  return found === undefined ? `找不到编号为 ${ownerId} 的${label}，它可能已被删除` : null;
}

/** True when the owner exists and may have attachments. */
export function ownerExists(db: Db, ownerType: AttachmentOwnerType, ownerId: number): boolean {
  return ownerProblem(db, ownerType, ownerId) === null;
}

import {
  attachmentOwnerLabels,
  type AttachmentOwnerType,
} from '../../../../shared/domain/attachments';
import type { Db } from '../../db/open';
import { ownerRowExists, ownerTableExists, ownerTables, schoolSaved } from './repository';

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
  if (ownerType === 'school') {
    if (ownerId !== 1) return `学校的编号只能是 1（收到 ${ownerId}）`;
    if (!ownerTableExists(db, ownerType) || !schoolSaved(db)) {
      return '请先填写并保存学校信息，再上传学校附件';
    }
    return null;
  }
  if (!ownerTableExists(db, ownerType)) {
    return `“${label}”功能尚未启用（数据表 ${ownerTables[ownerType]} 不存在），暂时不能为${label}添加附件`;
  }
  return ownerRowExists(db, ownerType, ownerId)
    ? null
    : `找不到编号为 ${ownerId} 的${label}，它可能已被删除`;
}

/** True when the owner exists and may have attachments. */
export function ownerExists(db: Db, ownerType: AttachmentOwnerType, ownerId: number): boolean {
  return ownerProblem(db, ownerType, ownerId) === null;
}

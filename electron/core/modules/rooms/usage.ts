import type { Usage } from '../../../../shared/contract/usage';
import type { AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { describeUsage, usageRef } from '../../usage';
import { projectRefs } from '../projects/usage';
import { removeLinksOf } from '../attachments/storedContent';
import { batchesAtPlaceRef, releasePlaceFromBatches } from '../exams/usage';
import { examSitesAtPlaceRef, releasePlaceFromExamSites } from '../examSites/usage';

/** Names of the attachments linked to one owner, oldest first. */
export function attachmentNames(db: Db, ownerType: 'room' | 'site', ownerId: number): string[] {
  return db
    .prepare<[string, number], { display_name: string }>(
      'SELECT display_name FROM attachment_links WHERE owner_type = ? AND owner_id = ? ORDER BY id',
    )
    .all(ownerType, ownerId)
    .map((r) => r.display_name);
}

/**
 * What refers to a training room: its attachments (photos…), which go with it on a confirmed
 * delete. Pilot projects that use it are listed; their links go with it. Its equipment is part of the
 * room and goes with it without asking.
 */
export function roomUsage(db: Db, roomId: number): Usage {
  return describeUsage([
    projectRefs(db, 'room', roomId),
    batchesAtPlaceRef(db, 'room', roomId),
    examSitesAtPlaceRef(db, { kind: 'room', id: roomId }),
    usageRef(
      {
        kind: 'attachment',
        label: '个附件',
        onDelete: 'unlink',
        consequence: '删除实训室时这些附件一并删除',
      },
      attachmentNames(db, 'room', roomId),
    ),
  ]);
}

/**
 * Clears every `unlink` reference to the room; call inside the delete's transaction. Returns the
 * stored contents it released: delete their files after the commit (deleteUnusedBlobFiles).
 */
export function releaseRoom(db: Db, roomId: number, stamp: AuditStamp): string[] {
  releasePlaceFromBatches(db, 'room', roomId, stamp.at);
  releasePlaceFromExamSites(db, { kind: 'room', id: roomId }, stamp);
  return removeLinksOf(db, 'room', roomId, stamp).releasedBlobs;
}

import type { Usage } from '../../../../shared/contract/usage';
import type { PlaceRef } from '../../../../shared/domain/examSites';
import type { AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { describeUsage, usageRef } from '../../usage';
import { projectRefs } from '../projects/usage';
import { removeLinksOf } from '../attachments/storedContent';
import { batchesAtPlaceRef, releasePlaceFromBatches } from '../exams/usage';
import { examSitesAtPlaceRef, releasePlaceFromExamSites } from '../examSites/usage';
import { placeAttachmentNames } from './repository';

/**
 * What refers to a place (a training room or site): pilot projects that use it and batches held
 * there (listed; their links go with it), exam-site applications covering it, and its
 * attachments, which go with it on a confirmed delete (`consequence` says so).
 */
function placeUsage(db: Db, place: PlaceRef, consequence: string): Usage {
  return describeUsage([
    projectRefs(db, place.kind, place.id),
    batchesAtPlaceRef(db, place.kind, place.id),
    examSitesAtPlaceRef(db, place),
    usageRef(
      { kind: 'attachment', label: '个附件', onDelete: 'unlink', consequence },
      placeAttachmentNames(db, place.kind, place.id),
    ),
  ]);
}

/**
 * Clears every `unlink` reference to a place; call inside the delete's transaction. Returns the
 * stored contents it released: delete their files after the commit (deleteUnusedBlobFiles).
 */
function releasePlace(db: Db, place: PlaceRef, stamp: AuditStamp): string[] {
  releasePlaceFromBatches(db, place.kind, place.id, stamp.at);
  releasePlaceFromExamSites(db, place, stamp);
  return removeLinksOf(db, place.kind, place.id, stamp).releasedBlobs;
}

/** What refers to a training room (its equipment is part of the room and goes without asking). */
export const roomUsage = (db: Db, roomId: number): Usage =>
  placeUsage(db, { kind: 'room', id: roomId }, '删除实训室时这些附件一并删除');

/** What refers to an internship/training site. */
export const siteUsage = (db: Db, siteId: number): Usage =>
  placeUsage(db, { kind: 'site', id: siteId }, '删除场所时这些附件一并删除');

export const releaseRoom = (db: Db, roomId: number, stamp: AuditStamp): string[] =>
  releasePlace(db, { kind: 'room', id: roomId }, stamp);

export const releaseSite = (db: Db, siteId: number, stamp: AuditStamp): string[] =>
  releasePlace(db, { kind: 'site', id: siteId }, stamp);

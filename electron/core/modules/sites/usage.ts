import type { Usage } from '../../../../shared/contract/usage';
import type { AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { describeUsage, usageRef } from '../../usage';
import { projectRefs } from '../projects/usage';
import { removeLinksOf } from '../attachments/storedContent';
import { attachmentNames } from '../rooms/usage';
import { batchesAtPlaceRef, releasePlaceFromBatches } from '../exams/usage';
import { examSitesAtPlaceRef, releasePlaceFromExamSites } from '../examSites/usage';

/**
 * What refers to an internship/training site: its attachments (the cooperation agreement…),
 * which go with it on a confirmed delete. Pilot projects that use it are listed; their links go with it.
 */
export function siteUsage(db: Db, siteId: number): Usage {
  return describeUsage([
    projectRefs(db, 'site', siteId),
    batchesAtPlaceRef(db, 'site', siteId),
    examSitesAtPlaceRef(db, { kind: 'site', id: siteId }),
    usageRef(
      {
        kind: 'attachment',
        label: '个附件',
        onDelete: 'unlink',
        consequence: '删除场所时这些附件一并删除',
      },
      attachmentNames(db, 'site', siteId),
    ),
  ]);
}

/**
 * Clears every `unlink` reference to the site; call inside the delete's transaction. Returns the
 * stored contents it released: delete their files after the commit (deleteUnusedBlobFiles).
 */
export function releaseSite(db: Db, siteId: number, stamp: AuditStamp): string[] {
  releasePlaceFromBatches(db, 'site', siteId, stamp.at);
  releasePlaceFromExamSites(db, { kind: 'site', id: siteId }, stamp);
  return removeLinksOf(db, 'site', siteId, stamp).releasedBlobs;
}

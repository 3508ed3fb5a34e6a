import type { UsageRef } from '../../../../shared/contract/usage';
import type { PlaceRef } from '../../../../shared/domain/examSites';
import { auditLog, type AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { usageRef } from '../../usage';
import {
  applicationIdsCovering,
  applicationsCovering,
  examSiteAuditView,
  loadAudited,
  removePlaceLinks,
} from './repository';

/**
 * The 考核站点 applications covering a room or site: deleting the place takes it out of them
 * (the applications stay), which the confirmation says.
 */
export function examSitesAtPlaceRef(db: Db, place: PlaceRef): UsageRef | null {
  return usageRef(
    {
      kind: 'examSite',
      label: '条考核站点申请',
      onDelete: 'unlink',
      consequence:
        '删除后这些考核站点申请不再覆盖该场所，在此场所安排的考核将不再算作已批准的考核站点',
    },
    applicationsCovering(db, place),
  );
}

/**
 * For a room's or site's delete, inside its transaction: takes the place out of the applications
 * covering it, each change recorded in the audit log as the application's update.
 */
export function releasePlaceFromExamSites(db: Db, place: PlaceRef, stamp: AuditStamp): void {
  const record = auditLog(db, 'exam_site', examSiteAuditView);
  const before = applicationIdsCovering(db, place).map((id) => loadAudited(db, id));
  removePlaceLinks(db, place);
  for (const b of before) record(stamp, b.site.id, 'update', b, loadAudited(db, b.site.id));
}

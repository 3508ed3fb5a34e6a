import type { UsageRef } from '../../../../shared/contract/usage';
import type { PlaceRef } from '../../../../shared/domain/examSites';
import type { Db } from '../../db/open';
import { usageRef } from '../../usage';
import { applicationsCovering } from './repository';

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

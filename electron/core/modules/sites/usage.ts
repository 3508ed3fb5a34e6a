import type { Usage } from '../../../../shared/contract/usage';
import type { Db } from '../../db/open';
import { describeUsage } from '../../usage';

/**
 * What refers to an internship/training site. Nothing yet: pilot projects (their sites) and
 * the agreement attachment (owner type 'site') will add their references here.
 */
export function siteUsage(_db: Db, _siteId: number): Usage {
  return describeUsage([]);
}

/** Clears every `unlink` reference to the site; call inside the delete's transaction. */
export function releaseSite(_db: Db, _siteId: number, _at: string): void {}

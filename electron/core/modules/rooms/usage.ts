import type { Usage } from '../../../../shared/contract/usage';
import type { Db } from '../../db/open';
import { describeUsage } from '../../usage';

/**
 * What refers to a training room. Nothing yet: pilot projects (their rooms) will add a
 * reference here. Its equipment is part of the room and goes with it.
 */
export function roomUsage(_db: Db, _roomId: number): Usage {
  return describeUsage([]);
}

/** Clears every `unlink` reference to the room; call inside the delete's transaction. */
export function releaseRoom(_db: Db, _roomId: number, _at: string): void {}

import type { Usage } from '../../../../shared/contract/usage';
import type { Db } from '../../db/open';
import { describeUsage } from '../../usage';

/**
 * What refers to a teacher. Nothing yet: pilot projects (their staff) will add a reference
 * here, and `releaseTeacher` clears the ones that are `unlink`.
 */
export function teacherUsage(_db: Db, _teacherId: number): Usage {
  return describeUsage([]);
}

/** Clears every `unlink` reference to the teacher; call inside the delete's transaction. */
export function releaseTeacher(_db: Db, _teacherId: number, _at: string): void {}

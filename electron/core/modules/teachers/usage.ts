import type { Usage } from '../../../../shared/contract/usage';
import type { Db } from '../../db/open';
import { describeUsage } from '../../usage';
import { projectRefs } from '../projects/usage';

/**
 * What refers to a teacher: the pilot projects whose staff they are. Their project links go with
 * the teacher (the foreign keys cascade), so there is nothing to release by hand.
 */
export function teacherUsage(db: Db, teacherId: number): Usage {
  return describeUsage([projectRefs(db, 'teacher', teacherId)]);
}

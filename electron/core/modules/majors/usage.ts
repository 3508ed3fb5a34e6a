import type { Usage } from '../../../../shared/contract/usage';
import { auditLog, type AuditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { describeUsage, usageRef } from '../../usage';
import { projectRefs } from '../projects/usage';
import { studentsOfMajorRef } from '../students/usage';
import { teacherIdsOfMajor, teacherMajorClearer, teacherNamesOfMajor } from './repository';

/**
 * What refers to a major. Teachers are unlinked on a confirmed delete (their major becomes
 * empty). Pilot projects list it among their members; those links go with it on a confirmed delete.
 * Students keep the major's name as unmatched text.
 */
export function majorUsage(db: Db, majorId: number): Usage {
  const teachers = teacherNamesOfMajor(db, majorId);
  return describeUsage([
    projectRefs(db, 'major', majorId),
    usageRef(
      {
        kind: 'teacher',
        label: '名教师',
        onDelete: 'unlink',
        consequence: '删除后这些教师的“所属专业”将被清空',
      },
      teachers,
    ),
    studentsOfMajorRef(db, majorId),
  ]);
}

/**
 * Clears every `unlink` reference to the major, each recorded in the audit log; call inside the
 * delete's transaction.
 */
export function releaseMajor(db: Db, majorId: number, stamp: AuditStamp): void {
  const teacherIds = teacherIdsOfMajor(db, majorId);
  const unlink = teacherMajorClearer(db);
  const record = auditLog<{ majorId: number | null }>(db, 'teacher');
  for (const teacherId of teacherIds) {
    unlink(teacherId, stamp.at);
    record(stamp, teacherId, 'update', { majorId }, { majorId: null });
  }
}

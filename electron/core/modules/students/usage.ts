import type { Usage, UsageRef } from '../../../../shared/contract/usage';
import type { Db } from '../../db/open';
import { describeUsage, usageRef } from '../../usage';
import { signupsOfStudentRef } from '../exams/usage';
import { studentsOfMajor } from './repository';

/**
 * What refers to a student: exam sign-ups, a `block` reference — a student with sign-ups must
 * not be deleted.
 */
export function studentUsage(db: Db, studentId: number): Usage {
  return describeUsage([signupsOfStudentRef(db, studentId)]);
}

/**
 * For the majors module: the students linked to a major. Deleting the major unlinks them
 * (the foreign key sets students.major_id to null) and they keep the major's name as unmatched text,
 * so they can be linked again after the major is re-created. Listed in `majorUsage`.
 */
export function studentsOfMajorRef(db: Db, majorId: number): UsageRef | null {
  const { names, count } = studentsOfMajor(db, majorId);
  const ref = usageRef(
    {
      kind: 'student',
      label: '名学生',
      onDelete: 'unlink',
      consequence: '删除后这些学生的专业显示为“未匹配”，可重新新增该专业后再匹配',
    },
    names,
  );
  return ref && { ...ref, count };
}

import type { UsageRef } from '../../../../shared/contract/usage';
import type { Db } from '../../db/open';
import { usageRef } from '../../usage';
import { projectNamesWithMember, type ProjectMember } from './referenceRepository';

/** What each member is called in a project's page. */
const memberFields: Record<ProjectMember, string> = {
  major: '相关专业',
  teacher: '项目教师',
  room: '实训室',
  site: '实习实训场所',
};

/**
 * The pilot projects a major, teacher, room or site belongs to, for the delete confirmation.
 * A confirmed delete takes it out of those projects (the link rows cascade), which the user is
 * told, since the projects' self-check may then fail.
 */
export function projectRefs(db: Db, member: ProjectMember, id: number): UsageRef | null {
  const what = memberFields[member];
  const names = projectNamesWithMember(db, member, id);
  return usageRef(
    {
      kind: 'pilotProject',
      label: '个试点项目',
      onDelete: 'unlink',
      consequence: `删除后将从这些试点项目的“${what}”中移除，项目的资格自查可能因此不通过`,
    },
    names,
  );
}

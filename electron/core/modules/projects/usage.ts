import type { UsageRef } from '../../../../shared/contract/usage';
import type { Db } from '../../db/open';
import { usageRef } from '../../usage';

type Member = 'major' | 'teacher' | 'room' | 'site';

const links: Record<Member, { table: string; column: string; what: string }> = {
  major: { table: 'project_majors', column: 'major_id', what: '相关专业' },
  teacher: { table: 'project_teachers', column: 'teacher_id', what: '项目教师' },
  room: { table: 'project_rooms', column: 'room_id', what: '实训室' },
  site: { table: 'project_sites', column: 'site_id', what: '实习实训场所' },
};

/**
 * The pilot projects a major, teacher, room or site belongs to, for the delete confirmation.
 * A confirmed delete takes it out of those projects (the link rows cascade), which the user is
 * told, since the projects' self-check may then fail.
 */
export function projectRefs(db: Db, member: Member, id: number): UsageRef | null {
  const { table, column, what } = links[member];
  const names = db
    .prepare<[number], { name: string }>(
      `SELECT c.name || ' · ' || p.year || ' 年度' AS name
       FROM ${table} l JOIN pilot_projects p ON p.id = l.project_id
       JOIN certificates c ON c.id = p.certificate_id
       WHERE l.${column} = ? ORDER BY p.year DESC, c.name`,
    )
    .all(id)
    .map((r) => r.name);
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

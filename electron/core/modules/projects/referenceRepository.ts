import type { Db } from '../../db/open';

/*
 * Project reference SQL: what a project's data refers to (the certificate, its levels and
 * requirements, the members) and, the other way, the projects a member belongs to.
 */

/** The kinds of member a project lists. */
export type ProjectMember = 'major' | 'teacher' | 'room' | 'site';

/** Each member's own table, and the link table (with its column) that puts it in a project. */
const memberTables: Record<ProjectMember, { table: string; link: string; column: string }> = {
  major: { table: 'majors', link: 'project_majors', column: 'major_id' },
  teacher: { table: 'teachers', link: 'project_teachers', column: 'teacher_id' },
  room: { table: 'training_rooms', link: 'project_rooms', column: 'room_id' },
  site: { table: 'training_sites', link: 'project_sites', column: 'site_id' },
};

/** The ids among `ids` that are not a member of this kind (one statement, run per id). */
export function missingMembers(db: Db, member: ProjectMember, ids: readonly number[]): number[] {
  const exists = db.prepare(`SELECT 1 FROM ${memberTables[member].table} WHERE id = ?`);
  return ids.filter((id) => exists.get(id) === undefined);
}

/**
 * Looks up which certificate a hardware requirement belongs to (undefined for a requirement
 * that is gone); the statement is prepared once, for the call per ticked requirement.
 */
export function requirementCertificateLookup(
  db: Db,
): (requirementId: number) => number | undefined {
  const requirement = db.prepare<[number], { certificate_id: number }>(
    'SELECT certificate_id FROM certificate_requirements WHERE id = ?',
  );
  return (requirementId) => requirement.get(requirementId)?.certificate_id;
}

/** The project of this certificate and year with the certificate's name, if there is one. */
export function projectOfCertificateYear(
  db: Db,
  certificateId: number,
  year: number,
): { id: number; name: string } | undefined {
  return db
    .prepare<[number, number], { id: number; name: string }>(
      `SELECT p.id, c.name FROM pilot_projects p JOIN certificates c ON c.id = p.certificate_id
       WHERE p.certificate_id = ? AND p.year = ?`,
    )
    .get(certificateId, year);
}

/** The projects a member belongs to, each as "certificate · year 年度", newest year first. */
export function projectNamesWithMember(db: Db, member: ProjectMember, id: number): string[] {
  const { link: table, column } = memberTables[member];
  return db
    .prepare<[number], { name: string }>(
      `SELECT c.name || ' · ' || p.year || ' 年度' AS name
       FROM ${table} l JOIN pilot_projects p ON p.id = l.project_id
       JOIN certificates c ON c.id = p.certificate_id
       WHERE l.${column} = ? ORDER BY p.year DESC, c.name`,
    )
    .all(id)
    .map((r) => r.name);
}

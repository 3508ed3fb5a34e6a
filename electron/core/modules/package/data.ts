import type { Project } from '../../../../shared/contract/projects';
import { formatDateSpan } from '../../../../shared/domain/dates';
import { attachmentKindLabels } from '../../../../shared/domain/attachments';
import type { AttachmentKind } from '../../../../shared/domain/attachments';
import { campusLabels, type CampusKind } from '../../../../shared/domain/facilities';
import { demonstrationLevelLabels, schoolKindLabels } from '../../../../shared/domain/school';
import { formatChineseYearMonth } from '../../../../shared/domain/dates';
import {
  degreeLabels,
  educationLabels,
  formatSchooling,
  genderLabels,
  teacherStats,
  type Degree,
  type Education,
  type Gender,
} from '../../../../shared/domain/teachers';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { loadProject } from '../projects/repository';
import { schoolRepository } from '../school/repository';

export interface PackageSchool {
  name: string;
  code: string;
  kind: string;
  demonstrationLevel: string;
  city: string;
  address: string;
  contactName: string;
  contactPhone: string;
  email: string;
}

export interface PackageTeacher {
  name: string;
  gender: string;
  staffNo: string;
  title: string;
  /** 出生年月 as shown (1985年3月), '' when not recorded; likewise 学历, 学位. */
  birthMonth: string;
  education: string;
  degree: string;
  /** 学历（学位） in one cell, for the 申报表. */
  schooling: string;
  studiedMajor: string;
  skillCertificates: string;
  major: string;
  fullTime: boolean;
  dualQualified: boolean;
  canTeachIndependently: boolean;
  assessor: boolean;
}

export interface PackageRoom {
  name: string;
  areaM2: number;
  workstations: number;
  equipment: { name: string; model: string; quantity: number; unitValueFen: number }[];
}

export interface PackageSite {
  name: string;
  campus: string;
  partner: string;
  capacity: number;
  agreement: string;
}

export interface PackageAttachment {
  sha256: string;
  ext: string;
  size: number;
  kind: string;
  owner: string;
  displayName: string;
}

export interface PackageProject {
  project: Project;
  majors: { code: string; name: string }[];
  teachers: PackageTeacher[];
  stats: ReturnType<typeof teacherStats>;
  rooms: PackageRoom[];
  sites: PackageSite[];
}

export interface PackageData {
  school: PackageSchool;
  projects: PackageProject[];
  attachments: PackageAttachment[];
}

interface TeacherRow {
  name: string;
  gender: Gender;
  staff_no: string;
  title: string;
  birth_month: string | null;
  education: Education | null;
  degree: Degree | null;
  studied_major: string;
  skill_certificates: string;
  major: string | null;
  full_time: number;
  dual_qualified: number;
  can_teach_independently: number;
  assessor: number;
}

/** The school as packages show it; refuses when it was never filled in (`what` is exported). */
export function packageSchool(db: Db, what: string): PackageSchool {
  const school = schoolRepository(db).get();
  if (!school) {
    throw new CoreError('CONFLICT', `尚未填写学校信息，请先填写后再导出${what}。`);
  }
  return {
    name: school.name,
    code: school.code,
    kind: schoolKindLabels[school.kind],
    demonstrationLevel: demonstrationLevelLabels[school.demonstrationLevel],
    city: school.city,
    address: school.address,
    contactName: school.contactName,
    contactPhone: school.contactPhone,
    email: school.email,
  };
}

/** Reads everything the submission package shows, in a stable order. */
export function gatherPackageData(db: Db, projectIds: readonly number[]): PackageData {
  const school = packageSchool(db, '申报材料');
  const sorted = [...new Set(projectIds)].sort((a, b) => a - b);
  const projects = sorted.map((id) => {
    const project = loadProject(db, id);
    if (!project) throw new CoreError('NOT_FOUND', `试点项目（编号 ${id}）不存在，可能已被删除。`);
    return gatherProject(db, project);
  });
  return { school, projects, attachments: gatherAttachments(db, sorted) };
}

function gatherProject(db: Db, project: Project): PackageProject {
  const id = project.id;
  const majors = db
    .prepare<[number], { code: string; name: string }>(
      `SELECT m.code, m.name FROM project_majors pm JOIN majors m ON m.id = pm.major_id
       WHERE pm.project_id = ? ORDER BY m.code`,
    )
    .all(id);
  const teachers = db
    .prepare<[number], TeacherRow>(
      `SELECT t.name, t.gender, t.staff_no, t.title, t.birth_month, t.education, t.degree,
         t.studied_major, t.skill_certificates, m.name AS major, t.full_time,
         t.dual_qualified, t.can_teach_independently, t.assessor
       FROM project_teachers pt JOIN teachers t ON t.id = pt.teacher_id
       LEFT JOIN majors m ON m.id = t.major_id
       WHERE pt.project_id = ? ORDER BY t.staff_no`,
    )
    .all(id)
    .map((t): PackageTeacher => ({
      name: t.name,
      gender: genderLabels[t.gender],
      staffNo: t.staff_no,
      title: t.title,
      birthMonth: t.birth_month ? formatChineseYearMonth(t.birth_month) : '',
      education: t.education ? educationLabels[t.education] : '',
      degree: t.degree ? degreeLabels[t.degree] : '',
      schooling: formatSchooling(t.education, t.degree),
      studiedMajor: t.studied_major,
      skillCertificates: t.skill_certificates,
      major: t.major ?? '',
      fullTime: t.full_time === 1,
      dualQualified: t.dual_qualified === 1,
      canTeachIndependently: t.can_teach_independently === 1,
      assessor: t.assessor === 1,
    }));
  const rooms = db
    .prepare<[number], { id: number; name: string; area_m2: number; workstations: number }>(
      `SELECT r.id, r.name, r.area_m2, r.workstations FROM project_rooms pr
       JOIN training_rooms r ON r.id = pr.room_id WHERE pr.project_id = ? ORDER BY r.name`,
    )
    .all(id)
    .map((r): PackageRoom => ({
      name: r.name,
      areaM2: r.area_m2,
      workstations: r.workstations,
      equipment: db
        .prepare<
          [number],
          { name: string; model: string; quantity: number; unit_value_fen: number }
        >(
          'SELECT name, model, quantity, unit_value_fen FROM room_equipment WHERE room_id = ? ORDER BY position, id',
        )
        .all(r.id)
        .map((e) => ({
          name: e.name,
          model: e.model,
          quantity: e.quantity,
          unitValueFen: e.unit_value_fen,
        })),
    }));
  const sites = db
    .prepare<
      [number],
      {
        name: string;
        campus: CampusKind;
        partner: string;
        capacity: number;
        agreement_start: string | null;
        agreement_end: string | null;
      }
    >(
      `SELECT s.name, s.campus, s.partner, s.capacity, s.agreement_start, s.agreement_end
       FROM project_sites ps JOIN training_sites s ON s.id = ps.site_id
       WHERE ps.project_id = ? ORDER BY s.name`,
    )
    .all(id)
    .map((s): PackageSite => ({
      name: s.name,
      campus: campusLabels[s.campus],
      partner: s.partner,
      capacity: s.capacity,
      agreement: s.agreement_start ? formatDateSpan(s.agreement_start, s.agreement_end) : '',
    }));
  return { project, majors, teachers, stats: teacherStats(teachers), rooms, sites };
}

/** The school's stamped scan and every file linked to the projects, their rooms and sites. */
function gatherAttachments(db: Db, projectIds: readonly number[]): PackageAttachment[] {
  const placeholders = projectIds.map(() => '?').join(', ');
  const rows = db
    .prepare<
      number[],
      {
        sha256: string;
        ext: string;
        size: number;
        kind: AttachmentKind;
        owner_type: string;
        owner_name: string | null;
        display_name: string;
      }
    >(
      `SELECT a.sha256, a.ext, a.size, l.kind, l.owner_type, l.display_name,
         CASE l.owner_type
           WHEN 'project' THEN (SELECT c.name || ' ' || p.year FROM pilot_projects p
             JOIN certificates c ON c.id = p.certificate_id WHERE p.id = l.owner_id)
           WHEN 'room' THEN (SELECT name FROM training_rooms WHERE id = l.owner_id)
           WHEN 'site' THEN (SELECT name FROM training_sites WHERE id = l.owner_id)
           ELSE '学校' END AS owner_name
       FROM attachment_links l JOIN attachments a ON a.id = l.attachment_id
       WHERE l.owner_type = 'school'
         OR (l.owner_type = 'project' AND l.owner_id IN (${placeholders}))
         OR (l.owner_type = 'room' AND l.owner_id IN
           (SELECT room_id FROM project_rooms WHERE project_id IN (${placeholders})))
         OR (l.owner_type = 'site' AND l.owner_id IN
           (SELECT site_id FROM project_sites WHERE project_id IN (${placeholders})))
       ORDER BY l.owner_type, l.owner_id, l.kind, l.display_name, a.sha256`,
    )
    .all(...projectIds, ...projectIds, ...projectIds);
  return rows.map((r) => ({
    sha256: r.sha256,
    ext: r.ext,
    size: r.size,
    kind: attachmentKindLabels[r.kind],
    owner: r.owner_name ?? '',
    displayName: r.display_name,
  }));
}

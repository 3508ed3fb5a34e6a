import type { Project } from '../../../../shared/contract/projects';
import { formatDateSpan } from '../../../../shared/domain/dates';
import { attachmentKindLabels } from '../../../../shared/domain/attachments';
import { campusLabels } from '../../../../shared/domain/facilities';
import { demonstrationLevelLabels, schoolKindLabels } from '../../../../shared/domain/school';
import { formatChineseYearMonth } from '../../../../shared/domain/dates';
import {
  degreeLabels,
  educationLabels,
  formatSchooling,
  genderLabels,
  teacherStats,
} from '../../../../shared/domain/teachers';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import { loadProject } from '../projects/repository';
import { schoolRepository } from '../school/repository';
import {
  packageAttachmentRows,
  projectMajors,
  projectRooms,
  projectSites,
  projectTeachers,
} from './repository';

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
  const majors = projectMajors(db, id);
  const teachers = projectTeachers(db, id).map((t): PackageTeacher => ({
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
  const rooms = projectRooms(db, id).map((r): PackageRoom => ({
    name: r.name,
    areaM2: r.area_m2,
    workstations: r.workstations,
    equipment: r.equipment.map((e) => ({
      name: e.name,
      model: e.model,
      quantity: e.quantity,
      unitValueFen: e.unit_value_fen,
    })),
  }));
  const sites = projectSites(db, id).map((s): PackageSite => ({
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
  return packageAttachmentRows(db, projectIds).map((r) => ({
    sha256: r.sha256,
    ext: r.ext,
    size: r.size,
    kind: attachmentKindLabels[r.kind],
    owner: r.owner_name ?? '',
    displayName: r.display_name,
  }));
}

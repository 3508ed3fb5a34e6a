import { formatChineseYearMonth } from './dates';

/** Teachers (教师) and the counts the notice's conditions are built on (rules 4–5). */
export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];

export const genderLabels: Record<Gender, string> = { male: '男', female: '女' };

/** The youngest a teacher on record can be, in whole years. */
export const TEACHER_MIN_AGE = 18;

/**
 * Why `birthMonth` ('YYYY-MM', null when unknown) cannot be a teacher's 出生年月 on `today`
 * ('YYYY-MM-DD', China): a month still to come, or a teacher younger than 18; null when it can.
 */
export function birthMonthProblem(birthMonth: string | null, today: string): string | null {
  if (birthMonth === null) return null;
  const shown = formatChineseYearMonth(birthMonth);
  if (birthMonth > today.slice(0, 7)) return `出生年月${shown}晚于当前年月，请核对`;
  const adultFrom = `${Number(today.slice(0, 4)) - TEACHER_MIN_AGE}${today.slice(4, 7)}`;
  if (birthMonth > adultFrom) {
    return `按出生年月${shown}计算，该教师不满 ${TEACHER_MIN_AGE} 周岁，请核对`;
  }
  return null;
}

/** 学历 (highest education) as provincial forms list it. */
export const educations = ['postgraduate', 'bachelor', 'associate', 'other'] as const;
export type Education = (typeof educations)[number];
export const educationLabels: Record<Education, string> = {
  postgraduate: '研究生',
  bachelor: '本科',
  associate: '专科',
  other: '其他',
};

/** 学位 (highest degree). */
export const degrees = ['doctor', 'master', 'bachelor', 'none'] as const;
export type Degree = (typeof degrees)[number];
export const degreeLabels: Record<Degree, string> = {
  doctor: '博士',
  master: '硕士',
  bachelor: '学士',
  none: '无',
};

/** 学历（学位） in one cell as forms print it: 研究生（硕士）, 本科; '' when neither is known. */
export function formatSchooling(education: Education | null, degree: Degree | null): string {
  const educationText = education ? educationLabels[education] : '';
  if (!degree || degree === 'none') return educationText;
  return `${educationText || '—'}（${degreeLabels[degree]}）`;
}

/**
 * Common professional titles (职称) at vocational schools, offered as suggestions: the field is
 * free text because schools also record titles outside these series.
 */
export const teacherTitleSuggestions = [
  '助教',
  '讲师',
  '副教授',
  '教授',
  '助理讲师',
  '高级讲师',
  '正高级讲师',
  '实习指导教师',
  '高级实习指导教师',
  '助理工程师',
  '工程师',
  '高级工程师',
  '正高级工程师',
  '技师',
  '高级技师',
] as const;

export interface TeacherFlags {
  fullTime: boolean;
  dualQualified: boolean;
  canTeachIndependently: boolean;
  assessor: boolean;
}

export interface TeacherStats {
  total: number;
  fullTime: number;
  dualQualified: number;
  /** 双师型 share of all teachers counted, in percent; null when there are none. */
  dualQualifiedPercent: number | null;
  /** 专任 and 能独立承担教学任务: the notice asks for at least 10 per project. */
  fullTimeIndependent: number;
  assessors: number;
}

export function teacherStats(teachers: readonly TeacherFlags[]): TeacherStats {
  let fullTime = 0;
  let dualQualified = 0;
  let fullTimeIndependent = 0;
  let assessors = 0;
  for (const t of teachers) {
    if (t.fullTime) fullTime += 1;
    if (t.dualQualified) dualQualified += 1;
    if (t.fullTime && t.canTeachIndependently) fullTimeIndependent += 1;
    if (t.assessor) assessors += 1;
  }
  const total = teachers.length;
  return {
    total,
    fullTime,
    dualQualified,
    dualQualifiedPercent: total === 0 ? null : (dualQualified * 100) / total,
    fullTimeIndependent,
    assessors,
  };
}

/** 7 / 20 → "35.0%"; 0 of 0 → "—". */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${((part * 100) / whole).toFixed(1)}%`;
}

export type TeacherFlag = keyof TeacherFlags;

export interface TeacherFilter {
  /** Matched against name, 工号 and title, ignoring letter case. */
  search: string;
  /** A major's id, 'none' for teachers without a major, undefined for all. */
  major: number | 'none' | undefined;
  /** Every flag listed must be set. */
  flags: readonly TeacherFlag[];
}

export interface FilterableTeacher extends TeacherFlags {
  name: string;
  staffNo: string;
  title: string;
  majorId: number | null;
}

/**
 * The teachers page filter, done in memory: a school has at most a few thousand teachers, so
 * one pass over the list per keystroke is cheap (see the teachers-filter bench).
 */
export function filterTeachers<T extends FilterableTeacher>(
  teachers: readonly T[],
  filter: TeacherFilter,
): T[] {
  const q = filter.search.trim().toLowerCase();
  const { major, flags } = filter;
  return teachers.filter(
    (teacher) =>
      (major === undefined ||
        (major === 'none' ? teacher.majorId === null : teacher.majorId === major)) &&
      flags.every((flag) => teacher[flag]) &&
      (q === '' ||
        teacher.name.toLowerCase().includes(q) ||
        teacher.staffNo.toLowerCase().includes(q) ||
        teacher.title.toLowerCase().includes(q)),
  );
}

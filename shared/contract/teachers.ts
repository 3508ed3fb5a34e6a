import * as z from 'zod';
import {
  degrees,
  educations,
  genders,
  type Degree,
  type Education,
  type Gender,
} from '../domain/teachers';
import {
  byIdSchema,
  deleteSchema,
  flagField,
  idField,
  optionalText,
  optionalYearMonth,
  requiredText,
  type DeleteResult,
} from './fields';
import { importRequestSchema, importHandlers } from './imports';
import type { Usage } from './usage';
import type { TopicsOf } from './topics';

/** 工号: letters, digits, '-' and '_'; compared without regard to letter case. */
export const staffNoPattern = /^[A-Za-z0-9_-]+$/;

/**
 * The fields of one teacher. Kept free of ids other than the major's so a row-by-row import
 * (姓名, 性别, 工号, …) can validate each row with the same schema after mapping its columns.
 */
export const teacherFields = {
  name: requiredText('教师姓名', 50),
  gender: z.enum(genders, { error: '请选择性别（男或女）' }),
  staffNo: requiredText('工号', 30).regex(staffNoPattern, {
    error: '工号只能包含字母、数字、“-”和“_”，例如 T2020001',
  }),
  title: optionalText('职称', 30),
  birthMonth: optionalYearMonth('出生年月'),
  education: z
    .enum(educations, { error: '学历应为研究生、本科、专科或其他' })
    .nullable()
    .default(null),
  degree: z.enum(degrees, { error: '学位应为博士、硕士、学士或无' }).nullable().default(null),
  studiedMajor: optionalText('所学专业', 50),
  skillCertificates: optionalText('职业技能等级证书', 200),
  majorId: idField('所属专业').nullable().default(null),
  fullTime: flagField('专任教师', true),
  dualQualified: flagField('双师型', false),
  canTeachIndependently: flagField('能独立承担教学任务', false),
  assessor: flagField('考评员', false),
};

export const teacherInputSchema = z.object(teacherFields);
/** Create (no id) or update (with id). */
export const teacherSaveSchema = z.object({ id: idField('教师编号').optional(), ...teacherFields });

export type TeacherInput = z.input<typeof teacherInputSchema>;
export type TeacherData = z.output<typeof teacherInputSchema>;
export type TeacherSaveInput = z.input<typeof teacherSaveSchema>;
export type TeacherSaveData = z.output<typeof teacherSaveSchema>;

export interface Teacher {
  id: number;
  name: string;
  gender: Gender;
  staffNo: string;
  title: string;
  /** 出生年月 as 'YYYY-MM'. */
  birthMonth: string | null;
  education: Education | null;
  degree: Degree | null;
  studiedMajor: string;
  skillCertificates: string;
  majorId: number | null;
  majorCode: string | null;
  majorName: string | null;
  fullTime: boolean;
  dualQualified: boolean;
  canTeachIndependently: boolean;
  assessor: boolean;
  createdAt: string;
  updatedAt: string;
}

export const teachersContract = {
  'teachers.list': { input: z.object({}).strict(), output: {} as Teacher[] },
  'teachers.save': { input: teacherSaveSchema.strict(), output: {} as Teacher },
  'teachers.usage': { input: byIdSchema.strict(), output: {} as Usage },
  'teachers.delete': { input: deleteSchema.strict(), output: {} as DeleteResult },
  ...importHandlers('teachers', importRequestSchema.strict()),
} as const;

/** What each handler reads and writes (see topics.ts). */
export const teachersTopics = {
  'teachers.list': { reads: ['teachers', 'majors'] },
  'teachers.save': { writes: ['teachers'] },
  'teachers.usage': { reads: ['teachers', 'projects'] },
  'teachers.delete': { writes: ['teachers', 'projects'] },
  'teachers.importPreview': { reads: ['teachers', 'majors'], writes: ['uploads'] },
  'teachers.importCommit': { writes: ['teachers', 'uploads'] },
  // Written from the field list alone; nothing saved changes it.
  'teachers.importTemplate': { reads: ['system'] },
  'teachers.importProblems': { reads: ['teachers', 'majors'], writes: ['uploads'] },
} as const satisfies TopicsOf<typeof teachersContract>;

import * as z from 'zod';
import { searchField, sortedPageFields } from './paging';
import { checkIdNumber, idTypes, type IdType } from '../domain/idNumber';
import {
  isStudentPhone,
  normalizePersonName,
  normalizePhone,
  studentNoPattern,
} from '../domain/students';
import { genders, type Gender } from '../domain/teachers';
import { importRequestSchema, importHandlers } from './imports';
import {
  byIdSchema,
  deleteSchema,
  flagField,
  idField,
  optionalText,
  requiredText,
  type DeleteResult,
} from './fields';
import type { Usage } from './usage';
import type { TopicsOf } from './topics';

const entryYearMessage = '入学年份应为 1990–2100 之间的四位年份，例如 2023';

/**
 * The fields of one student; the form and the core validate with them. The ID number is checked
 * against its type and the gender as a whole (see `studentSaveSchema`), with the same pure
 * function the form runs as the user types (shared/domain/idNumber.ts).
 */
export const studentFields = {
  studentNo: requiredText('学号', 30).regex(studentNoPattern, {
    error: '学号只能包含字母、数字、“-”和“_”，例如 2023010101',
  }),
  name: requiredText('姓名', 50).transform(normalizePersonName),
  idType: z.enum(idTypes, { error: '请选择证件类型' }).default('resident'),
  idNumber: requiredText('证件号码', 30),
  gender: z.enum(genders, { error: '请选择性别（男或女）' }),
  majorId: idField('专业').nullable().default(null),
  /** The major as the roster named it; kept when it matches no major of the school. */
  majorText: optionalText('专业（名单原文）', 50),
  className: optionalText('班级', 50),
  entryYear: z
    .number({ error: entryYearMessage })
    .int({ error: entryYearMessage })
    .min(1990, { error: entryYearMessage })
    .max(2100, { error: entryYearMessage })
    .nullable()
    .default(null),
  phone: optionalText('联系电话', 30).transform(normalizePhone).refine(isStudentPhone, {
    error: '联系电话格式不正确：手机号为 11 位（如 13800138000），座机如 027-87654321',
  }),
  pilot: flagField('试点学生', true),
};

/**
 * The ID check that needs several fields: the number against its type, and a resident ID
 * number's gender against the gender field. `today` null: the core re-checks with its clock.
 */
export function addIdIssues(
  value: { idType?: unknown; idNumber?: unknown; gender?: unknown },
  ctx: z.RefinementCtx,
  today: string | null,
): string | undefined {
  if (typeof value.idNumber !== 'string' || value.idNumber.trim() === '') return undefined;
  if (!idTypes.includes(value.idType as IdType)) return undefined;
  const gender = genders.includes(value.gender as Gender) ? (value.gender as Gender) : null;
  const result = checkIdNumber(value.idType as IdType, value.idNumber, { today, gender });
  if (result.errors.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['idNumber'], message: result.errors[0].message });
    return undefined;
  }
  return result.normalized;
}

/** Create (no id) or update (with id); the ID number comes out normalised (x → X). */
export const studentSaveSchema = z
  .object({ id: idField('学生编号').optional(), ...studentFields })
  .strict()
  .transform((value, ctx) => {
    const normalized = addIdIssues(value, ctx, null);
    return normalized === undefined ? z.NEVER : { ...value, idNumber: normalized };
  });

export type StudentSaveInput = z.input<typeof studentSaveSchema>;
export type StudentSaveData = z.output<typeof studentSaveSchema>;
export type StudentData = Omit<StudentSaveData, 'id'>;

export interface Student {
  id: number;
  studentNo: string;
  name: string;
  idType: IdType;
  idNumber: string;
  gender: Gender;
  majorId: number | null;
  majorCode: string | null;
  majorName: string | null;
  /** The roster's 专业 text; shown as 未匹配 when majorId is null. */
  majorText: string;
  className: string;
  entryYear: number | null;
  phone: string;
  pilot: boolean;
  /** A warning about the ID number (15-digit old number), null when none. */
  idWarning: string | null;
  createdAt: string;
  updatedAt: string;
}

export const studentSortKeys = [
  'studentNo',
  'name',
  'idNumber',
  'gender',
  'major',
  'className',
  'entryYear',
  'phone',
  'pilot',
  'updatedAt',
] as const;
export type StudentSortKey = (typeof studentSortKeys)[number];

/** The list page's query: search, filters, sort and one page, all done in SQL by the core. */
export const studentListSchema = z.object({
  /** Prefix of a name, 学号 or ID number. */
  search: searchField,
  /** Major ids; 'none' = students linked to no major. Empty = all. */
  majors: z
    .array(z.union([idField('专业'), z.literal('none')]))
    .max(500, { error: '筛选的专业过多' })
    .default([]),
  /** Class names; '' = 未填写. */
  classNames: z
    .array(z.string().max(50, { error: '班级名称过长' }))
    .max(2000, { error: '筛选的班级过多' })
    .default([]),
  /** Entry years; 'none' = 未填写. */
  entryYears: z
    .array(z.union([z.number().int({ error: '年级无效' }), z.literal('none')]))
    .max(200, { error: '筛选的年级过多' })
    .default([]),
  genders: z.array(z.enum(genders, { error: '性别无效' })).default([]),
  /** true: pilot students only; false: the others; null: all. */
  pilot: z.boolean({ error: '“试点学生”筛选应为是或否' }).nullable().default(null),
  /** Only students whose ID number needs attention (15-digit old numbers). */
  idWarningsOnly: z.boolean().default(false),
  ...sortedPageFields(studentSortKeys, 'studentNo', 'asc', 100),
});
export type StudentListQuery = z.input<typeof studentListSchema>;
export type StudentListParams = z.output<typeof studentListSchema>;

export interface StudentListStats {
  /** Students matching the query. */
  total: number;
  pilot: number;
  male: number;
  female: number;
}

export interface StudentListResult {
  items: Student[];
  page: number;
  pageSize: number;
  /** Counts over every student matching the query (not only this page). */
  stats: StudentListStats;
}

export interface StudentFacets {
  /** All students, whatever the filters. */
  total: number;
  /** Students with a 15-digit old resident ID number (to be replaced). */
  idWarnings: number;
  /** Students whose roster names a major that matches none of the school's majors. */
  unlinkedMajor: number;
  /** majorId null: linked to no major. */
  majors: { majorId: number | null; code: string | null; name: string | null; count: number }[];
  /** Roster 专业 texts that match no major: create the major, then match again. */
  unmatchedMajors: { text: string; count: number }[];
  classes: { value: string; count: number }[];
  entryYears: { value: number | null; count: number }[];
}

export interface MatchMajorsResult {
  /** Students now linked to a major. */
  linked: number;
  /** Students still linked to none although their roster names a major. */
  unmatched: number;
}

export const studentsContract = {
  'students.list': { input: studentListSchema.strict(), output: {} as StudentListResult },
  'students.facets': { input: z.object({}).strict(), output: {} as StudentFacets },
  'students.save': { input: studentSaveSchema, output: {} as Student },
  'students.usage': { input: byIdSchema.strict(), output: {} as Usage },
  'students.delete': { input: deleteSchema.strict(), output: {} as DeleteResult },
  'students.matchMajors': { input: z.object({}).strict(), output: {} as MatchMajorsResult },
  ...importHandlers('students', importRequestSchema.strict()),
} as const;

/** What each handler reads and writes (see topics.ts). */
export const studentsTopics = {
  'students.list': { reads: ['students', 'majors', 'projects', 'signups'] },
  'students.facets': { reads: ['students', 'majors', 'projects'] },
  'students.save': { writes: ['students'] },
  'students.usage': { reads: ['students', 'signups'] },
  'students.delete': { writes: ['students'] },
  'students.matchMajors': { writes: ['students'] },
  'students.importPreview': { reads: ['students', 'majors'], writes: ['uploads'] },
  'students.importCommit': { writes: ['students', 'uploads'] },
  // Written from the field list alone; nothing saved changes it.
  'students.importTemplate': { reads: ['system'] },
  'students.importProblems': { reads: ['students', 'majors'], writes: ['uploads'] },
} as const satisfies TopicsOf<typeof studentsContract>;

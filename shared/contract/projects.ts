import * as z from 'zod';
import { certificateLevels, type CertificateLevel } from '../domain/certificate';
import {
  commitments,
  planSections,
  type Commitment,
  type ImplementationPlan,
} from '../domain/implementationPlan';
import type { ProjectFieldChange, ProjectRecord } from '../domain/projectRevisions';
import { projectStatuses, type ProjectStatus } from '../domain/projectStatus';
import { requiredCleanText } from './fields';
import type { Verdict, VerdictLevel } from '../domain/verdict';
import { dataCentreExportSchema, type DataCentreExport } from './fees';
import { projectData, type TopicsOf } from './topics';

const id = (label: string) =>
  z
    .number({ error: `缺少${label}` })
    .int({ error: `${label}无效` })
    .positive({ error: `${label}无效` });

const idList = (label: string) =>
  z
    .array(id(label), { error: `${label}列表无效` })
    .max(5000, { error: `${label}过多` })
    .transform((ids) => [...new Set(ids)]);

const yearSchema = z
  .number({ error: '请填写年度' })
  .int({ error: '年度应为整数，例如 2020' })
  .min(2019, { error: '年度不能早于 2019 年（1+X 证书制度试点始于 2019 年）' })
  .max(2100, { error: '年度不能晚于 2100 年' });

const planSchema = z.object(
  Object.fromEntries(
    planSections.map((s) => [
      s,
      z.string().max(20000, { error: '每个部分不能超过 20000 字' }).default(''),
    ]),
  ) as Record<(typeof planSections)[number], z.ZodDefault<z.ZodString>>,
);

const commitmentsSchema = z.object(
  Object.fromEntries(commitments.map((c) => [c, z.boolean().default(false)])) as Record<
    Commitment,
    z.ZodDefault<z.ZodBoolean>
  >,
);

export const plannedStudentsSchema = z.object({
  level: z.enum(certificateLevels, { error: '等级无效' }),
  year: yearSchema,
  count: z
    .number({ error: '请填写计划人数' })
    .int({ error: '计划人数应为整数' })
    .min(0, { error: '计划人数不能为负数' })
    .max(100000, { error: '计划人数过大' }),
});

/** One 融通课程 (课程号, 课程名称), as the data centre's 课证融通关联关系数据 lists it. */
export const projectCourseSchema = z
  .object({
    courseNo: requiredCleanText('课程号', 32),
    courseName: requiredCleanText('课程名称', 100),
  })
  .strict();

/** Everything the coordinator edits on a project page. */
export const projectDataSchema = z
  .object({
    certificateId: id('证书'),
    year: yearSchema,
    levels: z
      .array(z.enum(certificateLevels, { error: '等级无效' }))
      .min(1, { error: '请至少选择一个证书等级' })
      .transform((levels) => certificateLevels.filter((l) => levels.includes(l))),
    majorIds: idList('相关专业'),
    teacherIds: idList('教师'),
    roomIds: idList('实训室'),
    siteIds: idList('实习实训场所'),
    plannedStudents: z.array(plannedStudentsSchema).max(100).default([]),
    /** Ids of the certificate's hardware requirements this project meets. */
    hardwareChecks: idList('实训条件要求').default([]),
    /** 融通课程, in the order entered; a 课程号 once. */
    courses: z
      .array(projectCourseSchema, { error: '融通课程格式不正确' })
      .max(100, { error: '融通课程最多 100 门' })
      .default([]),
    plan: planSchema.default(planSchema.parse({})),
    commitments: commitmentsSchema.default(commitmentsSchema.parse({})),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.plannedStudents.forEach((p, index) => {
      const key = `${p.level}-${p.year}`;
      if (!data.levels.includes(p.level)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plannedStudents', index, 'level'],
          message: '计划人数的等级不在本项目申报的等级中',
        });
      }
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['plannedStudents', index, 'year'],
          message: '同一等级同一年度的计划人数重复填写',
        });
      }
      seen.add(key);
    });
    const courseNos = new Map<string, number>();
    data.courses.forEach((c, index) => {
      const first = courseNos.get(c.courseNo);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['courses', index, 'courseNo'],
          message: `融通课程第 ${index + 1} 行的课程号“${c.courseNo}”与第 ${first + 1} 行重复`,
        });
      } else courseNos.set(c.courseNo, index);
    });
  });
export type ProjectDataInput = z.input<typeof projectDataSchema>;
export type ProjectData = z.output<typeof projectDataSchema>;

export const statusChangeSchema = z
  .object({
    id: id('试点项目'),
    status: z.enum(projectStatuses, { error: '状态无效' }),
    reason: z.string().trim().max(500, { error: '原因不能超过 500 字' }).default(''),
    confirmationDocument: z
      .string()
      .trim()
      .max(100, { error: '确认文号不能超过 100 字' })
      .default(''),
    confirmationDate: z
      .union([z.iso.date({ error: '确认日期格式应为 2020-09-01' }), z.literal('')])
      .default(''),
    /** Submitting a project whose self-check fails needs the user's explicit confirmation. */
    acceptFailures: z.boolean().default(false),
  })
  .strict()
  .superRefine((data, ctx) => {
    if (data.status === 'revoked' && data.reason === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '取消资格须填写原因' });
    }
    if (data.status === 'confirmed') {
      if (data.confirmationDocument === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmationDocument'],
          message: '省级确认须填写确认文号，例如 鄂教职成办〔2020〕5号',
        });
      }
      if (data.confirmationDate === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['confirmationDate'],
          message: '省级确认须填写确认日期',
        });
      }
    }
  });

export interface SelfCheckSummary {
  level: VerdictLevel;
  fail: number;
  warn: number;
  pass: number;
}

export interface ProjectSummary {
  id: number;
  certificateId: number;
  certificateName: string;
  organization: string;
  year: number;
  levels: CertificateLevel[];
  status: ProjectStatus;
  majorCount: number;
  teacherCount: number;
  selfCheck: SelfCheckSummary;
  updatedAt: string;
}

export interface ProjectStatusEntry {
  at: string;
  from: ProjectStatus | null;
  to: ProjectStatus;
  note: string;
}

/** The version the province holds, beside the working copy. */
export interface ProjectSubmission {
  /** When the project last became 已申报: the version taken then is the one submitted. */
  submittedAt: string;
  /** The submitted version as read (names, not ids). */
  record: ProjectRecord;
  /** Edits saved since, each a revision numbered from 1, oldest first. */
  revisions: { number: number; at: string }[];
  /** What the working copy changes against the submitted version. */
  changes: ProjectFieldChange[];
}

export interface Project extends Omit<ProjectData, 'plan' | 'commitments'> {
  id: number;
  certificateName: string;
  organization: string;
  status: ProjectStatus;
  revokeReason: string;
  confirmationDocument: string;
  confirmationDate: string;
  plan: ImplementationPlan;
  commitments: Record<Commitment, boolean>;
  verdicts: Verdict[];
  selfCheck: SelfCheckSummary;
  history: ProjectStatusEntry[];
  /** The latest submitted version and what changed since; null until first submitted. */
  submission: ProjectSubmission | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectCheck {
  id: number;
  certificateName: string;
  year: number;
  status: ProjectStatus;
  verdicts: Verdict[];
  selfCheck: SelfCheckSummary;
}

const byId = z.object({ id: id('试点项目') }).strict();

export const projectsContract = {
  'projects.list': { input: z.object({}).strict(), output: {} as ProjectSummary[] },
  'projects.get': { input: byId, output: {} as Project },
  'projects.create': { input: projectDataSchema, output: {} as Project },
  'projects.update': {
    input: z.object({ id: id('试点项目'), data: projectDataSchema }).strict(),
    output: {} as Project,
  },
  'projects.setStatus': { input: statusChangeSchema, output: {} as Project },
  'projects.copyToYear': {
    input: z.object({ id: id('试点项目'), year: yearSchema }).strict(),
    output: {} as Project,
  },
  'projects.delete': { input: byId, output: {} as { id: number } },
  'projects.selfCheckAll': { input: z.object({}).strict(), output: {} as ProjectCheck[] },
  /** 课证融通关联关系数据 (ODS_KZRTGLGXSJ) for the vocational-education data centre. */
  'projects.coursesSheet': { input: dataCentreExportSchema, output: {} as DataCentreExport },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const projectsTopics = {
  'projects.list': { reads: projectData },
  'projects.get': { reads: projectData },
  'projects.create': { writes: ['projects'] },
  'projects.update': { writes: ['projects'] },
  'projects.setStatus': { writes: ['projects'] },
  'projects.copyToYear': { writes: ['projects', 'attachments'] },
  'projects.delete': { writes: ['projects', 'attachments'] },
  'projects.selfCheckAll': { reads: projectData },
  'projects.coursesSheet': { reads: ['projects', 'catalogue', 'school'] },
} as const satisfies TopicsOf<typeof projectsContract>;

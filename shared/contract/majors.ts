import * as z from 'zod';
import { majorCodePattern, majorLevels, yearRange, type MajorLevel } from '../domain/majors';
import {
  byIdSchema,
  deleteSchema,
  idField,
  intField,
  requiredText,
  type DeleteResult,
} from './fields';
import type { Usage } from './usage';
import type { TopicsOf } from './topics';

const year = (label: string) => intField(label, yearRange.min, yearRange.max, '年');

/** The fields of one major; the form, the core and any import validate with this. */
export const majorFields = {
  code: z
    .string({ error: '请填写专业代码' })
    .trim()
    .min(1, { error: '请填写专业代码', abort: true })
    .regex(majorCodePattern, {
      error: '专业代码应为 6 位数字（大类 2 位 + 类 2 位 + 专业 2 位），例如 510203',
    }),
  name: requiredText('专业名称', 50),
  level: z.enum(majorLevels, { error: '请选择专业层次（中职、高职专科、职业本科或本科）' }),
  catalogueYear: year('专业目录版本年份'),
  firstEnrolmentYear: year('首次招生年份'),
  annualEnrolment: intField('年招生人数', 0, 100000, '人'),
};

export const majorInputSchema = z.object(majorFields);
/** Create (no id) or update (with id). */
export const majorSaveSchema = z.object({ id: idField('专业编号').optional(), ...majorFields });

export type MajorInput = z.input<typeof majorInputSchema>;
export type MajorInputData = z.output<typeof majorInputSchema>;

/** How many majors one 按名称新建 can create: a roster names a few dozen at most. */
export const MAJORS_SAVE_MANY_LIMIT = 200;

/**
 * New majors created together (from a roster's unmatched 专业 names): each row validated with the
 * major's fields, its messages prefixed with “第 N 行” so the person knows which one to mend.
 */
const majorRowsSchema = z
  .array(z.unknown(), { error: '请提供要新建的专业' })
  .min(1, { error: '请至少填写一个专业' })
  .max(MAJORS_SAVE_MANY_LIMIT, { error: `一次最多新建 ${MAJORS_SAVE_MANY_LIMIT} 个专业` })
  .transform((items, ctx) =>
    items.flatMap((item, i) => {
      const row = majorInputSchema.strict().safeParse(item);
      if (row.success) return [row.data];
      for (const issue of row.error.issues) {
        ctx.addIssue({
          code: 'custom',
          message: `第 ${i + 1} 行：${issue.message}`,
          path: [i, ...issue.path],
          input: item,
        });
      }
      return [];
    }),
  ) as unknown as z.ZodType<MajorInputData[], MajorInput[]>;

export const majorSaveManySchema = z.object({ majors: majorRowsSchema });
export type MajorSaveInput = z.input<typeof majorSaveSchema>;
export type MajorSaveData = z.output<typeof majorSaveSchema>;

export interface Major {
  id: number;
  code: string;
  name: string;
  level: MajorLevel;
  catalogueYear: number;
  firstEnrolmentYear: number;
  annualEnrolment: number;
  /** Teachers whose major this is. */
  teacherCount: number;
  createdAt: string;
  updatedAt: string;
}

export const majorsContract = {
  'majors.list': { input: z.object({}).strict(), output: {} as Major[] },
  'majors.save': { input: majorSaveSchema.strict(), output: {} as Major },
  'majors.saveMany': { input: majorSaveManySchema.strict(), output: {} as Major[] },
  'majors.usage': { input: byIdSchema.strict(), output: {} as Usage },
  'majors.delete': { input: deleteSchema.strict(), output: {} as DeleteResult },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const majorsTopics = {
  'majors.list': { reads: ['majors', 'teachers'] },
  'majors.save': { writes: ['majors'] },
  'majors.saveMany': { writes: ['majors'] },
  'majors.usage': { reads: ['majors', 'teachers', 'projects', 'students'] },
  'majors.delete': { writes: ['majors', 'teachers', 'projects', 'students'] },
} as const satisfies TopicsOf<typeof majorsContract>;

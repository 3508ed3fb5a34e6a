import * as z from 'zod';
import type { ImportResult } from '../../../../shared/contract/imports';
import { teacherInputSchema, type TeacherData } from '../../../../shared/contract/teachers';
import {
  birthMonthProblem,
  degreeLabels,
  educationLabels,
} from '../../../../shared/domain/teachers';
import type { CoreContext } from '../../context';
import { auditImport, auditLog } from '../../db/audit';
import type { ImportFieldSpec } from '../../io/header';
import type { ImportDefinition, ValidRow } from '../../io/importDefinition';
import type { teacherRepo } from './repository';

type Field =
  | 'name'
  | 'gender'
  | 'staffNo'
  | 'title'
  | 'birthMonth'
  | 'education'
  | 'degree'
  | 'studiedMajor'
  | 'skillCertificates'
  | 'major'
  | 'fullTime'
  | 'dualQualified'
  | 'canTeachIndependently'
  | 'assessor';

export const teacherImportFields: readonly ImportFieldSpec<Field>[] = [
  {
    key: 'name',
    label: '姓名',
    synonyms: ['教师姓名', '教师'],
    required: true,
    rule: '教师姓名。',
    example: '李老师',
  },
  { key: 'gender', label: '性别', synonyms: [], required: true, rule: '男或女。', example: '女' },
  {
    key: 'staffNo',
    label: '工号',
    synonyms: ['教工号', '职工号', '教师工号', '编号'],
    required: true,
    rule: '本校工号，同一文件中不能重复（不分大小写）；已有的工号会更新该教师。',
    example: 'T2015001',
  },
  {
    key: 'title',
    label: '职称',
    synonyms: ['专业技术职务', '技术职称'],
    rule: '职称，如 讲师、副教授、高级讲师。',
    example: '讲师',
  },
  {
    key: 'birthMonth',
    label: '出生年月',
    synonyms: ['出生日期', '出生年月日'],
    rule: '年和月，如 1985-03、1985.3、1985年3月 或 198503；填完整日期时只取年月。',
    example: '1985-03',
  },
  {
    key: 'education',
    label: '学历',
    synonyms: ['最高学历'],
    rule: '研究生、本科、专科或其他（大专按专科）。',
    example: '本科',
  },
  {
    key: 'degree',
    label: '学位',
    synonyms: ['最高学位'],
    rule: '博士、硕士、学士或无。',
    example: '硕士',
  },
  {
    key: 'studiedMajor',
    label: '所学专业',
    synonyms: ['毕业专业'],
    rule: '毕业时所学的专业。',
    example: '计算机科学与技术',
  },
  {
    key: 'skillCertificates',
    label: '职业技能等级证书',
    synonyms: ['技能证书', '职业技能证书'],
    rule: '持有的职业技能等级证书，多个用顿号隔开。',
    example: 'Web前端开发（中级）',
  },
  {
    key: 'major',
    label: '所属专业',
    synonyms: ['专业', '专业名称', '专业代码', '任教专业'],
    rule: '本校已登记专业的名称或 6 位代码；未登记的专业请先在“专业”页新增，或留空。',
    example: '软件技术',
  },
  {
    key: 'fullTime',
    label: '专任',
    synonyms: ['专任教师', '是否专任', '专兼职'],
    rule: '是或否（也可填 专任/兼职）；不填视为“是”。',
    example: '是',
  },
  {
    key: 'dualQualified',
    label: '双师型',
    synonyms: ['双师型教师', '是否双师型', '双师'],
    rule: '是或否；不填视为“否”。',
    example: '是',
  },
  {
    key: 'canTeachIndependently',
    label: '能独立承担教学任务',
    synonyms: ['独立承担教学任务', '能否独立承担教学任务', '独立教学'],
    rule: '是或否；不填视为“否”。',
    example: '是',
  },
  {
    key: 'assessor',
    label: '考评员',
    synonyms: ['是否考评员', '考评员资格'],
    rule: '是或否（是否具有考评员资格）；不填视为“否”。',
    example: '否',
  },
];

const yes = new Set(['是', 'y', 'yes', '1', '√', '✓', '有', 'true', '专任', '专职']);
const no = new Set(['否', 'n', 'no', '0', '×', '无', 'false', '兼职', '兼任']);

/** 是/否 cells (also √, 1/0, 专任/兼职); empty keeps the form's default. */
const flagCell = (label: string, fallback: boolean) =>
  z.string().transform((text, ctx) => {
    const value = text.trim().toLowerCase();
    if (value === '') return fallback;
    if (yes.has(value)) return true;
    if (no.has(value)) return false;
    ctx.addIssue({ code: 'custom', message: `“${text}”无法识别，${label}应填“是”或“否”` });
    return z.NEVER;
  });

/** A 学历/学位 cell matched by its label (and the common words schools use); empty is none. */
function choiceCell<T extends string>(
  labels: Record<T, string>,
  aliases: Record<string, T>,
  label: string,
) {
  const byText = new Map<string, T>(Object.entries(aliases) as [string, T][]);
  for (const [code, text] of Object.entries(labels) as [T, string][]) byText.set(text, code);
  return z.string().transform((text, ctx): T | null => {
    const value = text.trim();
    if (value === '') return null;
    const code = byText.get(value);
    if (code !== undefined) return code;
    const allowed = Object.values<string>(labels).join('、');
    ctx.addIssue({ code: 'custom', message: `${label}“${value}”无法识别，应为${allowed}` });
    return z.NEVER;
  });
}

const educationCell = choiceCell(
  educationLabels,
  {
    博士研究生: 'postgraduate',
    硕士研究生: 'postgraduate',
    大学本科: 'bachelor',
    大专: 'associate',
  },
  '学历',
);
const degreeCell = choiceCell(
  degreeLabels,
  { 博士学位: 'doctor', 硕士学位: 'master', 学士学位: 'bachelor' },
  '学位',
);

const genderCell = z.string().transform((text, ctx) => {
  const value = text.trim();
  if (value === '男' || value === '男性') return 'male' as const;
  if (value === '女' || value === '女性') return 'female' as const;
  ctx.addIssue({
    code: 'custom',
    message: value === '' ? '请填写性别（男或女）' : `性别“${text}”应为“男”或“女”`,
  });
  return z.NEVER;
});

/** Rows as the teacher form would save them; 所属专业 matches a major by 6-digit code or name. */
function teacherRowSchema(majors: ReadonlyMap<string, number>, today: string) {
  const majorCell = z.string().transform((text, ctx) => {
    const value = text.trim();
    if (value === '') return null;
    const id = majors.get(value) ?? majors.get(value.slice(0, 6));
    if (id === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `专业“${value}”尚未登记，请先新增该专业，或清空此格`,
      });
      return z.NEVER;
    }
    return id;
  });
  return z
    .object({
      name: z.string(),
      gender: genderCell,
      staffNo: z.string(),
      title: z.string(),
      birthMonth: z.string(),
      education: educationCell,
      degree: degreeCell,
      studiedMajor: z.string(),
      skillCertificates: z.string(),
      major: majorCell,
      fullTime: flagCell('专任', true),
      dualQualified: flagCell('双师型', false),
      canTeachIndependently: flagCell('能独立承担教学任务', false),
      assessor: flagCell('考评员', false),
    })
    .transform(({ major, ...rest }, ctx): TeacherData => {
      // The form's own schema has the last word (lengths, 工号 characters), reported per field.
      const parsed = teacherInputSchema.safeParse({ ...rest, majorId: major });
      if (parsed.success) {
        const wrongBirth = birthMonthProblem(parsed.data.birthMonth, today);
        if (!wrongBirth) return parsed.data;
        ctx.addIssue({ code: 'custom', message: wrongBirth, path: ['birthMonth'] });
        return z.NEVER;
      }
      for (const issue of parsed.error.issues) {
        const [field] = issue.path;
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          path: [field === 'majorId' ? 'major' : String(field)],
        });
      }
      return z.NEVER;
    });
}

const keyOf = (staffNo: string) => staffNo.toUpperCase();

/**
 * 教师 import: one row per teacher, matched by 工号 (letter case ignored). A 工号 already on
 * record is updated, not added again, and a 工号 twice in the file is reported on both rows.
 */
export function teacherImportDefinition(
  ctx: CoreContext,
  repo: ReturnType<typeof teacherRepo>,
  fileName: string,
): ImportDefinition<Field, TeacherData> {
  const majors = new Map<string, number>();
  for (const m of repo.majors()) {
    majors.set(m.code, m.id);
    majors.set(m.name, m.id);
  }
  /** Whether the saved teacher with this 工号 already holds every imported value. */
  const holdsSaved = (row: TeacherData) => {
    const existing = repo.findByStaffNo(row.staffNo);
    const saved = existing && repo.get(existing.id);
    if (!saved) return false;
    return (Object.keys(row) as (keyof TeacherData)[]).every((key) => saved[key] === row[key]);
  };
  return {
    title: '教师导入',
    fields: teacherImportFields,
    rowSchema: teacherRowSchema(majors, ctx.today()),
    keyOf: (value) => keyOf(value.staffNo),
    keyField: 'staffNo',
    identityFields: ['staffNo', 'name'],
    existingKeys: () => new Set(repo.staffNos().map(keyOf)),
    holds: holdsSaved,
    apply(rows: readonly ValidRow<TeacherData>[], progress, leftOut): ImportResult {
      const stamp = { at: ctx.now(), actor: ctx.actor };
      const record = auditLog(ctx.db, 'teacher');
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      rows.forEach(({ value }, index) => {
        if (holdsSaved(value)) unchanged += 1;
        else {
          const existing = repo.findByStaffNo(value.staffNo);
          const before = existing ? repo.get(existing.id) : undefined;
          repo.check(value, existing?.id);
          const id = existing ? existing.id : repo.insert(value, stamp.at);
          if (existing) repo.update(existing.id, value, stamp.at);
          record(stamp, id, existing ? 'update' : 'create', before ?? null, repo.get(id));
          if (existing) updated += 1;
          else created += 1;
        }
        progress(index + 1);
      });
      const summary = { fileName, total: rows.length, created, updated, unchanged, leftOut };
      auditImport(ctx, 'teacher_import', fileName, summary, stamp.at);
      return { total: rows.length, created, updated, unchanged };
    },
  };
}

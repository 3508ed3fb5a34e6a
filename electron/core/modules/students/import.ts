import * as z from 'zod';
import type { ImportResult } from '../../../../shared/contract/imports';
import { studentFields } from '../../../../shared/contract/students';
import {
  LEGACY_ID_WARNING,
  checkIdNumber,
  idTypeLabels,
  idTypes,
  isLegacyResidentId,
  normalizeIdNumber,
  parseIdType,
  type IdType,
} from '../../../../shared/domain/idNumber';
import {
  matchMajor,
  parseEntryYear,
  parseGender,
  parseYesNo,
  UNMATCHED_MAJOR_GROUP,
  type MajorMatch,
} from '../../../../shared/domain/students';
import type { Gender } from '../../../../shared/domain/teachers';
import type { CoreContext } from '../../context';
import { auditImport } from '../../db/audit';
import { CoreError } from '../../errors';
import type { ImportFieldSpec } from '../../io/header';
import {
  cellTextsSchema,
  looseKey,
  type ImportDefinition,
  type RowProblem,
  type ValidRow,
} from '../../io/importDefinition';
import {
  existingStudents,
  holdsRoster,
  studentImportWriter,
  type ExistingStudent,
  type RosterFacts,
  type StudentImportColumns,
} from './importRepository';
import type { StudentRepo } from './repository';

export type StudentImportField =
  | 'studentNo'
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'gender'
  | 'major'
  | 'className'
  | 'entryYear'
  | 'phone'
  | 'pilot';
type Field = StudentImportField;

/** The roster's columns and the header texts Chinese rosters use for them. */
export const studentImportFields: readonly ImportFieldSpec<Field>[] = [
  {
    key: 'studentNo',
    label: '学号',
    synonyms: ['学生学号', '学生编号', '学生号'],
    required: true,
    longId: true,
    rule: '学号只能包含字母、数字、“-”和“_”，最长 30 位；同一文件中不能重复。已有的学号会更新该学生。',
    example: '2023010101',
  },
  {
    key: 'name',
    label: '姓名',
    synonyms: ['学生姓名', '考生姓名', '名字'],
    required: true,
    rule: '学生姓名，最长 50 字。',
    example: '张三',
  },
  {
    key: 'idType',
    label: '证件类型',
    synonyms: ['证件种类', '身份证件类型', '证件名称'],
    rule: '居民身份证（不填即为居民身份证）、港澳居民来往内地通行证、台湾居民来往大陆通行证、护照、其他。',
    example: '居民身份证',
  },
  {
    key: 'idNumber',
    label: '证件号码',
    synonyms: [
      '身份证号',
      '身份证号码',
      '身份证',
      '证件号',
      '身份证件号',
      '身份证件号码',
      '公民身份号码',
      '居民身份证号码',
    ],
    required: true,
    longId: true,
    rule: '居民身份证为 18 位，最后一位可为 X，校验位须正确；15 位旧号码可以导入，但会提醒更换。请保持本列为文本格式，否则 Excel 会丢失末几位数字。',
    example: '420106200503010023',
  },
  {
    key: 'gender',
    label: '性别',
    synonyms: ['学生性别'],
    rule: '男或女。居民身份证号码本身含有性别：不填时按证件号码；填写不一致时以证件号码为准，并在预览中提醒。',
    example: '女',
  },
  {
    key: 'major',
    label: '专业',
    synonyms: ['专业名称', '所学专业', '所在专业', '专业代码'],
    rule: '本校专业的名称或 6 位专业代码；不在本校专业列表中的显示为“未匹配”，可在“专业”页新增后重新匹配。',
    example: '软件技术',
  },
  {
    key: 'className',
    label: '班级',
    synonyms: ['班级名称', '所在班级', '行政班', '班别', '班'],
    rule: '班级名称，最长 50 字。',
    example: '软件2301班',
  },
  {
    key: 'entryYear',
    label: '年级',
    synonyms: ['入学年份', '入学年级', '入学年度', '入学时间', '入学年月', '所在年级'],
    rule: '入学年份（年级），如 2023 或 2023级；不要填毕业届别（2026届）。',
    example: '2023级',
  },
  {
    key: 'phone',
    label: '手机',
    synonyms: ['手机号', '手机号码', '联系电话', '电话', '电话号码', '联系方式', '移动电话'],
    rule: '11 位手机号，或座机如 027-87654321；号码中的空格、“-”和 +86 会自动去掉。',
    example: '13800138000',
  },
  {
    key: 'pilot',
    label: '试点学生',
    synonyms: ['是否试点学生', '是否试点', '试点'],
    rule: '是或否；新学生不填视为“是”。',
    example: '是',
  },
];

/** One roster row after checking: empty optional cells are null/'' and never erase saved data. */
export interface ImportedStudent extends RosterFacts {
  /** '' when the cell is empty (keep what is saved). */
  majorText: string;
  majorMatch: MajorMatch;
  /** null: not given (new students become pilot students; saved ones keep their flag). */
  pilot: boolean | null;
  /** The 性别 cell when it disagrees with the resident ID number (which wins); else null. */
  genderOverruled: Gender | null;
}

/** How the preview titles each kind of ID number error (by `IdIssue.code`). */
const idErrorGroups: Record<string, string> = {
  checkChar: '身份证号码校验位错误',
  length: '证件号码位数不对',
  chars: '证件号码含无效字符',
  area: '身份证号码地区码不正确',
  birthDate: '身份证号码中的出生日期无效',
  birthFuture: '身份证号码中的出生日期晚于今天',
  shape: '证件号码格式不对',
  empty: '缺少证件号码',
};

const genderWord: Record<Gender, string> = { male: '男', female: '女' };

const idTypeList = idTypes.map((t) => idTypeLabels[t]).join('、');

/** The row schema: every cell's text in, one student out, each problem on its own column. */
export function studentRowSchema(today: string, majors: Parameters<typeof matchMajor>[1]) {
  // A roster repeats the same few majors, years and words thousands of times: read each once.
  const once = <T>(read: (text: string) => T) => {
    const seen = new Map<string, T>();
    return (text: string): T => {
      let value = seen.get(text);
      if (value === undefined && !seen.has(text)) {
        value = read(text);
        seen.set(text, value);
      }
      return value as T;
    };
  };
  const majorOf = once((text) => matchMajor(text, majors));
  const yearOf = once((text) => parseEntryYear(text, today));
  const genderOf = once(parseGender);
  const yesNoOf = once(parseYesNo);
  const idTypeOf = once(parseIdType);
  return cellTextsSchema(studentImportFields).transform((v, ctx): ImportedStudent => {
    let failed = false;
    const issue = (field: Field, message: string, group?: string) => {
      failed = true;
      ctx.addIssue({ code: 'custom', path: [field], message, params: { group } });
    };
    const field = <S extends z.ZodType>(key: Field, schema: S, text: string) => {
      const parsed = schema.safeParse(text);
      if (!parsed.success) issue(key, parsed.error.issues[0].message);
      return parsed.success ? (parsed.data as z.output<S>) : undefined;
    };

    const studentNo = field('studentNo', studentFields.studentNo, v.studentNo);
    const name = field('name', studentFields.name, v.name);
    const idType: IdType | undefined = v.idType === '' ? 'resident' : idTypeOf(v.idType);
    if (!idType) issue('idType', `无法识别的证件类型“${v.idType}”：应为 ${idTypeList} 之一`);
    let gender: Gender | undefined = v.gender === '' ? undefined : genderOf(v.gender);
    if (v.gender !== '' && !gender) issue('gender', `性别“${v.gender}”无法识别：应为“男”或“女”`);

    let idNumber = '';
    let genderOverruled: Gender | null = null;
    if (v.idNumber === '') issue('idNumber', '请填写证件号码', idErrorGroups.empty);
    else if (idType) {
      // The resident ID number decides the gender: an empty or different 性别 cell gives way.
      const checked = checkIdNumber(idType, v.idNumber, { today, gender: null });
      const [first] = checked.errors;
      if (first) issue('idNumber', first.message, idErrorGroups[first.code]);
      idNumber = checked.normalized;
      if (checked.valid && checked.gender) {
        if (gender && gender !== checked.gender) genderOverruled = gender;
        gender = checked.gender;
      }
    }
    if (v.gender === '' && !gender && idType !== 'resident')
      issue('gender', '请填写性别（男或女）');

    const majorMatch = majorOf(v.major);
    const className = field('className', studentFields.className, v.className);
    const year = yearOf(v.entryYear);
    if (!year.ok) issue('entryYear', year.message);
    const phone = field('phone', studentFields.phone, v.phone);
    const pilot = yesNoOf(v.pilot);
    if (pilot === undefined) issue('pilot', `“${v.pilot}”无法识别：试点学生应填“是”或“否”`);

    if (failed || !idType || !gender) return z.NEVER;
    return {
      studentNo: studentNo as string,
      name: name as string,
      idType,
      idNumber,
      gender,
      majorId: majorMatch.kind === 'matched' ? majorMatch.major.id : null,
      majorText:
        majorMatch.kind === 'matched'
          ? majorMatch.major.name
          : majorMatch.kind === 'none'
            ? ''
            : majorMatch.text,
      majorMatch,
      className: className as string,
      entryYear: year.ok ? year.value : null,
      phone: phone as string,
      pilot: pilot ?? null,
      genderOverruled,
    };
  });
}

/** What a checked roster row writes ('' and null keep what is saved). */
const rosterColumns = (v: ImportedStudent): Omit<StudentImportColumns, 'at'> => ({
  studentNo: v.studentNo,
  name: v.name,
  idType: v.idType,
  idNumber: v.idNumber,
  gender: v.gender,
  majorId: v.majorId,
  majorText: v.majorText,
  className: v.className,
  entryYear: v.entryYear,
  phone: v.phone,
  pilot: v.pilot === null ? null : v.pilot ? 1 : 0,
});

const noKey = (studentNo: string) => studentNo.toLowerCase();
const idKey = (type: IdType, number: string) => `${type}|${number}`;
const who = (e: ExistingStudent) => `学号 ${e.studentNo}（${e.name}）`;
const conflict = (rowNumber: number) =>
  new CoreError(
    'CONFLICT',
    `未导入任何数据：第 ${rowNumber} 行对应的学生刚被修改或删除（学号或证件号码冲突）。请重新导入。`,
    { rowNumber },
  );

/**
 * 学生名单 import. A row updates the student with its 学号, else the one with its ID number,
 * else creates a student, so importing the same roster twice never duplicates anyone. Empty
 * optional cells keep what is saved; new students without a 试点学生 value become pilot students.
 */
export function studentImportDefinition(
  ctx: CoreContext,
  repo: StudentRepo,
  fileName: string,
): ImportDefinition<Field, ImportedStudent> {
  const { db } = ctx;
  const today = ctx.today();
  let index: { byNo: Map<string, ExistingStudent>; byId: Map<string, ExistingStudent> } | undefined;
  const saved = () => {
    if (!index) {
      const byNo = new Map<string, ExistingStudent>();
      const byId = new Map<string, ExistingStudent>();
      for (const row of existingStudents(db)) {
        byNo.set(noKey(row.studentNo), row);
        byId.set(idKey(row.idType, row.idNumber), row);
      }
      index = { byNo, byId };
    }
    return index;
  };
  const match = (v: ImportedStudent) => {
    const { byNo, byId } = saved();
    const sameNo = byNo.get(noKey(v.studentNo));
    const sameId = byId.get(idKey(v.idType, v.idNumber));
    return { sameNo, sameId, target: sameNo ?? sameId };
  };

  return {
    title: '学生名单导入',
    fields: studentImportFields,
    rowSchema: studentRowSchema(today, repo.majors()),
    keyOf: (v) => {
      const { target } = match(v);
      return target ? `#${target.id}` : `new:${noKey(v.studentNo)}`;
    },
    keyField: 'studentNo',
    // Two rows that share neither 学号 nor 证件号码 in the file, but reach one saved student,
    // one by each: the message names that student, or neither row explains the clash.
    duplicateReason(v, firstRow) {
      const { target } = match(v);
      if (!target) return undefined;
      return `与第 ${firstRow} 行对应同一名已有学生${who(target)}：一行按学号、一行按证件号码匹配到该学生。同一名学生只能出现一次，请核对这两行的学号和证件号码`;
    },
    uniqueFields: [
      { field: 'studentNo', normalise: looseKey },
      { field: 'idNumber', normalise: normalizeIdNumber },
    ],
    identityFields: ['studentNo', 'name'],
    existingKeys: () => new Set([...saved().byNo.values()].map((e) => `#${e.id}`)),
    holds(v) {
      const { target } = match(v);
      return target !== undefined && holdsRoster(target, rosterColumns(v));
    },
    checkRow(v) {
      const errors: RowProblem<Field>[] = [];
      const warnings: RowProblem<Field>[] = [];
      const { sameNo, sameId } = match(v);
      const label = idTypeLabels[v.idType];
      if (sameNo && sameId && sameId.id !== sameNo.id) {
        errors.push({
          field: 'idNumber',
          reason: `该${label}号码已登记在${who(sameId)}名下，与本行学号 ${v.studentNo} 不是同一名学生`,
          group: '证件号码已属于另一名学生',
        });
      }
      if (isLegacyResidentId(v.idType, v.idNumber)) {
        warnings.push({ field: 'idNumber', reason: LEGACY_ID_WARNING, group: '15 位旧身份证号' });
      }
      if (v.genderOverruled) {
        const fromId = genderWord[v.gender];
        warnings.push({
          field: 'gender',
          reason: `性别填写为“${genderWord[v.genderOverruled]}”，但身份证号码表示${fromId}性：以身份证号码为准，导入为“${fromId}”`,
          group: '性别与身份证号码不一致（以身份证号码为准）',
        });
      }
      // A new 学号 and another name on a saved student's ID number is most often a pasted ID:
      // taking it would give that student's sign-ups and results to someone else.
      if (!sameNo && sameId && sameId.name !== v.name) {
        errors.push({
          field: 'idNumber',
          reason: `该${label}号码已登记在${who(sameId)}名下，本行的学号和姓名都与其不同，不能确定是同一名学生：请核对证件号码；如确是该学生改了学号和姓名，请先在“学生”中修改其姓名后再导入`,
          group: '证件号码已属于另一名学生',
        });
      } else if (!sameNo && sameId) {
        warnings.push({
          field: 'studentNo',
          reason: `按证件号码匹配到已有学生${who(sameId)}，其学号将改为 ${v.studentNo}`,
          group: '按证件号码匹配到已有学生，学号将更改',
        });
      }
      const target = sameNo ?? sameId;
      if (target && target.name !== v.name && errors.length === 0) {
        warnings.push({
          field: 'name',
          reason: `已有学生姓名为“${target.name}”，将改为“${v.name}”`,
          group: '已有学生的姓名将更改',
        });
      }
      const m = v.majorMatch;
      if (m.kind === 'unmatched') {
        warnings.push({
          field: 'major',
          reason: `专业“${m.text}”不在本校专业列表中：导入后显示为“未匹配”，可在专业列表中新增该专业后重新匹配`,
          group: UNMATCHED_MAJOR_GROUP,
        });
      } else if (m.kind === 'ambiguous') {
        const codes = m.candidates.map((c) => c.code).join('、');
        warnings.push({
          field: 'major',
          reason: `专业名称“${m.text}”对应多个专业（代码 ${codes}），请改填 6 位专业代码；导入后暂不关联`,
          group: '专业名称对应多个专业',
        });
      }
      return { errors, warnings };
    },
    // 按名称新建这些专业 needs every unmatched name, not only the rows the group lists.
    valuesOfGroup: { title: UNMATCHED_MAJOR_GROUP, field: 'major', yearField: 'entryYear' },
    apply(rows: readonly ValidRow<ImportedStudent>[], progress, leftOut): ImportResult {
      const at = ctx.now();
      // One statement per row. The rows were matched against the students read moments ago in
      // this same call; if anything changed since, a UNIQUE constraint or a vanished id stops
      // the import and the transaction leaves everything as it was.
      const write = studentImportWriter(db);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      rows.forEach(({ value: v, rowNumber }, i) => {
        const target = match(v).target;
        const columns = { ...rosterColumns(v), at };
        try {
          if (target && holdsRoster(target, columns)) unchanged += 1;
          else if (target) {
            if (write.update(target.id, columns) === 0) throw conflict(rowNumber);
            updated += 1;
          } else {
            write.insert(columns);
            created += 1;
          }
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw conflict(rowNumber);
          }
          throw error;
        }
        progress(i + 1);
      });
      const summary = { fileName, total: rows.length, created, updated, unchanged, leftOut };
      auditImport(ctx, 'student_import', fileName, summary, at);
      return { total: rows.length, created, updated, unchanged };
    },
  };
}

import { z } from 'zod';
import type { ImportResult } from '../../../../shared/contract/imports';
import { normalizeIdNumber } from '../../../../shared/domain/idNumber';
import { normalizeText } from '../../../../shared/domain/text';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import { CoreError } from '../../errors';
import type { ImportFieldSpec } from '../../io/header';
import { looseKey, type ImportDefinition, type ValidRow } from '../../io/importer';
import type { ArrangementsRepository, CandidateRow } from './repository';

export type AdmissionImportField = 'admissionNo' | 'idNumber' | 'studentNo' | 'name';
type Field = AdmissionImportField;

/** The columns of the evaluation organization's 准考证号 list. */
export const admissionImportFields: readonly ImportFieldSpec<Field>[] = [
  {
    key: 'admissionNo',
    label: '准考证号',
    synonyms: ['准考证号码', '准考证', '考号', '考生号', '准考号'],
    required: true,
    longId: true,
    rule: '培训评价组织下发的准考证号，最长 50 字；导入后优先于按规则生成的号码。',
    example: '2020110100101',
  },
  {
    key: 'idNumber',
    label: '身份证号',
    synonyms: ['身份证号码', '证件号码', '证件号', '身份证', '公民身份号码'],
    longId: true,
    rule: '首选的匹配依据：按身份证号找到本批次的报名。请把该列设为文本。',
    example: '11010519491231002X',
  },
  {
    key: 'studentNo',
    label: '学号',
    synonyms: ['学生学号', '学籍号'],
    longId: true,
    rule: '没有身份证号时，按学号和姓名一起匹配。',
    example: '2020000001',
  },
  {
    key: 'name',
    label: '姓名',
    synonyms: ['考生姓名', '学生姓名'],
    required: true,
    rule: '考生姓名，须与本校记录一致。',
    example: '张三',
  },
];

const GROUP = {
  unmatched: '未匹配：本批次的有效报名中没有此考生',
  noKey: '未匹配：没有身份证号或学号',
  name: '姓名与报名记录不一致',
  taken: '准考证号已被本批次其他考生使用',
  bad: '单元格内容无法识别',
} as const;

export interface AdmissionRow {
  signupId: number;
  admissionNo: string;
}

/**
 * 导入准考证号: the organization's list matched to the batch's live sign-ups by 身份证号, else
 * 学号 + 姓名. Commit writes each number into the sign-up (the one 准考证号 column), where it
 * wins over generated ones; one transaction, audited as one arrangement change.
 */
export function admissionImportDefinition(
  ctx: CoreContext,
  repo: ArrangementsRepository,
  batchId: number,
  fileName: string,
): ImportDefinition<Field, AdmissionRow> {
  const candidates = repo.candidates(batchId);
  const byId = new Map<string, CandidateRow>();
  const byStudentNo = new Map<string, CandidateRow>();
  const byNumber = new Map<string, CandidateRow>();
  for (const c of candidates) {
    if (c.idNumber) byId.set(normalizeIdNumber(c.idNumber), c);
    byStudentNo.set(looseKey(c.studentNo), c);
    if (c.admissionNo) byNumber.set(looseKey(c.admissionNo), c);
  }

  const rowSchema = z
    .object({
      admissionNo: z.string(),
      idNumber: z.string(),
      studentNo: z.string(),
      name: z.string(),
    })
    .transform((row, zctx): AdmissionRow => {
      const issue = (field: Field, message: string, group: string) =>
        zctx.addIssue({ code: 'custom', path: [field], message, params: { group } });
      const number = normalizeText(row.admissionNo);
      if (number.length > 50) issue('admissionNo', '准考证号最长 50 字', GROUP.bad);
      const id = normalizeIdNumber(row.idNumber);
      const studentNo = looseKey(row.studentNo);
      if (!id && !studentNo) {
        issue('idNumber', '没有身份证号或学号，无法找到考生', GROUP.noKey);
        return z.NEVER;
      }
      const match = (id && byId.get(id)) || (studentNo && byStudentNo.get(studentNo)) || null;
      if (!match) {
        issue(
          id ? 'idNumber' : 'studentNo',
          `本批次的有效报名中没有${id ? `身份证号为“${row.idNumber}”` : `学号为“${row.studentNo}”`}的考生`,
          GROUP.unmatched,
        );
        return z.NEVER;
      }
      if (looseKey(row.name) !== looseKey(match.name)) {
        issue(
          'name',
          `姓名“${row.name}”与报名记录“${match.name}”（学号 ${match.studentNo}）不一致`,
          GROUP.name,
        );
      }
      const holder = byNumber.get(looseKey(number));
      if (holder && holder.signupId !== match.signupId) {
        issue(
          'admissionNo',
          `准考证号“${number}”已是 ${holder.name}（学号 ${holder.studentNo}）的准考证号`,
          GROUP.taken,
        );
      }
      return { signupId: match.signupId, admissionNo: number };
    });

  const record = auditLog(ctx.db, 'exam_arrangement');
  return {
    title: '准考证号导入',
    fields: admissionImportFields,
    rowSchema,
    keyOf: (value) => String(value.signupId),
    keyField: 'name',
    uniqueFields: [
      { field: 'admissionNo', normalise: looseKey },
      { field: 'idNumber', normalise: normalizeIdNumber },
      { field: 'studentNo', normalise: looseKey },
    ],
    identityFields: ['admissionNo', 'idNumber', 'studentNo', 'name'],
    existingKeys: () => new Set(candidates.filter((c) => c.issued).map((c) => String(c.signupId))),
    apply(rows: readonly ValidRow<AdmissionRow>[], progress, leftOut): ImportResult {
      const stamp = auditStamp(ctx);
      const now = new Map(repo.candidates(batchId).map((c) => [c.signupId, c]));
      let created = 0;
      let updated = 0;
      const changes: string[] = [];
      rows.forEach(({ value, rowNumber }, i) => {
        const before = now.get(value.signupId);
        if (!before) {
          throw new CoreError(
            'CONFLICT',
            `第 ${rowNumber} 行匹配到的报名已不存在或已撤销，未导入任何准考证号。请重新预览。`,
          );
        }
        if (before.admissionNo !== value.admissionNo) {
          repo.setIssuedNumber(value.signupId, value.admissionNo, stamp.at);
          changes.push(`${before.studentNo} ${before.admissionNo || '—'} → ${value.admissionNo}`);
          if (before.issued) updated += 1;
          else created += 1;
        }
        progress(i + 1);
      });
      record(stamp, batchId, 'update', null, {
        import: fileName,
        total: rows.length,
        leftOut,
        changes,
      });
      return { total: rows.length, created, updated };
    },
  };
}

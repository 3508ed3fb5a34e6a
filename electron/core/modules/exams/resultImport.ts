import * as z from 'zod';
import type { ExamBatch, Signup } from '../../../../shared/contract/exams';
import type { ImportResult } from '../../../../shared/contract/imports';
import {
  planResult,
  RESULT_GROUPS,
  savedResultOf,
  type ResultProblem,
  type SheetResult,
} from '../../../../shared/domain/examResults';
import { formatChineseDate } from '../../../../shared/domain/dates';
import { examAhead } from '../../../../shared/domain/examDay';
import { normalizeIdNumber } from '../../../../shared/domain/idNumber';
import { normalizeText } from '../../../../shared/domain/text';
import type { CoreContext } from '../../context';
import { auditImport } from '../../db/audit';
import { CoreError } from '../../errors';
import {
  cellTextsSchema,
  type ImportDefinition,
  type RowCheck,
  type RowProblem,
  type RowProblems,
  type ValidRow,
} from '../../io/importDefinition';
import { sameName, signupKeys, signupLookup, type MatchableSignup } from './candidateMatch';
import { examDayOf } from './batches';
import {
  readResultSheet,
  resultImportFields,
  type CellIssue,
  type ResultImportField as Field,
  type ResultSheetRow,
} from './resultSheet';
import {
  batchSignups,
  certificateNoHolders,
  certificateNoTaken,
  matchableSignups,
  resultWriter,
  signupAuditRecorder,
  studentFinder,
  type StudentNamed,
} from './repository';

/** One valid row: the sign-up it matched and what the sheet says. */
export interface ResultRow {
  signupId: number;
  sheet: SheetResult;
  /** Checked against the sign-up as read (warnings, errors such as a withdrawn sign-up). */
  check: RowCheck<Field>;
}

const CERTIFICATE_TAKEN = '证书编号已是其他考生的';

const MATCH_GROUP = {
  // “未匹配：” opens each group the headline counts as 未匹配, so the two add up on screen.
  unmatched: '未匹配：本批次的报名中没有此考生',
  notSignedUp: '未匹配：本校有此学生，但未报名本批次',
  name: '姓名与报名记录不一致',
  identity: '身份证号与报名记录不一致',
  noKey: '未匹配：没有可用于匹配的身份证号、准考证号或学号',
  admissionTaken: '准考证号已是本批次其他考生的',
} as const;

/** The groups of rows that found no sign-up of the batch (the rest of the errors: conflicts). */
const unmatchedGroups: ReadonlySet<string> = new Set([
  MATCH_GROUP.unmatched,
  MATCH_GROUP.notSignedUp,
  MATCH_GROUP.noKey,
]);

/** 匹配 / 未匹配 / 冲突: the preview's first line. */
function matchHeadline(total: number, problems: readonly RowProblems[]): string {
  let matched = total;
  let unmatched = 0;
  let attendance = 0;
  for (const row of problems) {
    if (row.errors.length > 0) matched -= 1;
    if (row.errors.some((e) => unmatchedGroups.has(e.group))) unmatched += 1;
    if (row.warnings?.some((w) => w.group === RESULT_GROUPS.attendance)) attendance += 1;
  }
  const conflicting = total - matched - unmatched;
  const kept = attendance > 0 ? `；其中 ${attendance} 行与已记录的考勤不一致，以考勤为准` : '';
  return `匹配到本批次报名 ${matched} 行，未匹配 ${unmatched} 行，有冲突或错误 ${conflicting} 行${kept}。`;
}

const toRowProblem = (p: ResultProblem): RowProblem<Field> => ({
  field: p.field,
  reason: p.reason,
  group: p.group,
});

/**
 * 成绩导入: the evaluation organization's result sheet, matched to the sign-ups of one batch by
 * 身份证号, else 准考证号, else 学号 + 姓名. Commit sets each sign-up's status, scores,
 * certificate number and date (see `planResult`) in the import's one transaction, audited.
 */
export function resultImportDefinition(
  ctx: CoreContext,
  batch: ExamBatch,
  fileName: string,
): ImportDefinition<Field, ResultRow> {
  const { db } = ctx;
  const day = examDayOf(ctx, batch.examDate);
  if (examAhead(day)) {
    throw new CoreError(
      'CONFLICT',
      `该批次的考核日期为${formatChineseDate(batch.examDate)}，尚未考核，不能导入成绩；请在考核结束后导入培训评价组织的成绩单。`,
    );
  }
  const candidates = matchableSignups(db, batch.id);
  const find = signupLookup(candidates);
  const signups = batchSignups(db, batch.id);
  // Students of the school outside the batch, to say so instead of “not found”.
  const students = studentFinder(db);
  // The certificate's numbers given already: a sheet cannot give one to a second candidate.
  const certificateNos = certificateNoHolders(db, batch.certificateId);
  const notSignedUp = (s: StudentNamed) =>
    `本校学生 ${s.name}（学号 ${s.student_no}）没有报名本批次，请核对成绩单是否属于本批次`;

  /** Who the row is: 身份证号, else 准考证号, else 学号 + 姓名; undefined (reported) if nobody. */
  function matchRow(row: ResultSheetRow, issue: CellIssue): MatchableSignup | undefined {
    const sheetName = normalizeText(row.name);
    const idNumber = normalizeIdNumber(row.idNumber);
    const admissionNo = normalizeText(row.admissionNo);
    const studentNo = normalizeText(row.studentNo);

    let match: MatchableSignup | undefined;
    let matchedBy: Field | undefined;
    if (sheetName === '') issue('name', '请填写考生姓名', '姓名为空');
    if (idNumber !== '') {
      match = find.byIdNumber(idNumber);
      matchedBy = 'idNumber';
      if (!match) {
        const byAdmission = find.byAdmissionNo(admissionNo);
        const other = byAdmission ?? find.byStudentNo(studentNo);
        const student = students.byIdNumber(idNumber);
        if (other) {
          issue(
            'idNumber',
            `按${byAdmission ? '准考证号' : '学号'}找到的考生 ${other.name}（学号 ${other.studentNo}）的身份证号是“${other.idNumber}”，与成绩单不同，请核对`,
            MATCH_GROUP.identity,
          );
        } else if (student) {
          issue('idNumber', notSignedUp(student), MATCH_GROUP.notSignedUp);
        } else {
          issue(
            'idNumber',
            `本批次的报名中没有身份证号为“${idNumber}”的考生`,
            MATCH_GROUP.unmatched,
          );
        }
        return undefined;
      }
    } else if (admissionNo !== '') {
      match = find.byAdmissionNo(admissionNo);
      matchedBy = 'admissionNo';
    }
    if (!match && studentNo !== '') {
      match = find.byStudentNo(studentNo);
      matchedBy = 'studentNo';
      if (!match) {
        const student = students.byStudentNo(studentNo);
        if (student) issue('studentNo', notSignedUp(student), MATCH_GROUP.notSignedUp);
        else {
          issue('studentNo', `本批次的报名中没有学号为“${studentNo}”的考生`, MATCH_GROUP.unmatched);
        }
        return undefined;
      }
    }
    if (!match) {
      if (admissionNo !== '') {
        issue(
          'admissionNo',
          `本批次的报名中没有准考证号为“${admissionNo}”的考生（准考证号要先由一份成绩单记下）；请在成绩单中加上身份证号或学号`,
          MATCH_GROUP.unmatched,
        );
      } else {
        issue(
          null,
          '没有可用的身份证号（空白，或被 Excel 存成数字而丢了末几位）、准考证号或学号，无法确定是哪位考生',
          MATCH_GROUP.noKey,
        );
      }
      return undefined;
    }
    if (sheetName !== '' && !sameName(sheetName, match.name)) {
      const by = { idNumber: '身份证号', admissionNo: '准考证号', studentNo: '学号' }[
        matchedBy as 'idNumber' | 'admissionNo' | 'studentNo'
      ];
      issue(
        'name',
        `按${by}匹配到的考生是“${match.name}”（学号 ${match.studentNo}），与成绩单上的姓名“${sheetName}”不一致`,
        MATCH_GROUP.name,
      );
      return undefined;
    }
    // A 准考证号 is one candidate's within the batch: the sheet cannot hand out someone else's.
    const holder = admissionNo === '' ? undefined : find.byAdmissionNo(admissionNo);
    if (holder && holder.signupId !== match.signupId) {
      issue(
        'admissionNo',
        `准考证号“${admissionNo}”已是 ${holder.name}（学号 ${holder.studentNo}）的准考证号，与本行考生 ${match.name} 不符，请核对`,
        MATCH_GROUP.admissionTaken,
      );
      return undefined;
    }
    return match;
  }

  const rowSchema = cellTextsSchema(resultImportFields).transform((row, zctx): ResultRow => {
    let problems = 0;
    const issue: CellIssue = (field, message, group) => {
      problems += 1;
      zctx.addIssue({
        code: 'custom',
        path: field === null ? [] : [field],
        message,
        params: { group },
      });
    };
    // Both halves report, so every problem of the row shows at once.
    const scoring: ResultProblem[] = [];
    const sheet = readResultSheet(row, { ...batch, day }, issue, (p) => scoring.push(p));
    const match = matchRow(row, issue);
    if (sheet && match && sheet.certificateNo !== '') {
      const taken = certificateNoTaken(certificateNos, match.signupId, sheet.certificateNo);
      if (taken) issue('certificateNo', taken, CERTIFICATE_TAKEN);
    }
    if (!sheet || !match || problems > 0) return z.NEVER;
    const signup = signups.get(match.signupId)!;
    const plan = planResult(savedResultOf(signup), sheet);
    return {
      signupId: match.signupId,
      sheet,
      check: {
        errors: plan.errors.map(toRowProblem),
        warnings: [...scoring, ...plan.warnings].map(toRowProblem),
      },
    };
  });

  /** A sign-up that has a result already: its row 更新结果, any other 首次录入. */
  const outcomes = new Set(['passed', 'failed', 'absent', 'violation']);
  const hasResult = (s: Signup) => outcomes.has(s.status) || s.score !== null;
  return {
    title: '成绩导入',
    fields: resultImportFields,
    rowSchema,
    ...signupKeys(['idNumber', 'admissionNo', 'studentNo']),
    // …and one 证书编号 is one candidate's (a row matched twice is refused by its identity).
    uniqueFields: [
      ...(signupKeys(['idNumber', 'admissionNo', 'studentNo']).uniqueFields ?? []),
      { field: 'certificateNo', normalise: normalizeText },
    ],
    existingKeys: () => new Set([...signups.values()].filter(hasResult).map((s) => String(s.id))),
    holds: (value) => {
      const saved = signups.get(value.signupId);
      return saved !== undefined && !planResult(savedResultOf(saved), value.sheet).changed;
    },
    checkRow: (value) => value.check,
    headline: matchHeadline,
    apply(rows: readonly ValidRow<ResultRow>[], progress, leftOut): ImportResult {
      const at = ctx.now();
      const writeResult = resultWriter(db);
      const recordAudit = signupAuditRecorder(ctx, at);
      // Planned again on the sign-ups as they are now, inside the transaction.
      const current = batchSignups(db, batch.id);
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      rows.forEach(({ value, rowNumber }, i) => {
        const before = current.get(value.signupId);
        if (!before) {
          throw new CoreError(
            'CONFLICT',
            `第 ${rowNumber} 行匹配到的报名已不存在（可能刚被删除），未导入任何成绩。请重新预览。`,
          );
        }
        const plan = planResult(savedResultOf(before), value.sheet);
        if (plan.errors.length > 0) {
          throw new CoreError(
            'CONFLICT',
            `第 ${rowNumber} 行：${plan.errors[0].reason}（报名在预览后有变化），未导入任何成绩。请重新预览。`,
          );
        }
        if (!plan.changed) {
          unchanged += 1;
        } else {
          writeResult(before.id, plan.next, at);
          recordAudit(before, { ...before, ...plan.next, updatedAt: at });
          if (hasResult(before)) updated += 1;
          else created += 1;
        }
        progress(i + 1);
      });
      // Saved since the preview: a number given meanwhile to another candidate refuses it all.
      const nowHeld = certificateNoHolders(db, batch.certificateId);
      for (const { value, rowNumber } of rows) {
        const taken =
          value.sheet.certificateNo &&
          certificateNoTaken(nowHeld, value.signupId, value.sheet.certificateNo);
        if (taken) {
          throw new CoreError(
            'CONFLICT',
            `第 ${rowNumber} 行：${taken}（报名在预览后有变化），未导入任何成绩。请重新预览。`,
          );
        }
      }
      const summary = {
        fileName,
        batchId: batch.id,
        total: rows.length,
        created,
        updated,
        unchanged,
        leftOut,
      };
      auditImport(ctx, 'result_import', batch.id, summary, at);
      return { total: rows.length, created, updated, unchanged };
    },
  };
}

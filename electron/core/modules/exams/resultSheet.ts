import type { ExamBatch } from '../../../../shared/contract/exams';
import { signupStatusLabels } from '../../../../shared/domain/exams';
import {
  noShowOutcomes,
  parseOutcome,
  parseScore,
  passesLine,
  weightedTotal,
  RESULT_GROUPS,
  type ResultProblem,
  type SheetOutcome,
  type SheetResult,
} from '../../../../shared/domain/examResults';
import { issuedOnProblem, type ExamDay } from '../../../../shared/domain/examDay';
import { normalizeText, parseDateText } from '../../../../shared/domain/text';
import type { ImportFieldSpec } from '../../io/header';
import { candidateColumns } from './candidateMatch';

/** A result sheet's columns, and reading one row of it into what the sheet says. */

export type ResultImportField =
  | 'admissionNo'
  | 'idNumber'
  | 'studentNo'
  | 'name'
  | 'theoryScore'
  | 'practicalScore'
  | 'score'
  | 'result'
  | 'certificateNo'
  | 'issuedOn';
type Field = ResultImportField;

/** The columns of a result sheet and the header texts evaluation organizations use for them. */
export const resultImportFields: readonly ImportFieldSpec<Field>[] = [
  {
    ...candidateColumns.admissionNo,
    rule: '培训评价组织的准考证号；会记在报名上，以后的成绩单可按它匹配。',
  },
  {
    ...candidateColumns.idNumber,
    lostDigitsWarning:
      '身份证号被 Excel 存成了数字，末几位已丢失，不用它匹配：改按准考证号或学号和姓名匹配',
  },
  { ...candidateColumns.studentNo, rule: '没有身份证号和准考证号时，按学号和姓名一起匹配。' },
  candidateColumns.name,
  {
    key: 'theoryScore',
    label: '理论成绩',
    synonyms: ['理论', '理论考试成绩', '理论考核成绩', '理论分', '理论得分'],
    rule: '0–1000 的数字；缺考可写“缺考”。',
    example: '82',
  },
  {
    key: 'practicalScore',
    label: '实操成绩',
    synonyms: ['实操', '实操考试成绩', '实操考核成绩', '实操分', '技能成绩', '实践成绩'],
    rule: '0–1000 的数字；缺考可写“缺考”。',
    example: '76',
  },
  {
    key: 'score',
    label: '总分',
    synonyms: ['成绩', '总成绩', '综合成绩', '考核成绩', '考试成绩', '分数', '得分'],
    rule: '0–1000 的数字；缺考可写“缺考”。',
    example: '78.4',
  },
  {
    key: 'result',
    label: '考核结果',
    synonyms: ['是否通过', '结果', '考试结果', '考核结论', '结论', '通过情况', '是否合格'],
    rule: '通过（合格）、未通过（不合格）、缺考或违纪；不填时，有证书编号视为通过，只有成绩视为已考。',
    example: '通过',
  },
  {
    key: 'certificateNo',
    label: '证书编号',
    synonyms: ['证书号', '证书号码', '证书编码'],
    rule: '只有通过的考生才有证书编号，最长 50 字。',
    example: 'WEB-2020-000001',
  },
  {
    key: 'issuedOn',
    label: '发证日期',
    synonyms: ['发证时间', '颁证日期', '证书日期', '发证年月日'],
    rule: '日期，如 2020-12-20、2020/12/20、2020.12.20、2020年12月20日、20201220，或 Excel 的日期序号（如 44185）。',
    example: '2020-12-20',
  },
];

/** One row's cells by column. */
export type ResultSheetRow = Record<Field, string>;

/** Reports a problem of the row: its column (null: the whole row), the message, its group. */
export type CellIssue = (field: Field | null, message: string, group: string) => void;

/** What reading a row needs of its batch: the exam day, the pass line and the parts' weights. */
export type SheetBatch = Pick<ExamBatch, 'passScore' | 'theoryWeight'> & { day: ExamDay };

export const UNREADABLE_GROUP = '单元格内容无法识别';

/**
 * What the row says: the verdict, scores, certificate; undefined (reported) if unreadable. The
 * batch's weights make a total of the two parts when the sheet has none, and its pass line a
 * verdict of a bare score; a verdict the sheet states wins over the pass line (a warning).
 */
export function readResultSheet(
  row: ResultSheetRow,
  batch: SheetBatch,
  issue: CellIssue,
  warn: (p: ResultProblem) => void,
): SheetResult | undefined {
  const scores = {} as Record<'score' | 'theoryScore' | 'practicalScore', number | null>;
  let absentMark = false;
  for (const field of ['theoryScore', 'practicalScore', 'score'] as const) {
    const parsed = parseScore(row[field]);
    if (parsed === undefined) {
      issue(field, `“${row[field]}”不是成绩：应为 0–1000 的数字或“缺考”`, UNREADABLE_GROUP);
      scores[field] = null;
    } else if (parsed === 'absent') {
      absentMark = true;
      scores[field] = null;
    } else scores[field] = parsed;
  }
  const verdict = parseOutcome(row.result);
  if (verdict === undefined) {
    issue(
      'result',
      `考核结果“${row.result}”无法识别，应为“通过”“未通过”“缺考”或“违纪”`,
      UNREADABLE_GROUP,
    );
  }
  let issuedOn = '';
  if (row.issuedOn !== '') {
    const date = parseDateText(row.issuedOn);
    if (date === undefined) {
      issue(
        'issuedOn',
        `发证日期“${row.issuedOn}”不是有效日期，格式如 2020-12-20`,
        UNREADABLE_GROUP,
      );
    } else {
      issuedOn = date;
      const wrong = issuedOnProblem(batch.day, date);
      if (wrong) issue('issuedOn', wrong, '发证日期不在考核日期与今天之间');
    }
  }
  const certificateNo = normalizeText(row.certificateNo);
  if (certificateNo.length > 50) {
    issue('certificateNo', '证书编号最长 50 字', UNREADABLE_GROUP);
  }
  if (normalizeText(row.admissionNo).length > 50)
    issue('admissionNo', '准考证号最长 50 字', UNREADABLE_GROUP);
  const anyScore = Object.values(scores).some((v) => v !== null);
  const { passScore, theoryWeight } = batch;
  if (
    scores.score === null &&
    scores.theoryScore !== null &&
    scores.practicalScore !== null &&
    theoryWeight !== null
  ) {
    scores.score = weightedTotal(scores.theoryScore, scores.practicalScore, theoryWeight);
  }
  let outcome: SheetOutcome;
  if (verdict) outcome = verdict;
  else if (absentMark) outcome = 'absent';
  else if (certificateNo !== '') outcome = 'passed';
  else if (scores.score !== null && passScore !== null) {
    outcome = passesLine(scores.score, passScore) ? 'passed' : 'failed';
  } else if (anyScore) outcome = 'examined';
  else {
    issue(null, '没有成绩、考核结果或证书编号，无法确定该考生的结果', '没有任何结果');
    return undefined;
  }
  if (noShowOutcomes.includes(outcome) && anyScore) {
    const field = verdict ? 'result' : 'score';
    issue(
      field,
      `成绩单写明${signupStatusLabels[outcome]}，却又有分数，请核对：缺考、违纪的考生没有成绩`,
      RESULT_GROUPS.contradiction,
    );
  } else if (absentMark && outcome !== 'absent') {
    issue(
      'result',
      `考核结果为“${signupStatusLabels[outcome]}”，成绩栏却写着“缺考”，请核对`,
      RESULT_GROUPS.contradiction,
    );
  }
  if (
    (outcome === 'passed' || outcome === 'failed') &&
    scores.score !== null &&
    passScore !== null &&
    passesLine(scores.score, passScore) !== (outcome === 'passed')
  ) {
    warn({
      field: 'result',
      reason: `总分 ${scores.score} ${outcome === 'passed' ? '低于' : '不低于'}本批次及格线 ${passScore}，成绩单却为“${signupStatusLabels[outcome]}”：以成绩单为准`,
      group: '考核结果与及格线不一致（以成绩单为准）',
    });
  }
  const sheet: SheetResult = {
    outcome,
    score: scores.score,
    theoryScore: scores.theoryScore,
    practicalScore: scores.practicalScore,
    admissionNo: normalizeText(row.admissionNo),
    certificateNo,
    issuedOn,
  };
  return sheet;
}

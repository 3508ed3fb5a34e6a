/**
 * The money rules of the notice for sign-ups (rules 11–13), pure so the ledger form and the core
 * give the same verdict:
 * - the fee never exceeds the cost cap of the certificate level (rule 11);
 * - no training fee is charged to a student: the only payer values are 学校承担, 财政补助 and
 *   学生自愿自费, the last only for an additional certificate (rule 12);
 * - every pilot student's exams include at least one paid by the school or a subsidy (rule 13).
 */
import { certificateLevelLabels, type CertificateLevel } from './certificate';
import { payerLabels, signupStatusLabels, type Payer, type SignupStatus } from './exams';
import { formatFen } from './money';
import { isLiveSignup, paidBySchool } from './signupFigures';

export { payerLabels, payers, signupStatusLabels, signupStatuses } from './exams';
export type { Payer, SignupStatus } from './exams';
export { isLiveSignup, paidBySchool } from './signupFigures';

export interface SignupPayerFact {
  id: number;
  status: SignupStatus;
  payer: Payer;
}

/**
 * Rule 12: 学生自愿自费 only for an additional certificate, i.e. when the student has another
 * non-withdrawn sign-up paid by the school or a subsidy. `signups` are all of one student's
 * sign-ups as they would be after the change; returns the ids paid by the student that break it.
 */
export function studentPaidWithoutSchoolPaid(signups: readonly SignupPayerFact[]): number[] {
  return signups
    .filter((s) => s.payer === 'student' && isLiveSignup(s.status))
    .filter(
      (own) =>
        !signups.some((o) => o.id !== own.id && isLiveSignup(o.status) && paidBySchool(o.payer)),
    )
    .map((s) => s.id);
}

export function studentPayerRefusal(studentName: string, studentNo: string): string {
  return `学生“${studentName}”（学号 ${studentNo}）没有其他由学校承担或财政补助的有效报名，不能设为“学生自愿自费”：学生自愿自费只适用于加考的证书，每名试点学生至少有一个证书的考核费由学校承担（通知第四部分）。`;
}

/**
 * Rule 13 (notice 四: the school pays the exam fee of at least one certificate for every pilot
 * student) for one pilot student, from all their sign-ups:
 * - `met`: a live sign-up paid by the school or a subsidy. 缺考 and 未通过 count: the school paid
 *   for that exam whatever its result;
 * - `selfPaidOnly` (只有自费): live sign-ups, every one paid by the student — a violation;
 * - `unscheduled` (尚未安排): no live sign-up yet (none, or every one withdrawn) — a to-do,
 *   counted apart from the violations.
 *
 * Who it covers — the pilot students of the current pilot year — is the students flagged
 * 试点学生 on the roster. The flag is how the coordinator says who takes part now (it is set per
 * student, on import or by hand, and cleared when a student leaves the pilot); entry year is
 * not used, because one pilot year's students span several entry cohorts and a project's year
 * says when the certificate was applied for, not which students sit it.
 */
export type SchoolPaidStanding = 'met' | 'selfPaidOnly' | 'unscheduled';

export function schoolPaidStanding(
  signups: readonly { status: SignupStatus; payer: Payer }[],
): SchoolPaidStanding {
  const live = signups.filter((s) => isLiveSignup(s.status));
  if (live.length === 0) return 'unscheduled';
  return live.some((s) => paidBySchool(s.payer)) ? 'met' : 'selfPaidOnly';
}

// ---- audit history: field labels and value formatting ----

/** Chinese labels of the fields audited for sign-ups, batches, agreements and payments. */
export const auditFieldLabels: Record<string, Record<string, string>> = {
  signup: {
    studentId: '学生',
    batchId: '考核批次',
    status: '状态',
    score: '成绩',
    theoryScore: '理论成绩',
    practicalScore: '实操成绩',
    admissionNo: '准考证号',
    certificateNo: '证书编号',
    issuedOn: '发证日期',
    platformRegistered: '平台已登记',
    creditBank: '已转入学分银行',
    feeFen: '费用',
    payer: '付费方',
  },
  result_import: {
    fileName: '成绩单文件',
    total: '导入行数',
    created: '首次录入',
    updated: '更新结果',
    unchanged: '结果未变',
    leftOut: '未导入的问题行',
  },
  exam_batch: {
    certificateId: '证书',
    level: '等级',
    name: '批次名称',
    examDate: '考核日期',
    siteId: '考点',
    siteText: '考点',
    organization: '培训评价组织',
    feeFen: '每人费用',
    capacity: '容量',
    passScore: '及格线',
    theoryWeight: '理论成绩占比',
    note: '备注',
  },
  fee_agreement: {
    certificateId: '证书',
    level: '等级',
    feeFen: '协商费用',
    capFen: '成本上限',
    capDocument: '上限依据',
    agreedOn: '协商日期',
    partnerSchools: '联合谈判学校',
    note: '备注',
  },
  payment: {
    organization: '培训评价组织',
    batchId: '考核批次',
    invoiceNo: '发票号',
    amountFen: '金额',
    paidOn: '付款日期',
    note: '备注',
  },
  fund_entry: {
    projectId: '试点项目',
    direction: '收支',
    category: '类别',
    amountFen: '金额',
    occurredOn: '日期',
    reference: '文号/发票号',
    party: '来源单位/收款方',
    signupId: '报名记录',
    attachmentId: '凭证文件',
    note: '备注',
  },
  student: {
    studentNo: '学号',
    name: '姓名',
    idNumber: '证件号码',
    className: '班级',
    pilot: '试点学生',
  },
};

/** Names for ids the entries refer to (batches, students), looked up by the core. */
export interface AuditNames {
  batch(id: number): string | undefined;
  student(id: number): string | undefined;
}

/** One audited value as a person reads it: ¥ for fen, labels for codes, 是/否 for flags. */
export function formatAuditValue(field: string, value: unknown, names: AuditNames): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field.endsWith('Fen') && typeof value === 'number') return formatFen(value);
  if (field === 'payer' && typeof value === 'string' && value in payerLabels) {
    return payerLabels[value as Payer];
  }
  if (field === 'status' && typeof value === 'string' && value in signupStatusLabels) {
    return signupStatusLabels[value as SignupStatus];
  }
  if (field === 'level' && typeof value === 'string' && value in certificateLevelLabels) {
    return certificateLevelLabels[value as CertificateLevel];
  }
  if (field === 'batchId' && typeof value === 'number') return names.batch(value) ?? `#${value}`;
  if (field === 'studentId' && typeof value === 'number') {
    return names.student(value) ?? `#${value}`;
  }
  if (field === 'platformRegistered' || field === 'creditBank' || field === 'pilot') {
    return value === 1 || value === true ? '是' : '否';
  }
  if (Array.isArray(value)) return value.map(String).join('、') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export interface AuditChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/**
 * The fields an entry changed, labelled in Chinese: for an update only those that differ; for a
 * create or delete every labelled field that has a value. Unlabelled keys (ids, timestamps)
 * are left out.
 */
export function auditChanges(
  entity: string,
  before: unknown,
  after: unknown,
  names: AuditNames,
): AuditChange[] {
  const labels = auditFieldLabels[entity] ?? {};
  const b = asRecord(before);
  const a = asRecord(after);
  const changes: AuditChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const was = b[field];
    const now = a[field];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    if (was === undefined && now === undefined) continue;
    changes.push({
      field,
      label,
      before: before === null ? '' : formatAuditValue(field, was, names),
      after: after === null ? '' : formatAuditValue(field, now, names),
    });
  }
  return changes;
}

/**
 * Rule 11 over time: the fee of an exam is judged against the cost cap (考核成本上限) and the
 * province-approved fee (省级核定收费标准) in force ON ITS EXAM DATE, for its exam form. Caps are
 * set per exam form and change between notices (教职所〔2019〕314号, 教职成厅函〔2020〕11号, …);
 * within a province the approved fee of a certificate level is one figure whatever the form
 * (教财厅函〔2020〕12号). Pure, so the forms, the core's refusals, 规则检查, the ledger and 首页
 * all name the same figure.
 */
import { certificateLevelLabels, type CertificateLevel } from './certificate';
import { formatChineseDate } from './dates';
import { formatFen } from './money';

/** How an exam is sat; a batch records one. */
export const examForms = ['paper', 'computer', 'practical', 'special_practical'] as const;
export type ExamForm = (typeof examForms)[number];

export const examFormLabels: Record<ExamForm, string> = {
  paper: '纸笔考试',
  computer: '机考',
  practical: '一般实操考试',
  special_practical: '特殊实操考试',
};

/** A cap's form: one of the exam forms, or `any` (未区分) for a cap that does not tell them apart. */
export const capForms = ['any', ...examForms] as const;
export type CapForm = (typeof capForms)[number];

export const capFormLabels: Record<CapForm, string> = { any: '未区分', ...examFormLabels };

export const feeLimitKinds = ['cap', 'approved_fee'] as const;
export type FeeLimitKind = (typeof feeLimitKinds)[number];

export const feeLimitKindLabels: Record<FeeLimitKind, string> = {
  cap: '考核成本上限',
  approved_fee: '省级核定收费标准',
};

/**
 * One published figure for one certificate level: a cap (per exam form) or the approved fee
 * (form `any`), with the document it comes from and its validity. Open ends are null: a cap with
 * no start applies to every earlier exam, one with no end until a later notice ends it.
 */
export interface FeeLimit {
  id: number;
  kind: FeeLimitKind;
  level: CertificateLevel;
  examForm: CapForm;
  amountFen: number;
  document: string;
  /** ISO dates, both inclusive. */
  validFrom: string | null;
  validUntil: string | null;
}

/** What a limit is looked up by: the batch's level, its exam form (null: not recorded) and date. */
export interface LimitQuery {
  level: CertificateLevel;
  examForm: ExamForm | null;
  /** The exam date (or the agreement date), ISO. */
  on: string;
}

export const isInForce = (limit: Pick<FeeLimit, 'validFrom' | 'validUntil'>, on: string): boolean =>
  (limit.validFrom === null || limit.validFrom <= on) &&
  (limit.validUntil === null || on <= limit.validUntil);

/** Of several candidates, the newest notice (latest start; an open start is the oldest). */
const newest = (limits: readonly FeeLimit[]): FeeLimit | null =>
  limits.reduce<FeeLimit | null>(
    (best, l) => (best === null || (l.validFrom ?? '') > (best.validFrom ?? '') ? l : best),
    null,
  );

/**
 * The cost cap in force for `query`. A cap for the batch's own exam form comes before a 未区分
 * one. A batch whose form is not recorded is judged by a 未区分 cap, else by the strictest cap of
 * any form in force that day, so an unrecorded form never hides an excess. Overlapping periods
 * are refused when saved; should two overlap anyway, the newer notice (later start) wins.
 */
export function capInForce(limits: readonly FeeLimit[], query: LimitQuery): FeeLimit | null {
  const live = limits.filter(
    (l) => l.kind === 'cap' && l.level === query.level && isInForce(l, query.on),
  );
  const own = query.examForm === null ? [] : live.filter((l) => l.examForm === query.examForm);
  const any = live.filter((l) => l.examForm === 'any');
  if (own.length > 0) return newest(own);
  if (any.length > 0) return newest(any);
  if (query.examForm !== null || live.length === 0) return null;
  return live.reduce((low, l) => (l.amountFen < low.amountFen ? l : low));
}

/** The province-approved fee of the level in force on the date (one figure whatever the form). */
export function approvedFeeInForce(
  limits: readonly FeeLimit[],
  query: Omit<LimitQuery, 'examForm'>,
): FeeLimit | null {
  return newest(
    limits.filter(
      (l) => l.kind === 'approved_fee' && l.level === query.level && isInForce(l, query.on),
    ),
  );
}

/**
 * The figure a fee must not exceed: the lower of the cap and the approved fee in force (the cap
 * on a tie, rule 11 being the notice's own rule); null when neither is recorded for that day.
 */
export function ceilingInForce(limits: readonly FeeLimit[], query: LimitQuery): FeeLimit | null {
  const cap = capInForce(limits, query);
  const approved = approvedFeeInForce(limits, query);
  if (cap === null) return approved;
  if (approved === null) return cap;
  return approved.amountFen < cap.amountFen ? approved : cap;
}

/** “2019年1月1日至2020年12月31日有效”, “2021年1月1日起有效”, “长期有效”. */
export function validityText(limit: Pick<FeeLimit, 'validFrom' | 'validUntil'>): string {
  const from = limit.validFrom && formatChineseDate(limit.validFrom);
  const until = limit.validUntil && formatChineseDate(limit.validUntil);
  if (from && until) return `${from}至${until}有效`;
  if (from) return `${from}起有效`;
  if (until) return `${until}前有效`;
  return '长期有效';
}

/** “机考考核成本上限”, “考核成本上限” (未区分), “省级核定收费标准”. */
export function limitName(limit: Pick<FeeLimit, 'kind' | 'examForm'>): string {
  const form =
    limit.kind === 'cap' && limit.examForm !== 'any' ? capFormLabels[limit.examForm] : '';
  return `${form}${feeLimitKindLabels[limit.kind]}`;
}

/** “机考考核成本上限 ¥500.00（教职所〔2019〕314号，2019年1月1日起有效）” */
export function limitText(limit: FeeLimit): string {
  return `${limitName(limit)} ${formatFen(limit.amountFen)}（${limit.document}，${validityText(limit)}）`;
}

/**
 * A fee above the limit in force on `on`, naming the figure, its document and validity:
 * “考核费 ¥520.00 超过 2020年9月1日 适用的机考考核成本上限 ¥500.00（教职所〔2019〕314号，
 * 2019年1月1日起有效）”. null when within, or when no limit applies.
 */
export function feeOverLimitMessage(
  what: string,
  feeFen: number,
  limit: FeeLimit | null,
  on: string,
): string | null {
  if (limit === null || feeFen <= limit.amountFen) return null;
  return `${what} ${formatFen(feeFen)} 超过 ${formatChineseDate(on)} 适用的${limitText(limit)}`;
}

/** “初级 机考 考核成本上限” — how a limit is named in a list of problems. */
const limitKey = (l: Pick<FeeLimit, 'kind' | 'level' | 'examForm'>) =>
  `${certificateLevelLabels[l.level]}${limitName(l)}`;

/**
 * Two limits of the same kind, level and form whose periods share a day would make the figure of
 * that day ambiguous; returns, for each limit that overlaps an earlier one in the list, its index
 * and a message naming both. Caps of different forms (including 未区分) may overlap: the form
 * decides (see `capInForce`).
 */
export function limitOverlaps(
  limits: readonly Omit<FeeLimit, 'id'>[],
): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  limits.forEach((l, index) => {
    const clash = limits
      .slice(0, index)
      .find(
        (o) =>
          o.kind === l.kind &&
          o.level === l.level &&
          o.examForm === l.examForm &&
          (o.validFrom === null || l.validUntil === null || o.validFrom <= l.validUntil) &&
          (l.validFrom === null || o.validUntil === null || l.validFrom <= o.validUntil),
      );
    if (clash) {
      problems.push({
        index,
        message: `${limitKey(l)}的有效期（${validityText(l)}）与另一条（${clash.document}，${validityText(clash)}）重叠：同一等级、同一考核形式在同一天只能有一个标准，请把旧文件的“有效期至”改到新文件生效的前一天`,
      });
    }
  });
  return problems;
}

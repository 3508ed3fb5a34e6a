import { formatChineseDate } from './dates';

/**
 * 考核站点 (exam sites): the school applies, per certificate, to be an exam site of the
 * evaluation organization; an approval covers some of its 实训室 and 实习实训场所 for a valid
 * period. This file holds the one rule every view and the core's batch save use.
 */

export const examSiteStatuses = ['pending', 'approved', 'rejected'] as const;
export type ExamSiteStatus = (typeof examSiteStatuses)[number];

export const examSiteStatusLabels: Record<ExamSiteStatus, string> = {
  pending: '申请中',
  approved: '已批准',
  rejected: '未通过',
};

/** A place chosen from the school's lists: a 实训室 (room) or a 实习实训场所 (site). */
export type PlaceKind = 'room' | 'site';
export interface PlaceRef {
  kind: PlaceKind;
  id: number;
}

/** What the rule needs of one application. `validTo` null: no end date (长期有效). */
export interface ExamSiteCover {
  id: number;
  certificateId: number;
  status: ExamSiteStatus;
  validFrom: string | null;
  validTo: string | null;
  roomIds: readonly number[];
  siteIds: readonly number[];
}

/** Why a chosen place is not an approved exam site on that date. */
export type NotApprovedReason =
  /** No application of the certificate covers the place (there may be approved ones elsewhere). */
  | 'notCovered'
  /** An approved application covers it, but the exam date is outside its valid period. */
  | 'outsideValidity'
  /** The only applications covering it are still 申请中. */
  | 'pending'
  /** The only applications covering it were 未通过. */
  | 'rejected';

/**
 * A batch's place judged against the certificate's exam-site applications:
 * - `approved`: an approved application covers the place on the date;
 * - `notApproved`: a room or site that is not, with the reason (and the period that missed);
 * - `unchecked`: the place is typed text (it cannot be matched to an application);
 * - `none`: no place recorded yet.
 */
export type ExamSiteVerdict =
  | { kind: 'approved'; applicationId: number; validFrom: string; validTo: string | null }
  | {
      kind: 'notApproved';
      reason: NotApprovedReason;
      /** With `outsideValidity`: the approved period closest to the date. */
      validFrom?: string;
      validTo?: string | null;
    }
  | { kind: 'unchecked' }
  | { kind: 'none' };

const covers = (application: ExamSiteCover, place: PlaceRef) =>
  (place.kind === 'room' ? application.roomIds : application.siteIds).includes(place.id);

/** Whether `date` is inside the period (both ends included; an open end never closes). */
export function withinValidity(
  date: string,
  period: { validFrom: string | null; validTo: string | null },
): boolean {
  if (period.validFrom === null || date < period.validFrom) return false;
  return period.validTo === null || date <= period.validTo;
}

/**
 * The rule: a place is an approved exam site for certificate C on date D when an approved
 * application for C covers that place and D is within its valid period. Pending and rejected
 * applications never count; a typed place cannot be checked.
 */
export function examSiteVerdict(
  applications: readonly ExamSiteCover[],
  query: { certificateId: number; place: PlaceRef | null; placeText: string; date: string },
): ExamSiteVerdict {
  const { place } = query;
  if (place === null)
    return query.placeText.trim() === '' ? { kind: 'none' } : { kind: 'unchecked' };
  const covering = applications.filter(
    (a) => a.certificateId === query.certificateId && covers(a, place),
  );
  const approved = covering.filter((a) => a.status === 'approved');
  const inForce = approved.find((a) => withinValidity(query.date, a));
  if (inForce) {
    return {
      kind: 'approved',
      applicationId: inForce.id,
      validFrom: inForce.validFrom as string,
      validTo: inForce.validTo,
    };
  }
  if (approved.length > 0) {
    // The period nearest the date: the latest one starting on or before it, else the earliest.
    const sorted = [...approved].sort((a, b) =>
      (a.validFrom ?? '').localeCompare(b.validFrom ?? ''),
    );
    const nearest =
      [...sorted].reverse().find((a) => (a.validFrom ?? '') <= query.date) ?? sorted[0]!;
    return {
      kind: 'notApproved',
      reason: 'outsideValidity',
      validFrom: nearest.validFrom ?? '',
      validTo: nearest.validTo,
    };
  }
  if (covering.some((a) => a.status === 'pending'))
    return { kind: 'notApproved', reason: 'pending' };
  if (covering.length > 0) return { kind: 'notApproved', reason: 'rejected' };
  return { kind: 'notApproved', reason: 'notCovered' };
}

/** '2021年1月1日至2023年12月31日' or '2021年1月1日起长期有效'. */
export function validPeriodText(validFrom: string, validTo: string | null): string {
  return validTo === null
    ? `${formatChineseDate(validFrom)}起长期有效`
    : `${formatChineseDate(validFrom)}至${formatChineseDate(validTo)}`;
}

/** The reason in words, for the warning and the batch detail. */
export function notApprovedReasonText(
  verdict: Extract<ExamSiteVerdict, { kind: 'notApproved' }>,
  date: string,
): string {
  switch (verdict.reason) {
    case 'outsideValidity':
      return `考核日期 ${formatChineseDate(date)} 不在批准有效期（${validPeriodText(verdict.validFrom ?? '', verdict.validTo ?? null)}）内`;
    case 'pending':
      return '该场所的考核站点申请尚在审批中';
    case 'rejected':
      return '该场所的考核站点申请未通过';
    case 'notCovered':
      return '该证书没有覆盖此场所的已批准考核站点申请';
  }
}

/** “实训楼 301 不是该证书已批准的考核站点（原因）”: the warning's first sentence. */
export function notApprovedMessage(
  placeName: string,
  verdict: Extract<ExamSiteVerdict, { kind: 'notApproved' }>,
  date: string,
): string {
  return `“${placeName}”不是该证书已批准的考核站点（${notApprovedReasonText(verdict, date)}）`;
}

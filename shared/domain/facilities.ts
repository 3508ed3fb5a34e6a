/** Training rooms (实训室) and internship/training sites (实习实训场所). */
export const campusKinds = ['on', 'off'] as const;
export type CampusKind = (typeof campusKinds)[number];

export const campusLabels: Record<CampusKind, string> = { on: '校内', off: '校外' };

export interface EquipmentLine {
  quantity: number;
  unitValueFen: number;
}

/** Value of one equipment line in fen: quantity × unit value, exact in integers. */
export function lineValueFen(line: EquipmentLine): number {
  return line.quantity * line.unitValueFen;
}

/** Total value of a room's equipment list in fen. */
export function equipmentTotalFen(lines: readonly EquipmentLine[]): number {
  return lines.reduce((sum, line) => sum + lineValueFen(line), 0);
}

/** Areas are kept in m² with at most two decimals (0.01 m²). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

export type AgreementStatus = 'none' | 'pending' | 'active' | 'expired';

/**
 * Where an agreement period stands on a given day (ISO dates compare as text): not recorded,
 * not started, in force (both ends inclusive), or expired.
 */
export function agreementStatus(
  start: string | null,
  end: string | null,
  today: string,
): AgreementStatus {
  if (!start || !end) return 'none';
  if (today < start) return 'pending';
  if (today > end) return 'expired';
  return 'active';
}

export interface SiteCrossFields {
  campus: CampusKind | undefined;
  partner: string;
  agreementStart: string | null;
  agreementEnd: string | null;
}

export interface SiteIssue {
  path: 'partner' | 'agreementStart' | 'agreementEnd';
  message: string;
}

/**
 * Rules across a site's fields, used by the contract and by the form as the user types: an
 * off-campus site names its partner enterprise; an agreement period has both ends, in order.
 */
export function siteCrossFieldIssues(site: SiteCrossFields): SiteIssue[] {
  const issues: SiteIssue[] = [];
  const { agreementStart: start, agreementEnd: end } = site;
  if (site.campus === 'off' && site.partner.trim() === '') {
    issues.push({ path: 'partner', message: '校外场所须填写合作企业' });
  }
  if (start && !end) {
    issues.push({ path: 'agreementEnd', message: '已填写协议开始日期，请同时填写协议结束日期' });
  }
  if (!start && end) {
    issues.push({ path: 'agreementStart', message: '已填写协议结束日期，请同时填写协议开始日期' });
  }
  if (start && end && end < start) {
    issues.push({ path: 'agreementEnd', message: '协议结束日期不能早于开始日期' });
  }
  return issues;
}

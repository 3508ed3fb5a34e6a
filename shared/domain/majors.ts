/**
 * Majors (专业) of the school. Codes follow the 2021 vocational major catalogue: 6 digits,
 * 大类 (2) + 类 (2) + 专业 (2), e.g. 510203 软件技术. No catalogue is bundled, so only the shape
 * of a code is checked, never whether the catalogue lists it.
 */
export const majorLevels = [
  'secondary',
  'junior_college',
  'vocational_bachelor',
  'bachelor',
] as const;
export type MajorLevel = (typeof majorLevels)[number];

export const majorLevelLabels: Record<MajorLevel, string> = {
  secondary: '中职',
  junior_college: '高职专科',
  vocational_bachelor: '职业本科',
  bachelor: '本科',
};

export const majorCodePattern = /^\d{6}$/;

/** 510203 → { category: '51', group: '5102', code: '510203' }; undefined for a bad shape. */
export function splitMajorCode(
  code: string,
): { category: string; group: string; code: string } | undefined {
  if (!majorCodePattern.test(code)) return undefined;
  return { category: code.slice(0, 2), group: code.slice(0, 4), code };
}

/** Years the app accepts for catalogues and enrolment: four digits, within reason. */
export const yearRange = { min: 1950, max: 2100 } as const;

/** A first enrolment can be planned for next year at the latest. */
export function latestFirstEnrolmentYear(today: Date): number {
  return today.getFullYear() + 1;
}

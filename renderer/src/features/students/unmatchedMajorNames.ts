import type { Major } from '../../../../shared/contract/majors';
import type { ImportPreview, ImportProblemGroup } from '../../../../shared/contract/imports';
import type { MajorLevel } from '../../../../shared/domain/majors';
import type { UnmatchedMajorName } from '../majors/MajorsFromNamesModal';

/**
 * The distinct 专业 texts of the 专业未匹配 group's rows (spaces and letter case ignored, as the
 * core matches names), most rows first, each with the earliest 入学年份 its rows give.
 */
export function unmatchedMajorNames(
  group: ImportProblemGroup,
  result: ImportPreview,
): UnmatchedMajorName[] {
  const byKey = new Map<string, UnmatchedMajorName>();
  for (const { rowNumber } of group.problems) {
    const values = result.listedValues[rowNumber] ?? {};
    const text = (values.major ?? '').trim();
    if (text === '') continue;
    const key = text.replace(/\s+/g, '').toLowerCase();
    const year = /(\d{4})/.exec(values.entryYear ?? '');
    const entryYear = year ? Number(year[1]) : null;
    const seen = byKey.get(key) ?? { text, count: 0, firstEntryYear: null };
    seen.count += 1;
    if (entryYear !== null && (seen.firstEntryYear === null || entryYear < seen.firstEntryYear)) {
      seen.firstEntryYear = entryYear;
    }
    byKey.set(key, seen);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}

/** The level most of the school's majors have: the likely level of a new one. */
export function usualLevel(majors: readonly Major[]): MajorLevel | undefined {
  const counts = new Map<MajorLevel, number>();
  for (const m of majors) counts.set(m.level, (counts.get(m.level) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

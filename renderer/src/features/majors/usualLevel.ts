import type { Major } from '../../../../shared/contract/majors';
import type { MajorLevel } from '../../../../shared/domain/majors';

/** The level most of the school's majors have: the likely level of a new one. */
export function usualLevel(majors: readonly Major[]): MajorLevel | undefined {
  const counts = new Map<MajorLevel, number>();
  for (const m of majors) counts.set(m.level, (counts.get(m.level) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The outcome of one rule check, shown the same way in forms, the self-check and exports. */
export type VerdictLevel = 'pass' | 'warn' | 'fail';

export interface Verdict {
  /** Stable identifier of the rule, e.g. `school.kind`. */
  rule: string;
  level: VerdictLevel;
  /** Chinese explanation that names the facts behind the verdict. */
  message: string;
  /** The form field that fixes the problem, for a link or focus. */
  field?: string;
}

const severity: Record<VerdictLevel, number> = { pass: 0, warn: 1, fail: 2 };

/** The worst level among verdicts; an empty list passes. */
export function worstLevel(verdicts: readonly Verdict[]): VerdictLevel {
  return verdicts.reduce<VerdictLevel>(
    (worst, v) => (severity[v.level] > severity[worst] ? v.level : worst),
    'pass',
  );
}

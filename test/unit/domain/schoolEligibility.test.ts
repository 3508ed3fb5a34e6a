import { describe, expect, it } from 'vitest';
import { checkSchoolEligibility } from '../../../shared/domain/schoolEligibility';
import { demonstrationLevels } from '../../../shared/domain/school';
import { worstLevel } from '../../../shared/domain/verdict';

describe('checkSchoolEligibility (notice 二, rules 1–2)', () => {
  it('excludes technical schools whatever their demonstration level', () => {
    for (const demonstrationLevel of demonstrationLevels) {
      const verdicts = checkSchoolEligibility({ kind: 'technical_school', demonstrationLevel });
      expect(worstLevel(verdicts)).toBe('fail');
      expect(verdicts[0]).toMatchObject({ rule: 'school.kind', field: 'kind' });
      expect(verdicts[0].message).toContain('技工学校');
    }
  });

  it('lets applied undergraduate universities join voluntarily, with no demonstration check', () => {
    const verdicts = checkSchoolEligibility({
      kind: 'applied_undergraduate',
      demonstrationLevel: 'none',
    });
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0].level).toBe('pass');
    expect(verdicts[0].message).toContain('自愿');
  });

  it.each(['higher_vocational', 'secondary_vocational'] as const)(
    '%s passes at provincial or national level and is warned (not failed) below',
    (kind) => {
      expect(worstLevel(checkSchoolEligibility({ kind, demonstrationLevel: 'national' }))).toBe(
        'pass',
      );
      expect(worstLevel(checkSchoolEligibility({ kind, demonstrationLevel: 'provincial' }))).toBe(
        'pass',
      );
      for (const demonstrationLevel of ['municipal', 'none'] as const) {
        const verdicts = checkSchoolEligibility({ kind, demonstrationLevel });
        expect(worstLevel(verdicts)).toBe('warn');
        const warning = verdicts.find((v) => v.rule === 'school.demonstration');
        expect(warning?.field).toBe('demonstrationLevel');
        expect(warning?.message).toContain('省级及以上');
      }
    },
  );
});

describe('worstLevel', () => {
  it('orders fail over warn over pass, and an empty list passes', () => {
    expect(worstLevel([])).toBe('pass');
    const v = (level: 'pass' | 'warn' | 'fail') => ({ rule: 'r', level, message: '' });
    expect(worstLevel([v('pass'), v('warn')])).toBe('warn');
    expect(worstLevel([v('fail'), v('warn'), v('pass')])).toBe('fail');
  });
});

import {
  demonstrationLevelLabels,
  schoolKindLabels,
  type DemonstrationLevel,
  type SchoolKind,
} from './school';
import type { Verdict } from './verdict';

export interface SchoolEligibilityInput {
  kind: SchoolKind;
  demonstrationLevel: DemonstrationLevel;
}

/**
 * Notice 鄂教职成办〔2020〕1号, 二、申报条件, rules 1–2 of docs/rules.md: higher and secondary
 * vocational schools are the main pilots, applied undergraduate universities join voluntarily,
 * technical schools are excluded; a vocational school should "in principle" be a provincial or
 * national demonstration school, so missing that is a warning, not a block.
 */
export function checkSchoolEligibility(input: SchoolEligibilityInput): Verdict[] {
  const kindLabel = schoolKindLabels[input.kind];
  const verdicts: Verdict[] = [];

  switch (input.kind) {
    case 'technical_school':
      verdicts.push({
        rule: 'school.kind',
        level: 'fail',
        message: `${kindLabel}不在试点范围内：通知规定试点院校以高等职业学校、中等职业学校（不含技工学校）为主。`,
        field: 'kind',
      });
      return verdicts;
    case 'applied_undergraduate':
      verdicts.push({
        rule: 'school.kind',
        level: 'pass',
        message: `${kindLabel}可自愿参与试点。`,
        field: 'kind',
      });
      return verdicts;
    case 'higher_vocational':
    case 'secondary_vocational':
      verdicts.push({
        rule: 'school.kind',
        level: 'pass',
        message: `${kindLabel}是试点的主体院校类型。`,
        field: 'kind',
      });
  }

  const isProvincialOrHigher =
    input.demonstrationLevel === 'national' || input.demonstrationLevel === 'provincial';
  verdicts.push(
    isProvincialOrHigher
      ? {
          rule: 'school.demonstration',
          level: 'pass',
          message: `学校为${demonstrationLevelLabels[input.demonstrationLevel]}示范性职业学校，符合“原则上应为省级及以上示范性职业学校”。`,
          field: 'demonstrationLevel',
        }
      : {
          rule: 'school.demonstration',
          level: 'warn',
          message: `示范校级别为“${demonstrationLevelLabels[input.demonstrationLevel]}”：通知要求职业学校原则上应为省级及以上示范性职业学校，申报时请说明情况。`,
          field: 'demonstrationLevel',
        },
  );
  return verdicts;
}

import { describe, expect, it } from 'vitest';
import {
  agreementStatus,
  equipmentTotalFen,
  hasAtMostTwoDecimals,
  lineValueFen,
  siteCrossFieldIssues,
} from '../../../shared/domain/facilities';
import { latestFirstEnrolmentYear, splitMajorCode } from '../../../shared/domain/majors';

describe('equipment values in fen', () => {
  it('multiplies and sums in integers', () => {
    expect(lineValueFen({ quantity: 3, unitValueFen: 10 })).toBe(30);
    // 0.1 + 0.2 in yuan would drift as floats; in fen it is exact.
    expect(
      equipmentTotalFen([
        { quantity: 1, unitValueFen: 10 },
        { quantity: 1, unitValueFen: 20 },
      ]),
    ).toBe(30);
    expect(equipmentTotalFen([])).toBe(0);
  });
});

describe('hasAtMostTwoDecimals', () => {
  it.each([
    [120, true],
    [85.5, true],
    [0.01, true],
    [12.34, true],
    [12.345, false],
    [Number.NaN, false],
    [Number.POSITIVE_INFINITY, false],
  ])('%d → %s', (value, ok) => {
    expect(hasAtMostTwoDecimals(value)).toBe(ok);
  });
});

describe('agreementStatus', () => {
  it('is none without both dates, and inclusive at both ends', () => {
    expect(agreementStatus(null, null, '2021-01-01')).toBe('none');
    expect(agreementStatus('2020-09-01', null, '2021-01-01')).toBe('none');
    expect(agreementStatus('2020-09-01', '2023-08-31', '2020-08-31')).toBe('pending');
    expect(agreementStatus('2020-09-01', '2023-08-31', '2020-09-01')).toBe('active');
    expect(agreementStatus('2020-09-01', '2023-08-31', '2023-08-31')).toBe('active');
    expect(agreementStatus('2020-09-01', '2023-08-31', '2023-09-01')).toBe('expired');
  });
});

describe('siteCrossFieldIssues', () => {
  const site = {
    campus: 'off' as const,
    partner: '某某公司',
    agreementStart: '2020-09-01',
    agreementEnd: '2023-08-31',
  };

  it('accepts a complete off-campus site and an on-campus site without a partner', () => {
    expect(siteCrossFieldIssues(site)).toEqual([]);
    expect(
      siteCrossFieldIssues({ campus: 'on', partner: '', agreementStart: null, agreementEnd: null }),
    ).toEqual([]);
  });

  it('needs a partner off campus (blank counts as missing)', () => {
    expect(siteCrossFieldIssues({ ...site, partner: '  ' })).toEqual([
      { path: 'partner', message: '校外场所须填写合作企业' },
    ]);
  });

  it('needs both agreement dates, end not before start; the same day is fine', () => {
    expect(siteCrossFieldIssues({ ...site, agreementEnd: null })[0].path).toBe('agreementEnd');
    expect(siteCrossFieldIssues({ ...site, agreementStart: null })[0].path).toBe('agreementStart');
    expect(siteCrossFieldIssues({ ...site, agreementEnd: '2020-08-31' })).toEqual([
      { path: 'agreementEnd', message: '协议结束日期不能早于开始日期' },
    ]);
    expect(siteCrossFieldIssues({ ...site, agreementEnd: '2020-09-01' })).toEqual([]);
  });
});

describe('major codes', () => {
  it('splits a 6-digit code into 大类 and 类, and refuses other shapes', () => {
    expect(splitMajorCode('510203')).toEqual({ category: '51', group: '5102', code: '510203' });
    expect(splitMajorCode('51020')).toBeUndefined();
    expect(splitMajorCode('51020x')).toBeUndefined();
  });

  it('allows a first enrolment up to next year', () => {
    expect(latestFirstEnrolmentYear(new Date(2026, 11, 31))).toBe(2027);
  });
});

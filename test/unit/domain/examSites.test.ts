import { describe, expect, it } from 'vitest';
import {
  examSiteVerdict,
  notApprovedMessage,
  validPeriodText,
  withinValidity,
  type ExamSiteCover,
} from '../../../shared/domain/examSites';

const cover = (overrides: Partial<ExamSiteCover> = {}): ExamSiteCover => ({
  id: 1,
  certificateId: 7,
  status: 'approved',
  validFrom: '2021-01-01',
  validTo: '2023-12-31',
  roomIds: [3],
  siteIds: [],
  ...overrides,
});

const room3 = { certificateId: 7, place: { kind: 'room', id: 3 } as const, placeText: '' };

describe('examSiteVerdict: the 考核站点 rule', () => {
  it('approves a covered place on both ends of the period and refuses the days outside', () => {
    const apps = [cover()];
    for (const date of ['2021-01-01', '2022-06-30', '2023-12-31']) {
      expect(examSiteVerdict(apps, { ...room3, date })).toEqual({
        kind: 'approved',
        applicationId: 1,
        validFrom: '2021-01-01',
        validTo: '2023-12-31',
      });
    }
    for (const date of ['2020-12-31', '2024-01-01']) {
      expect(examSiteVerdict(apps, { ...room3, date })).toEqual({
        kind: 'notApproved',
        reason: 'outsideValidity',
        validFrom: '2021-01-01',
        validTo: '2023-12-31',
      });
    }
  });

  it('treats an open end as no end, and picks any approval in force among several', () => {
    expect(withinValidity('2099-01-01', { validFrom: '2021-01-01', validTo: null })).toBe(true);
    expect(withinValidity('2020-12-31', { validFrom: '2021-01-01', validTo: null })).toBe(false);
    expect(withinValidity('2021-01-01', { validFrom: null, validTo: null })).toBe(false);
    const apps = [cover(), cover({ id: 2, validFrom: '2024-01-01', validTo: null })];
    expect(examSiteVerdict(apps, { ...room3, date: '2030-05-01' })).toMatchObject({
      kind: 'approved',
      applicationId: 2,
    });
    // Outside every period: the one that began last before the date is named.
    const gap = [cover({ validTo: '2021-06-30' }), cover({ id: 2, validFrom: '2022-01-01' })];
    expect(examSiteVerdict(gap, { ...room3, date: '2021-09-01' })).toMatchObject({
      reason: 'outsideValidity',
      validTo: '2021-06-30',
    });
  });

  it('never counts pending or rejected applications, another certificate or another place', () => {
    const date = '2022-01-01';
    expect(examSiteVerdict([cover({ status: 'pending' })], { ...room3, date })).toEqual({
      kind: 'notApproved',
      reason: 'pending',
    });
    expect(examSiteVerdict([cover({ status: 'rejected' })], { ...room3, date })).toEqual({
      kind: 'notApproved',
      reason: 'rejected',
    });
    expect(examSiteVerdict([cover({ certificateId: 8 })], { ...room3, date })).toEqual({
      kind: 'notApproved',
      reason: 'notCovered',
    });
    // Room 3 and site 3 are different places.
    expect(
      examSiteVerdict([cover()], { ...room3, place: { kind: 'site', id: 3 }, date }),
    ).toMatchObject({ reason: 'notCovered' });
  });

  it('cannot check a typed place and says when there is none', () => {
    const typed = { certificateId: 7, place: null, date: '2022-01-01' };
    expect(examSiteVerdict([cover()], { ...typed, placeText: '实训楼 301' })).toEqual({
      kind: 'unchecked',
    });
    expect(examSiteVerdict([cover()], { ...typed, placeText: '  ' })).toEqual({ kind: 'none' });
  });

  it('words the warning with the place, the reason and the period', () => {
    expect(validPeriodText('2021-01-01', null)).toBe('2021年1月1日起长期有效');
    expect(
      notApprovedMessage(
        '软件开发实训室',
        {
          kind: 'notApproved',
          reason: 'outsideValidity',
          validFrom: '2021-01-01',
          validTo: '2023-12-31',
        },
        '2024-01-02',
      ),
    ).toBe(
      '“软件开发实训室”不是该证书已批准的考核站点（考核日期 2024年1月2日 不在批准有效期（2021年1月1日至2023年12月31日）内）',
    );
  });
});

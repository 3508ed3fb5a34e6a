import { describe, expect, it } from 'vitest';
import {
  approvedFeeInForce,
  capInForce,
  ceilingInForce,
  feeOverLimitMessage,
  limitOverlaps,
  validityText,
  type FeeLimit,
} from '../../../shared/domain/costCaps';

let nextId = 1;
const limit = (over: Partial<FeeLimit>): FeeLimit => ({
  id: nextId++,
  kind: 'cap',
  level: 'junior',
  examForm: 'any',
  amountFen: 50000,
  document: '教职所〔2019〕314号',
  validFrom: null,
  validUntil: null,
  ...over,
});

const old2019 = limit({
  examForm: 'computer',
  amountFen: 50000,
  validFrom: '2019-09-01',
  validUntil: '2020-12-31',
});
const new2021 = limit({
  examForm: 'computer',
  amountFen: 42000,
  document: '教职成厅函〔2020〕11号',
  validFrom: '2021-01-01',
});
const paper = limit({ examForm: 'paper', amountFen: 30000 });
const anyForm = limit({ examForm: 'any', amountFen: 60000, document: '旧文件' });

const q = (on: string, examForm: FeeLimit['examForm'] | null = 'computer') => ({
  level: 'junior' as const,
  examForm: examForm === 'any' ? null : examForm,
  on,
});

describe('capInForce', () => {
  it('takes the cap whose period holds the exam date, both ends inclusive', () => {
    const caps = [old2019, new2021];
    expect(capInForce(caps, q('2019-09-01'))).toBe(old2019);
    expect(capInForce(caps, q('2020-12-31'))).toBe(old2019);
    expect(capInForce(caps, q('2021-01-01'))).toBe(new2021);
    expect(capInForce(caps, q('2030-06-30'))).toBe(new2021);
  });

  it('has no cap before the first one starts, nor for another level', () => {
    expect(capInForce([old2019, new2021], q('2019-08-31'))).toBeNull();
    expect(capInForce([old2019], { ...q('2020-01-01'), level: 'senior' })).toBeNull();
    expect(capInForce([], q('2020-01-01'))).toBeNull();
  });

  it('prefers the batch’s own form over a 未区分 cap, and falls back to 未区分', () => {
    const caps = [anyForm, old2019, paper];
    expect(capInForce(caps, q('2020-01-01'))).toBe(old2019);
    expect(capInForce(caps, q('2020-01-01', 'practical'))).toBe(anyForm);
    expect(capInForce([old2019, paper], q('2020-01-01', 'practical'))).toBeNull();
  });

  it('judges a batch of unrecorded form by 未区分, else by the strictest cap of the day', () => {
    expect(capInForce([anyForm, paper, old2019], q('2020-01-01', null))).toBe(anyForm);
    expect(capInForce([paper, old2019], q('2020-01-01', null))).toBe(paper);
    expect(capInForce([paper, old2019], q('2021-06-01', null))).toBe(paper);
  });

  it('lets the newer notice win where two periods overlap anyway', () => {
    const overlapping = limit({ examForm: 'computer', amountFen: 45000, validFrom: '2020-07-01' });
    expect(capInForce([old2019, overlapping], q('2020-08-01'))).toBe(overlapping);
    expect(capInForce([overlapping, old2019], q('2020-08-01'))).toBe(overlapping);
    expect(capInForce([overlapping, old2019], q('2020-06-30'))).toBe(old2019);
  });
});

describe('the approved fee and the ceiling', () => {
  const approved = limit({
    kind: 'approved_fee',
    amountFen: 46000,
    document: '鄂教财〔2020〕8号',
    validFrom: '2020-01-01',
  });

  it('takes the approved fee of the day whatever the form', () => {
    expect(approvedFeeInForce([approved, old2019], { level: 'junior', on: '2020-05-01' })).toBe(
      approved,
    );
    expect(approvedFeeInForce([approved], { level: 'junior', on: '2019-12-31' })).toBeNull();
  });

  it('is the lower of cap and approved fee, the cap on a tie', () => {
    expect(ceilingInForce([approved, old2019], q('2020-05-01'))).toBe(approved);
    expect(ceilingInForce([approved, old2019], q('2019-10-01'))).toBe(old2019);
    expect(ceilingInForce([approved, new2021], q('2021-05-01'))).toBe(new2021);
    const tie = limit({ kind: 'approved_fee', amountFen: 50000 });
    expect(ceilingInForce([tie, old2019], q('2020-05-01'))).toBe(old2019);
    expect(ceilingInForce([approved], q('2020-05-01'))).toBe(approved);
    expect(ceilingInForce([], q('2020-05-01'))).toBeNull();
  });
});

describe('messages', () => {
  it('names the figure, its form, document, validity and the exam date', () => {
    expect(feeOverLimitMessage('考核费', 52000, old2019, '2020-09-01')).toBe(
      '考核费 ¥520.00 超过 2020年9月1日 适用的机考考核成本上限 ¥500.00（教职所〔2019〕314号，2019年9月1日至2020年12月31日有效）',
    );
    expect(feeOverLimitMessage('考核费', 50000, old2019, '2020-09-01')).toBeNull();
    expect(feeOverLimitMessage('考核费', 99999, null, '2020-09-01')).toBeNull();
  });

  it('says the validity in words', () => {
    expect(validityText({ validFrom: null, validUntil: null })).toBe('长期有效');
    expect(validityText({ validFrom: '2021-01-01', validUntil: null })).toBe('2021年1月1日起有效');
    expect(validityText({ validFrom: null, validUntil: '2020-12-31' })).toBe(
      '2020年12月31日前有效',
    );
  });
});

describe('limitOverlaps', () => {
  it('flags a second cap of the same level and form sharing a day, not end-to-end ones', () => {
    expect(limitOverlaps([old2019, new2021])).toEqual([]);
    expect(limitOverlaps([old2019, { ...new2021, validFrom: '2020-12-31' }])).toEqual([
      { index: 1, message: expect.stringContaining('重叠') },
    ]);
    // An open start overlaps everything before its end.
    expect(limitOverlaps([limit({ examForm: 'computer' }), new2021])).toHaveLength(1);
  });

  it('lets caps of different forms, levels or kinds share days', () => {
    expect(
      limitOverlaps([
        old2019,
        anyForm,
        paper,
        limit({ level: 'senior', examForm: 'computer' }),
        limit({ kind: 'approved_fee' }),
      ]),
    ).toEqual([]);
  });
});

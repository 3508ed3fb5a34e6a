import { describe, expect, it } from 'vitest';
import {
  camelRow,
  camelRowWithFlags,
  type FlaggedRow,
  type SnakeRow,
} from '../../../electron/core/db/rows';

describe('camelRow', () => {
  it('names every column in camelCase, digits included, values and order unchanged', () => {
    const row: SnakeRow<{ id: number; areaM2: number; firstEnrolmentYear: number; note: null }> = {
      id: 7,
      area_m2: 12.5,
      first_enrolment_year: 2020,
      note: null,
    };
    const record = camelRow(row);
    expect(record).toEqual({ id: 7, areaM2: 12.5, firstEnrolmentYear: 2020, note: null });
    expect(Object.keys(record)).toEqual(['id', 'areaM2', 'firstEnrolmentYear', 'note']);
  });
});

describe('camelRowWithFlags', () => {
  it('reads the named 0/1 columns as booleans where they stand, others unchanged', () => {
    type Rec = { id: number; fullTime: boolean; staffNo: string; assessor: boolean };
    const row: FlaggedRow<Rec, 'fullTime' | 'assessor'> = {
      id: 3,
      full_time: 1,
      staff_no: 'T01',
      assessor: 0,
    };
    const record: Rec = camelRowWithFlags(row, ['fullTime', 'assessor']);
    expect(record).toEqual({ id: 3, fullTime: true, staffNo: 'T01', assessor: false });
    expect(Object.keys(record)).toEqual(['id', 'fullTime', 'staffNo', 'assessor']);
  });
});

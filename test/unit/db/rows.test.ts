import { describe, expect, it } from 'vitest';
import { camelRow, type SnakeRow } from '../../../electron/core/db/rows';

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

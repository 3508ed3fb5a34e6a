import { describe, expect, it } from 'vitest';
import { placesLeft, placesShort } from '../../../shared/domain/batchPlaces';

describe('a batch’s places', () => {
  it('are unlimited without a capacity: nothing is ever short', () => {
    const batch = { capacity: null, activeCount: 300 };
    expect(placesLeft(batch)).toBeNull();
    expect(placesShort(batch, 1000)).toBe(0);
  });

  it('are the capacity less the live sign-ups; what does not fit is short', () => {
    const batch = { capacity: 30, activeCount: 27 };
    expect(placesLeft(batch)).toBe(3);
    expect(placesShort(batch, 3)).toBe(0);
    expect(placesShort(batch, 5)).toBe(2);
  });

  it('never go below nothing; a batch already over counts its whole excess', () => {
    const batch = { capacity: 10, activeCount: 12 };
    expect(placesLeft(batch)).toBe(0);
    expect(placesShort(batch, 1)).toBe(3);
  });
});

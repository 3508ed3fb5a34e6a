import { describe, expect, it } from 'vitest';
import { keepingStyleCache } from '../../../renderer/src/app/styleCache';

describe('the style cache the renderer gives antd', () => {
  it('keeps an entry after its last user releases it, and hands it back on the next use', () => {
    const cache = keepingStyleCache();
    const key = 'button%theme';
    cache.opUpdate(key, () => [1, '.btn{color:red}']);
    // What antd's cache hook does when the last component using the style unmounts.
    cache.opUpdate(key, (previous) =>
      previous && previous[0] > 1 ? [previous[0] - 1, previous[1]] : null,
    );
    expect(cache.opGet(key)).toEqual([0, '.btn{color:red}']);
    cache.opUpdate(key, (previous) => [(previous?.[0] ?? 0) + 1, previous?.[1] ?? 'regenerated']);
    expect(cache.opGet(key)).toEqual([1, '.btn{color:red}']);
  });

  it('still adds new entries and leaves absent ones absent', () => {
    const cache = keepingStyleCache();
    cache.opUpdate('absent', () => null);
    expect(cache.opGet('absent')).toBeNull();
    cache.opUpdate('new', () => [2, 'x']);
    expect(cache.opGet('new')).toEqual([2, 'x']);
  });
});

import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../electron/core/io/collectGarbage';

describe('collectGarbage', () => {
  it('frees what nothing refers to any more, without leaving a global gc behind', async () => {
    const held = new WeakRef({ rows: Array.from({ length: 100_000 }, (_, i) => ({ i })) });
    // A WeakRef's target lives until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(held.deref()).toBeUndefined();
    expect('gc' in globalThis).toBe(false);
  });
});

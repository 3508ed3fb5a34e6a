import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/core/migrations';

describe('migrations', () => {
  it('are numbered 1..N without gaps or repeats, so no file can skip one', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });
});

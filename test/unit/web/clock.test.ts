import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileClock } from '../../../electron/web/clock';
import { parseWebOptions } from '../../../electron/web/options';
import { makeTempDir } from '../../harness/webHost';

describe('the web host’s test clock (--clock-file)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir('pilotdesk-clock-')));
  afterEach(() => temp.remove());

  it('is off unless asked for, by flag or environment', () => {
    expect(parseWebOptions([], {}).clockFile).toBeNull();
    expect(parseWebOptions(['--clock-file', '/t/now'], {}).clockFile).toBe('/t/now');
    expect(parseWebOptions([], { PILOT_CLOCK_FILE: '/t/env' }).clockFile).toBe('/t/env');
    expect(() => parseWebOptions(['--clock-file'], {})).toThrow('缺少取值');
  });

  it('reads the file on every call and falls back to real time when it holds no time', () => {
    const file = path.join(temp.dir, 'now.txt');
    const real = new Date('2030-01-01T00:00:00Z');
    const clock = fileClock(file, () => real);
    expect(clock()).toBe(real); // no file yet
    writeFileSync(file, '2026-03-20T10:00:00+08:00\n');
    expect(clock().toISOString()).toBe('2026-03-20T02:00:00.000Z');
    writeFileSync(file, '2026-03-27T02:00:00Z');
    expect(clock().toISOString()).toBe('2026-03-27T02:00:00.000Z');
    writeFileSync(file, 'not a time');
    expect(clock()).toBe(real);
    writeFileSync(file, '');
    expect(clock()).toBe(real);
  });
});

import { describe, expect, it } from 'vitest';
import { fileStamp, parseBackupName } from '../../../electron/core/backup/files';
import { backupsToKeep, shanghaiDayNumber } from '../../../electron/core/backup/retention';

const at = (iso: string) => ({ id: iso, at: new Date(iso) });
const keep = (isos: string[], now: string, policy = { newest: 2, days: 3 }) =>
  [...backupsToKeep(isos.map(at), new Date(now), policy)].sort();

describe('Shanghai calendar days', () => {
  it('change at 16:00 UTC (midnight in Shanghai), not at UTC midnight', () => {
    const day = shanghaiDayNumber(new Date('2026-03-01T16:00:00Z')); // 3月2日 00:00
    expect(shanghaiDayNumber(new Date('2026-03-01T15:59:59.999Z'))).toBe(day - 1);
    expect(shanghaiDayNumber(new Date('2026-03-02T15:59:59.999Z'))).toBe(day);
    expect(shanghaiDayNumber(new Date('2026-03-02T00:00:00Z'))).toBe(day);
    expect(shanghaiDayNumber(new Date('2026-03-02T16:00:00Z'))).toBe(day + 1);
  });
});

describe('backupsToKeep', () => {
  it('keeps everything while there are no more than the newest N', () => {
    expect(keep(['2026-03-02T01:00:00Z', '2026-03-02T02:00:00Z'], '2026-03-02T03:00:00Z')).toEqual([
      '2026-03-02T01:00:00Z',
      '2026-03-02T02:00:00Z',
    ]);
    expect(keep([], '2026-03-02T03:00:00Z')).toEqual([]);
  });

  it('keeps the newest N and the newest of each Shanghai day, across the 16:00 UTC boundary', () => {
    const backups = [
      '2026-03-02T05:00:00Z', // 3月2日 13:00
      '2026-03-02T04:00:00Z', // 3月2日 12:00
      '2026-03-02T03:00:00Z', // 3月2日 11:00 — neither newest 2 nor newest of its day
      '2026-03-01T16:00:00Z', // 3月2日 00:00 — same day
      '2026-03-01T15:59:59Z', // 3月1日 23:59:59 — newest of 3月1日
      '2026-03-01T01:00:00Z', // 3月1日 09:00
      '2026-02-28T10:00:00Z', // 2月28日 18:00 — newest of the third day
      '2026-02-27T15:00:00Z', // 2月27日 23:00 — four days back: outside 3 days
    ];
    expect(keep(backups, '2026-03-02T06:00:00Z')).toEqual(
      [
        '2026-03-02T05:00:00Z',
        '2026-03-02T04:00:00Z',
        '2026-03-01T15:59:59Z',
        '2026-02-28T10:00:00Z',
      ].sort(),
    );
  });

  it('counts the days from now in Shanghai: just after midnight there, yesterday is day 2', () => {
    const backups = ['2026-02-28T15:00:00Z', '2026-02-27T15:00:00Z', '2026-02-26T15:00:00Z'];
    // now = 3月2日 00:00:01 Shanghai: days kept are 3月2日, 3月1日, 2月28日 (23:00 on 2月28日 is in)
    expect(keep(backups, '2026-03-01T16:00:01Z', { newest: 0, days: 3 })).toEqual([
      '2026-02-28T15:00:00Z',
    ]);
    // one second earlier, 3月1日 23:59:59: 3月1日, 2月28日, 2月27日
    expect(keep(backups, '2026-03-01T15:59:59Z', { newest: 0, days: 3 })).toEqual([
      '2026-02-27T15:00:00Z',
      '2026-02-28T15:00:00Z',
    ]);
  });

  it('with the default policy: 10 newest plus one a day for 30 days', () => {
    const now = Date.parse('2026-03-02T04:00:00Z');
    const hourly = Array.from({ length: 24 * 45 }, (_, i) =>
      new Date(now - i * 3600_000).toISOString(),
    );
    const kept = [...backupsToKeep(hourly.map(at), new Date(now))];
    // 10 newest (today's 13:00 back to 03:00 Shanghai) + one for each of the 29 earlier days.
    expect(kept).toHaveLength(10 + 29);
  });
});

describe('backup file names', () => {
  it('round-trips kind and time, and reads the migration step’s names', () => {
    const when = new Date('2026-03-02T08:00:00.123Z');
    expect(fileStamp(when)).toBe('20260302T080000Z');
    expect(parseBackupName(`manual-${fileStamp(when)}-2.sqlite`)).toEqual({
      kind: 'manual',
      at: new Date('2026-03-02T08:00:00Z'),
      seq: 2,
      note: null,
    });
    expect(parseBackupName('pre-migration-v1-to-v5-20260302T080000.sqlite')).toMatchObject({
      kind: 'pre-migration',
      note: 'v1 → v5',
    });
    expect(parseBackupName('pre-restore-20260302T080000Z.sqlite')?.kind).toBe('pre-restore');
    for (const other of ['notes.sqlite', 'auto-2026.sqlite', '.auto-20260302T080000Z.sqlite.tmp']) {
      expect(parseBackupName(other)).toBeNull();
    }
  });
});

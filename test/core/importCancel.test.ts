import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import type { CoreClient } from '../../electron/core/worker/client';
import type { Envelope } from '../../shared/contract/errors';
import type { PilotEvent } from '../../shared/contract/events';
import type { ImportResult } from '../../shared/contract/imports';
import { createTestCore, type TestCore } from '../harness/core';
import { startTestCoreWorker } from '../harness/coreWorker';
import { dumpDatabase } from '../harness/dumpDatabase';
import { softwareMajor } from '../harness/majors';
import { upload } from '../harness/sheets';
import { ok } from '../harness/staff';
import { rosterHeader, rosterRows } from '../harness/students';
import { makeTempDir } from '../harness/webHost';

const ROWS = 60_000;

/** A UTF-8 roster of `count` students (a CSV: quick to make at this size, read like any file). */
const roster = (count: number) =>
  upload(
    '学生名单.csv',
    Buffer.from(
      [rosterHeader, ...rosterRows(count, { majors: ['软件技术'] })]
        .map((r) => r.join(','))
        .join('\r\n'),
    ),
  );

/** Calls `cancel` once, on the first progress event of this task whose label ends with `step`. */
function cancelAt(
  events: { on(listener: (event: PilotEvent) => void): () => void },
  taskId: string,
  step: string,
  cancel: () => unknown,
  from = 0,
) {
  const off = events.on((event) => {
    if (event.type !== 'progress' || event.taskId !== taskId) return;
    if (!event.label.endsWith(step) || event.done < from) return;
    off();
    void cancel();
  });
}

const cancelled = (result: Envelope<unknown>) => {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe('CANCELLED');
  expect(result.error.message).toContain('没有保存任何数据');
};

let t: TestCore | undefined;
let client: CoreClient | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(async () => {
  t?.dispose();
  await client?.close();
  temp?.remove();
  t = client = temp = undefined;
});

describe('取消 of an import (imports.cancel)', () => {
  it(`a ${ROWS}-row commit cancelled half-way through its writes changes nothing`, async () => {
    t = createTestCore();
    const core = t.core;
    await ok(t, 'majors.save', softwareMajor);
    // Students already there, so the commit updates rows as well as creating them.
    await ok(t, 'students.importCommit', { file: roster(1000) });
    const before = dumpDatabase(t.dataDir);

    const file = roster(ROWS);
    // The page is told which steps it may still cancel: only the writes are final.
    const finalBySteps = new Map<string, boolean>();
    core.events.on((event) => {
      if (event.type !== 'progress' || event.taskId !== 'big-commit') return;
      const step = event.label.split('：').at(-1) ?? '';
      finalBySteps.set(step, (finalBySteps.get(step) ?? false) || event.final === true);
    });
    cancelAt(
      core.events,
      'big-commit',
      '正在写入',
      () => core.dispatch('imports.cancel', { taskId: 'big-commit' }),
      ROWS / 2,
    );
    cancelled(await core.dispatch('students.importCommit', { file, taskId: 'big-commit' }));
    expect(dumpDatabase(t.dataDir)).toEqual(before);
    expect(finalBySteps.get('正在写入')).toBe(true);
    expect([...finalBySteps].filter(([, final]) => !final).length).toBeGreaterThan(0);

    // Nothing is left running under the id: the same import goes through afterwards.
    const done = await ok(t, 'students.importCommit', { file, taskId: 'big-commit' });
    expect(done).toMatchObject({ total: ROWS, created: ROWS - 1000, unchanged: 1000 });
    expect(await ok(t, 'imports.cancel', { taskId: 'big-commit' })).toEqual({ cancelled: false });
  }, 600_000);

  it('in the core’s worker, 取消 stops a preview and a commit while their rows are checked', async () => {
    temp = makeTempDir('pilotdesk-import-cancel-');
    const seed = createCore({
      dataDir: temp.dir,
      clock: () => new Date('2026-03-02T08:00:00Z'),
      log: () => undefined,
      appVersion: '0.0.0-test',
    });
    await seed.dispatch('majors.save', softwareMajor);
    await seed.backups.idle();
    seed.close();
    const before = dumpDatabase(temp.dir);
    client = (await startTestCoreWorker(temp.dir)).client;
    const running = client;
    const file = roster(20_000);

    for (const [name, taskId] of [
      ['students.importPreview', 'preview-1'],
      ['students.importCommit', 'commit-1'],
    ] as const) {
      // The cancel is its own call, answered while the import runs.
      const answer: Promise<Envelope<unknown>>[] = [];
      cancelAt(running.events, taskId, '正在检查数据', () =>
        answer.push(running.dispatch('imports.cancel', { taskId })),
      );
      cancelled(await running.dispatch(name, { file, taskId }));
      expect(await answer[0]).toEqual({ ok: true, data: { cancelled: true } });
    }
    expect(dumpDatabase(temp.dir)).toEqual(before);

    const done = await running.dispatch('students.importCommit', { file, taskId: 'commit-2' });
    expect(done.ok && (done.data as ImportResult).created).toBe(20_000);
  }, 600_000);
});

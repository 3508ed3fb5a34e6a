import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../electron/core';
import { DOWNLOAD_TTL_MS } from '../../electron/core/io/downloads';
import { readerMayAnswer, type CoreClient } from '../../electron/core/worker/client';
import type { BackupEntry } from '../../shared/contract/backup';
import type { PilotEvent, ProgressEvent } from '../../shared/contract/events';
import type { PackageBuildResult } from '../../shared/contract/package';
import type { ImportPreview } from '../../shared/contract/imports';
import type { StudentListResult } from '../../shared/contract/students';
import { startTestCoreWorker, type TestCoreWorker } from '../harness/coreWorker';
import { makeBulkyFile } from '../harness/files';
import { softwareMajor } from '../harness/majors';
import { call } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { upload, xlsxBytes } from '../harness/sheets';
import { rosterHeader, rosterRows } from '../harness/students';
import { makeTempDir } from '../harness/webHost';

/**
 * The core in a real worker thread (the bundle the hosts start, built by the build's own
 * function) on a real SQLite file: the same contract, envelopes, events and offered files as the
 * core in the host's thread, and reads answered while long work runs.
 */

const NOW = '2026-03-02T08:00:00Z';
let temp: ReturnType<typeof makeTempDir>;
let running: TestCoreWorker | undefined;

beforeEach(() => {
  temp = makeTempDir('pilotdesk-worker-');
});
afterEach(async () => {
  await running?.client.close();
  running = undefined;
  temp.remove();
});

/** Seeds the data folder with a core in this thread (closed again), as an earlier session would. */
async function seedInThread(seed: (core: ReturnType<typeof createCore>) => Promise<unknown>) {
  const core = createCore({
    dataDir: temp.dir,
    clock: () => new Date(NOW),
    log: () => undefined,
    appVersion: '0.0.0-test',
  });
  try {
    await seed(core);
    await core.backups.idle();
  } finally {
    core.close();
  }
}

async function start(options: Parameters<typeof startTestCoreWorker>[1] = {}) {
  running = await startTestCoreWorker(temp.dir, options);
  return running.client;
}

async function ask<T>(client: CoreClient, name: string, input: unknown): Promise<T> {
  const result = await client.dispatch(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/** Resolves with the first event `match` accepts. */
function nextEvent(client: CoreClient, match: (event: PilotEvent) => boolean): Promise<PilotEvent> {
  return new Promise((resolve) => {
    const off = client.events.on((event) => {
      if (!match(event)) return;
      off();
      resolve(event);
    });
  });
}

describe('core worker', () => {
  it('answers a list while a 60,000-row roster preview runs: the list resolves first', async () => {
    await seedInThread((core) => call(core, 'majors.save', softwareMajor));
    const file = upload(
      '全校名单.xlsx',
      await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(60_000)] }),
    );
    const client = await start();
    const finished: string[] = [];
    const previewStarted = nextEvent(client, (e) => e.type === 'progress');
    const preview = client.dispatch('students.importPreview', { file }).then((answer) => {
      finished.push('preview');
      return answer;
    });
    await previewStarted; // the worker is reading the file now
    const list = await client.dispatch('students.list', {}).then((answer) => {
      finished.push('list');
      return answer;
    });
    expect(list.ok ? (list.data as StudentListResult).stats.total : list.error).toBe(0);
    const previewed = await preview;
    expect(finished).toEqual(['list', 'preview']);
    if (!previewed.ok) throw new Error(previewed.error.message);
    const summary = (previewed.data as ImportPreview).summary;
    expect(summary.total).toBe(60_000);
    expect(summary.invalid).toBe(0);
  }, 240_000);

  it('work past the heap limit stops with its own message; saved data stays and the next call is answered', async () => {
    await seedInThread((core) => call(core, 'majors.save', softwareMajor));
    const file = upload(
      '全校名单.xlsx',
      await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(30_000)] }),
    );
    const client = await start({ heapLimitMb: 40 });
    const answer = await client.dispatch('students.importCommit', { file });
    expect(answer.ok ? 'imported' : answer.error.message).toMatch(
      /内存超过了上限（40 MB）.*之前保存的数据不受影响/,
    );
    const majors = await ask<{ name: string }[]>(client, 'majors.list', {});
    expect(majors.map((m) => m.name)).toEqual([softwareMajor.name]);
    const students = await ask<StudentListResult>(client, 'students.list', {});
    expect(students.stats.total).toBe(0);
  }, 240_000);

  it('answers with the same envelopes as the core in the host thread', async () => {
    const inThread = createCore({
      dataDir: path.join(temp.dir, 'in-thread'),
      clock: () => new Date(NOW),
      log: () => undefined,
      appVersion: '0.0.0-test',
    });
    const client = await start();
    const calls: [string, unknown][] = [
      ['no.such.handler', {}],
      ['students.save', { name: '', idNumber: '123' }],
      ['students.delete', { id: 999, force: false }],
      ['majors.save', softwareMajor],
      ['majors.list', {}],
    ];
    try {
      for (const [name, input] of calls) {
        const here = await inThread.dispatch(name, input);
        const there = await client.dispatch(name, input);
        expect(there, name).toEqual(here);
      }
    } finally {
      inThread.close();
    }
    const refused = await client.dispatch('students.save', { name: '', idNumber: '123' });
    expect(!refused.ok && refused.error.code).toBe('VALIDATION');
    const changed = nextEvent(client, (e) => e.type === 'changed');
    await ask(client, 'majors.save', { ...softwareMajor, code: '510202', name: '云计算技术应用' });
    expect(await changed).toEqual({ type: 'changed', topics: ['majors'] });
  }, 60_000);

  it('reports export progress and takes 取消 through the worker; offers are single-use', async () => {
    const MB = 1024 * 1024;
    let projectId = 0;
    await seedInThread(async (core) => {
      const project = await seedCompleteProject(core);
      projectId = project.id;
      for (let i = 0; i < 3; i += 1) {
        await call(core, 'attachments.upload', {
          ownerType: 'project',
          ownerId: project.id,
          kind: 'other',
          file: {
            fileName: `扫描件${i + 1}.pdf`,
            contentBase64: makeBulkyFile('pdf', 8 * MB).toString('base64'),
          },
        });
      }
    });
    const client = await start();
    const progress: ProgressEvent[] = [];
    let cancel: Promise<unknown> | null = null;
    const off = client.events.on((event) => {
      if (event.type !== 'progress' || event.taskId !== 'task-worker') return;
      progress.push(event);
      if (event.done > 6 * MB && !cancel) {
        cancel = client.dispatch('package.cancel', { taskId: 'task-worker' });
      }
    });
    const outcome = await client.dispatch('package.build', {
      projectIds: [projectId],
      taskId: 'task-worker',
    });
    off();
    expect(cancel).not.toBeNull();
    expect(await cancel).toEqual({ ok: true, data: { cancelled: true } });
    expect(!outcome.ok && outcome.error.code).toBe('CANCELLED');
    expect(!outcome.ok && outcome.error.message).toContain('已取消');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((e) => e.done <= e.total)).toBe(true);

    // Finished: the host thread serves the file the worker wrote, once.
    const built = await ask<PackageBuildResult>(client, 'package.build', {
      projectIds: [projectId],
    });
    const taken = client.downloads.take(built.token);
    expect(taken).toBeDefined();
    expect(taken!.fileName).toBe(built.fileName);
    const bytes = readFileSync(taken!.file);
    expect(bytes.length).toBe(built.size);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    taken!.done();
    expect(client.downloads.take(built.token)).toBeUndefined();

    // An upload staged through the worker is consumed there: the package checks out.
    const { uploadId } = await ask<{ uploadId: string }>(client, 'uploads.begin', {
      fileName: built.fileName,
      size: bytes.length,
    });
    const chunk = 4 * MB;
    for (let offset = 0; offset < bytes.length; offset += chunk) {
      await ask(client, 'uploads.chunk', {
        uploadId,
        offset,
        content: bytes.subarray(offset, offset + chunk),
      });
    }
    const verified = await client.dispatch('package.verify', { uploadId });
    expect(verified.ok).toBe(true);
  }, 240_000);

  it('drops an offer nobody fetched within the time limit (the test clock moves)', async () => {
    const clockFile = path.join(temp.dir, 'clock.txt');
    writeFileSync(clockFile, NOW);
    const client = await start({ clock: { kind: 'file', file: clockFile } });
    const first = await ask<{ token: string; fileName: string }>(
      client,
      'backup.exportDatabase',
      {},
    );
    const second = await ask<{ token: string }>(client, 'backup.exportDatabase', {});
    const taken = client.downloads.take(first.token);
    expect(taken?.fileName).toBe(first.fileName);
    taken?.done(); // a temporary copy: removed once served
    writeFileSync(clockFile, new Date(Date.parse(NOW) + DOWNLOAD_TTL_MS + 1000).toISOString());
    const kept = client.downloads.take(first.token);
    expect(kept).toBeUndefined(); // spent
    expect(client.downloads.take(second.token)).toBeUndefined(); // expired
    expect(readdirSync(temp.dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('the reader lets go of the data file for a restore and reads the restored data after', async () => {
    await seedInThread((core) => call(core, 'majors.save', softwareMajor));
    const client = await start();
    const backup = await ask<BackupEntry>(client, 'backup.create', {}); // one major
    await ask(client, 'majors.save', { ...softwareMajor, code: '510202', name: '云计算技术应用' });
    const restored = await client.dispatch('backup.restore', { id: backup.id });
    expect(restored.ok).toBe(true);

    // Keep the first core busy with a preview, so the list goes to the (reopened) reader.
    const file = upload(
      '名单.xlsx',
      await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(20_000)] }),
    );
    const finished: string[] = [];
    const previewStarted = nextEvent(client, (e) => e.type === 'progress');
    const preview = client.dispatch('students.importPreview', { file }).then(() => {
      finished.push('preview');
    });
    await previewStarted;
    const majors = await ask<{ name: string }[]>(client, 'majors.list', {});
    finished.push('list');
    await preview;
    expect(finished).toEqual(['list', 'preview']);
    expect(majors.map((m) => m.name)).toEqual(['软件技术']);
  }, 240_000);

  it('a data file from a newer version stops the start with its message, untouched', async () => {
    const file = path.join(temp.dir, DATABASE_FILE);
    const db = new Database(file);
    db.pragma('user_version = 9999');
    db.close();
    const before = readFileSync(file);
    await expect(startTestCoreWorker(temp.dir)).rejects.toThrow(/更新版本/);
    expect(readFileSync(file).equals(before)).toBe(true);
  }, 60_000);

  it('asks the host thread to open a folder, and passes on its answer', async () => {
    const asked: string[] = [];
    const client = await start({
      host: {
        openPath: (folder) => {
          asked.push(folder);
          return Promise.resolve(asked.length === 1 ? '' : '找不到该文件夹');
        },
      },
    });
    const opened = await ask<{ opened: boolean; path: string }>(
      client,
      'system.openDataFolder',
      {},
    );
    expect(opened).toMatchObject({ opened: true, path: temp.dir });
    expect(asked).toEqual([temp.dir]);
    const refused = await ask<{ opened: boolean; message: string }>(
      client,
      'system.openDataFolder',
      {},
    );
    expect(refused.opened).toBe(false);
    expect(refused.message).toContain('找不到该文件夹');
  }, 60_000);

  it('sends the reader only calls that write nothing and need none of the first core', async () => {
    expect(await readerMayAnswer('students.list')).toBe(true);
    expect(await readerMayAnswer('dashboard.summary')).toBe(true);
    expect(await readerMayAnswer('students.importPreview')).toBe(false); // stages a file
    expect(await readerMayAnswer('package.cancel')).toBe(false); // the task lives in the first core
    expect(await readerMayAnswer('uploads.chunk')).toBe(false);
    expect(await readerMayAnswer('backup.list')).toBe(false);
    expect(await readerMayAnswer('no.such.handler')).toBe(false);
  });
});

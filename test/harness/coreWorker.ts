import path from 'node:path';
import { buildCoreWorker } from '../../electron/cli/web-bundle.mjs';
import type { LogLevel } from '../../electron/core/log';
import { startCoreWorker, type CoreClient } from '../../electron/core/worker/client';
import type { WorkerClock } from '../../electron/core/worker/protocol';
import { repoRoot } from './webHost';

let bundle: Promise<string> | undefined;

/**
 * The core's worker bundled by the build's own function (esbuild, as `npm run web` and the
 * Electron build do), once per test process, into dist/test-worker/ (written whole, then renamed;
 * inside the checkout, so the bundle finds better-sqlite3 in node_modules).
 */
export function coreWorkerBundle(): Promise<string> {
  bundle ??= buildCoreWorker(repoRoot, path.join(repoRoot, 'dist', 'test-worker'));
  return bundle;
}

export interface TestCoreWorker {
  client: CoreClient;
  logs: { level: LogLevel; message: string; data?: Record<string, unknown> }[];
}

/** A real core in a real worker thread on `dataDir`, with a fixed clock (as createTestCore). */
export async function startTestCoreWorker(
  dataDir: string,
  options: {
    clock?: WorkerClock;
    reader?: boolean;
    heapLimitMb?: number;
    host?: { openPath?: (folder: string) => Promise<string> };
  } = {},
): Promise<TestCoreWorker> {
  const logs: TestCoreWorker['logs'] = [];
  const client = await startCoreWorker({
    workerFile: await coreWorkerBundle(),
    dataDir,
    appVersion: '0.0.0-test',
    clock: options.clock ?? { kind: 'fixed', iso: '2026-03-02T08:00:00Z' },
    log: (level, message, data) => logs.push({ level, message, data }),
    reader: options.reader,
    heapLimitMb: options.heapLimitMb,
    host: options.host,
  });
  return { client, logs };
}

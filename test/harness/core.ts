import { createCore, type Core } from '../../electron/core';
import type { LogLevel } from '../../electron/core/log';
import { makeTempDir } from './webHost';

export interface TestCore {
  core: Core;
  dataDir: string;
  logs: { level: LogLevel; message: string }[];
  /**
   * Closes the core and opens a new one on the same folder, as the app's next start does: with
   * the clock given, or the same one.
   */
  restart(now?: Date | (() => Date)): void;
  /** Closes the core and removes its folder. */
  dispose(): void;
}

/**
 * A real core on a real SQLite file in a fresh temporary folder, with a fixed clock (or a
 * function the test moves, e.g. `() => now` over a variable).
 */
export function createTestCore(
  now: Date | (() => Date) = new Date('2026-03-02T08:00:00Z'),
): TestCore {
  const temp = makeTempDir('pilotdesk-core-');
  const logs: TestCore['logs'] = [];
  const open = (at: Date | (() => Date)) =>
    createCore({
      dataDir: temp.dir,
      clock: typeof at === 'function' ? at : () => at,
      log: (level, message) => logs.push({ level, message }),
      appVersion: '0.0.0-test',
    });
  const test: TestCore = {
    core: open(now),
    dataDir: temp.dir,
    logs,
    restart(at = now) {
      test.core.close();
      test.core = open(at);
    },
    dispose() {
      test.core.close();
      temp.remove();
    },
  };
  return test;
}

/** A core on a data folder with the real clock and no log: for benches and measuring children. */
export function openBenchCore(dataDir: string): Core {
  return createCore({
    dataDir,
    clock: () => new Date(),
    log: () => undefined,
    appVersion: 'bench',
  });
}

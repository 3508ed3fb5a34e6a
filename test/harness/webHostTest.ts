import { test as base } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataCall, type DataCall } from './fees';
import { webHostCall, type Call } from './seedStaff';
import {
  makeTempDir,
  startWebHostProcess,
  type RunningWebHost,
  type WebHostOptions,
} from './webHost';

interface WebHostFixtures {
  /** How the test's host starts (`test.use({ hostOptions })`), e.g. with a test clock. */
  hostOptions: WebHostOptions;
  /** The host's clock (`test.use({ clockAt: '2026-03-02T16:00:00+08:00' })`); the real one if unset. */
  clockAt: string | undefined;
  /** `hostOptions` with the clock file `clockAt` writes, as every start of the test's host takes them. */
  startOptions: WebHostOptions;
  /** A folder of the test's own, removed after it: the host's data folder, and room for files. */
  workDir: string;
  /** `npm run web` on `workDir`, started for the test and stopped after it. */
  host: RunningWebHost;
  /**
   * Stops the test's host and starts it again on the same folder (what a coordinator's restart
   * does); the new host, stopped after the test like the first.
   */
  restartHost: () => Promise<RunningWebHost>;
  /** The test's host's API: each call answers its envelope, a refusal included. */
  hostCall: Call;
  /** The same for setting up data: a refusal fails the test with its message. */
  call: DataCall;
}

/** Playwright's `test` with a web host of the test's own, in a fresh data folder. */
export const test = base.extend<WebHostFixtures>({
  hostOptions: [{}, { option: true }],
  clockAt: [undefined, { option: true }],
  startOptions: async ({ hostOptions, clockAt }, use) => {
    if (clockAt === undefined) return use(hostOptions);
    const clock = makeTempDir('pilotdesk-clock-');
    const clockFile = path.join(clock.dir, 'clock.txt');
    writeFileSync(clockFile, clockAt);
    await use({ ...hostOptions, clockFile });
    clock.remove();
  },
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const temp = makeTempDir('pilotdesk-e2e-');
    await use(temp.dir);
    temp.remove();
  },
  host: async ({ workDir, startOptions }, use) => {
    const host = await startWebHostProcess(workDir, 0, startOptions);
    await use(host);
    await host.stop();
  },
  restartHost: async ({ host, workDir, startOptions }, use) => {
    const started: RunningWebHost[] = [];
    let current = host;
    await use(async () => {
      await current.stop();
      current = await startWebHostProcess(workDir, 0, startOptions);
      started.push(current);
      return current;
    });
    for (const running of started) await running.stop();
  },
  hostCall: async ({ host, request }, use) => use(webHostCall(request, host)),
  call: async ({ hostCall }, use) => use(dataCall(hostCall)),
});

export { expect } from '@playwright/test';

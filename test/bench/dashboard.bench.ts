import path from 'node:path';
import { schoolProfile } from '../harness/seed';
import { makeTempDir } from '../harness/webHost';
import { openAppPage } from './appPage';
import { seedFeesSchool } from './fees.bench';
import { row, timeRuns, type BenchRow } from './stats';
import { openBenchCore } from '../harness/core';
import { call } from '../harness/seed';

/** From leaving another page to the frame after 首页 shows its tables and charts. */
async function renderMs(dataDir: string, runs: number): Promise<number[]> {
  const app = await openAppPage(dataDir, '#/school');
  try {
    const { page } = app;
    await page.locator('#school-name').waitFor();
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      times.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const start = performance.now();
              // No named inner functions: the bundler's name helper does not exist in the page.
              const observer = new MutationObserver(() => {
                const table = document.querySelector(
                  '[data-testid=dashboard-exams] .ant-table-row',
                );
                if (!table || !document.querySelector('[data-testid=chart-exams] canvas')) return;
                observer.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - start));
              });
              observer.observe(document.body, { childList: true, subtree: true });
              window.location.hash = '#/dashboard';
            }),
        ),
      );
      await page.evaluate(() => (window.location.hash = '#/school'));
      await page.locator('#school-name').waitFor();
    }
    return times;
  } finally {
    await app.close();
  }
}

/** 首页 at 50,000 students and 100,000 sign-ups: the summary in the core and in Chromium. */
export async function benchDashboard(runs = 11): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-dashboard-');
  try {
    const dataDir = path.join(temp.dir, 'school');
    await seedFeesSchool(dataDir);
    const core = openBenchCore(dataDir);
    let coreMs: number[];
    try {
      await call(core, 'school.save', schoolProfile);
      coreMs = await timeRuns(runs, () => call(core, 'dashboard.summary', {}));
    } finally {
      core.close();
    }
    return [
      row('dashboard summary @50k students, 100k sign-ups (core)', coreMs, undefined, {
        maxMs: 30,
      }),
      row(
        'Chromium @100k sign-ups: open 首页 → tables and charts drawn',
        await renderMs(dataDir, 7),
        undefined,
        { maxMs: 150 },
      ),
    ];
  } finally {
    temp.remove();
  }
}

import { test, type Page } from '@playwright/test';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from './webHost';

/**
 * Calls the core from the page, as the app does, failing with the core's message. The page makes
 * its bridge on its own first call, which may come after `goto` resolves, so wait for it.
 */
export async function pilot<T>(page: Page, name: string, input: unknown): Promise<T> {
  await page.waitForFunction(() => window.pilot !== undefined);
  const result = await page.evaluate(([n, i]) => window.pilot!.invoke(n as never, i as never), [
    name,
    input,
  ] as const);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/**
 * The sample certificate Web前端开发 with its 初级 cap ¥500.00 (教职所〔2019〕314号), set through
 * the page; its id.
 */
export async function webCertificateWithCap(page: Page): Promise<number> {
  const [web] = await pilot<{ id: number }[]>(page, 'catalogue.list', { search: 'Web前端开发' });
  await pilot(page, 'catalogue.setLimits', {
    id: web.id,
    limits: [{ kind: 'cap', level: 'junior', amountFen: 50000, document: '教职所〔2019〕314号' }],
  });
  return web.id;
}

/**
 * Inside a `test.describe`: a web host on a new, empty data folder for each test, stopped and
 * removed after it. `launchUrl()` opens the test's host in a tab.
 */
export function webHostPerTest(prefix: string): { launchUrl(): Promise<string> } {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;
  test.beforeEach(async () => {
    temp = makeTempDir(prefix);
    host = await startWebHostProcess(temp.dir);
  });
  test.afterEach(async () => {
    await host.stop();
    temp.remove();
  });
  return { launchUrl: () => host.launchUrl() };
}

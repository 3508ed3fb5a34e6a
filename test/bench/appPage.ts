import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs } from '../e2e/playwright.config';
import { startWebHostProcess } from '../harness/webHost';

/** Debian's Chromium with the end-to-end tests' flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
}

export interface AppPage {
  page: Page;
  /** Closes the browser and stops the web host. */
  close(): Promise<void>;
}

/** The web host on a data folder and a 1440×900 page showing the app at `route` (e.g. `#/school`). */
export async function openAppPage(dataDir: string, route = ''): Promise<AppPage> {
  const host = await startWebHostProcess(dataDir);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await host.stop();
    throw error;
  });
  const close = async () => {
    await browser.close();
    await host.stop();
  };
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${await host.launchUrl()}${route}`);
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

import path from 'node:path';
import { FIRST_PAINT_TARGET_BYTES, firstPaintBytes } from '../../renderer/firstPaint.mts';
import { makeTempDir, repoRoot, startWebHostProcess } from '../harness/webHost';
import { launchChromium } from './appPage';
import { medianMs, row, sizeRow, type BenchRow } from './stats';

/** The renderer JavaScript the built page loads before its frame paints (run after a build). */
export async function benchFirstPaintScripts(): Promise<BenchRow[]> {
  const bytes = firstPaintBytes(path.join(repoRoot, 'dist', 'renderer'));
  return [sizeRow('renderer JavaScript before the frame paints', bytes, FIRST_PAINT_TARGET_BYTES)];
}

/**
 * Web host cold start to the first paint of the app frame: process start, core open, page load,
 * React render of the sidebar. Baseline: the same browser loading about:blank.
 */
export async function benchWebColdStart(runs = 3): Promise<BenchRow[]> {
  const browser = await launchChromium();
  try {
    const blank = await medianMs(runs, async () => {
      const page = await browser.newPage();
      await page.goto('about:blank');
      await page.close();
    });
    const coldStart = await medianMs(runs, async () => {
      const temp = makeTempDir('pilotdesk-bench-web-');
      const host = await startWebHostProcess(temp.dir);
      const page = await browser.newPage();
      await page.goto(await host.launchUrl());
      await page.getByRole('menuitem').first().waitFor();
      await page.close();
      await host.stop();
      temp.remove();
    });
    return [
      row('web host cold start → app frame painted', coldStart, {
        name: 'browser page about:blank',
        ms: blank,
      }),
    ];
  } finally {
    await browser.close();
  }
}

import type { Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { FIRST_PAINT_TARGET_BYTES, firstPaintBytes } from '../../renderer/firstPaint.mts';
import { makeTempDir, repoRoot, startWebHostProcess } from '../harness/webHost';
import { launchChromium } from './appPage';
import { row, sizeRow, timeRuns, type BenchRow } from './stats';

/** The renderer JavaScript the built page loads before its frame paints (run after a build). */
export async function benchFirstPaintScripts(): Promise<BenchRow[]> {
  const bytes = firstPaintBytes(path.join(repoRoot, 'dist', 'renderer'));
  return [sizeRow('renderer JavaScript before the frame paints', bytes, FIRST_PAINT_TARGET_BYTES)];
}

/** In the page, before its scripts: notes when the first menu item enters the document. */
function recordMenuInserted(): void {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[role="menuitem"]')) return;
    (window as { menuInsertedAt?: number }).menuInsertedAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

/**
 * When the page painted its frame, in this process's clock (epoch ms): its first contentful
 * paint, which must come after the menu entered the document (the root is empty before). Read
 * from the page, not from when Playwright's polling noticed the menu: on a busy 2-core machine
 * that comes 0.2–1 s later, while antd's chunks evaluate.
 */
async function framePaintedAt(page: Page): Promise<number> {
  const { origin, paint, menu } = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    menu: (window as { menuInsertedAt?: number }).menuInsertedAt,
  }));
  if (paint === undefined || menu === undefined || paint < menu) {
    throw new Error(`first paint ${paint} ms does not show the menu (inserted at ${menu} ms)`);
  }
  return origin + paint;
}

/**
 * Web host cold start to the first paint of the app frame: process start, core open, page load,
 * React render of the sidebar. Baseline: the same browser loading about:blank.
 */
export async function benchWebColdStart(runs = 3): Promise<BenchRow[]> {
  const browser = await launchChromium();
  try {
    // Each run is timed up to the paint; closing the page and stopping the host come after.
    const blank: number[] = [];
    const coldStart: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const empty = await browser.newPage();
      await empty.goto('about:blank');
      blank.push(performance.now() - start);
      await empty.close();

      const temp = makeTempDir('pilotdesk-bench-web-');
      const startedAt = performance.timeOrigin + performance.now();
      const host = await startWebHostProcess(temp.dir);
      const page = await browser.newPage();
      await page.addInitScript(recordMenuInserted);
      await page.goto(await host.launchUrl());
      await page.getByRole('menuitem').first().waitFor();
      coldStart.push((await framePaintedAt(page)) - startedAt);
      await page.close();
      await host.stop();
      temp.remove();
    }
    return [
      row(
        'web host cold start → app frame painted',
        coldStart,
        { name: 'browser page about:blank', ms: blank },
        { maxMs: 1500, maxRatio: 2 },
      ),
    ];
  } finally {
    await browser.close();
  }
}

/** Starts `node args…` and resolves once its output shows a local URL; the process is killed. */
function untilUrlPrinted(args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let printed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!printed && /http:\/\/127\.0\.0\.1:\d+/.test(output)) {
        printed = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      printed ? resolve() : reject(new Error(`exited with ${code} before its URL:\n${output}`)),
    );
  });
}

/** A bare Node HTTP server that prints its URL: what any local server's start costs. */
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port + '/'); });`;

/** `npm run web` (the bundled host, already built) to its URL line, against a bare server. */
export async function benchWebStart(runs = 5): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-webstart-');
  try {
    const web = path.join(repoRoot, 'electron', 'cli', 'web.mjs');
    const dataDir = path.join(temp.dir, 'school');
    await untilUrlPrinted([web, '--no-open', '--port', '0', '--data-dir', dataDir]); // builds if stale
    const bare = await timeRuns(runs, () => untilUrlPrinted(['-e', BARE_SERVER]));
    const host = await timeRuns(runs, () =>
      untilUrlPrinted([web, '--no-open', '--port', '0', '--data-dir', dataDir]),
    );
    return [
      row(
        'npm run web → URL printed',
        host,
        { name: 'bare Node HTTP server → URL printed', ms: bare },
        { maxRatio: 6 },
      ),
    ];
  } finally {
    temp.remove();
  }
}

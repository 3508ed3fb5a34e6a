import { expect, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { confirmRestore } from '../harness/antd';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from '../harness/webHost';
import { DATABASE_FILE } from '../../electron/core/dataFiles';

/**
 * A data folder whose file has a school and a good manual backup (made through the real web
 * host), then damaged pages.
 */
async function damagedDataFolder(dir: string, request: APIRequestContext): Promise<void> {
  const first = await startWebHostProcess(dir);
  const call = async (name: string, data: object) => {
    const response = await request.post(`${first.origin}/api/invoke/${name}`, {
      headers: first.headers,
      data,
    });
    expect(await response.json()).toMatchObject({ ok: true });
  };
  await call('school.save', {
    name: '损坏前的学校',
    kind: 'higher_vocational',
    demonstrationLevel: 'none',
    city: '宜昌市',
  });
  // Enough rows for many pages, so damage in the middle leaves page 1 readable.
  const db = new Database(path.join(dir, DATABASE_FILE));
  const insert = db.prepare(
    "INSERT INTO audit_log (at, actor, entity, entity_id, action, after_json) VALUES ('2026-01-01', 'x', 'filler', ?, 'create', ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < 2000; i += 1) insert.run(String(i), 'y'.repeat(200));
  })();
  db.close();
  await call('backup.create', {});
  await first.stop();

  const file = path.join(dir, DATABASE_FILE);
  const pageSize = 4096;
  const fd = openSync(file, 'r+');
  for (let page = 3; page < statSync(file).size / pageSize; page += 3) {
    writeSync(fd, randomBytes(pageSize), 0, pageSize, page * pageSize);
  }
  closeSync(fd);
}

test.describe('恢复界面', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;

  test.afterEach(async () => {
    await host?.stop();
    temp.remove();
  });

  test('a damaged data file shows the recovery screen, which restores the newest good backup', async ({
    page,
    request,
  }, testInfo) => {
    temp = makeTempDir('pilotdesk-e2e-');
    await damagedDataFolder(temp.dir, request);
    host = await startWebHostProcess(temp.dir);

    await page.goto(await host.launchUrl());
    // A cold start, then antd's code with the screen: as openApp, longer than the default wait.
    await expect(page.getByText('数据文件已损坏')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/未通过完整性检查/)).toBeVisible();
    await expect(page.getByRole('menuitem', { name: '学校信息' })).toHaveCount(0);
    await expect(page.getByText(/最新的完好备份：.*（手动）/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('recovery.png'), fullPage: true });
    await testInfo.attach('recovery', {
      path: testInfo.outputPath('recovery.png'),
      contentType: 'image/png',
    });

    // The screen stays until the page has reloaded on the restored file: the app must not show
    // for a moment before it, taking a click the reload then drops.
    const shownBeforeReload: string[] = [];
    page.on('console', (entry) => {
      if (entry.text() === 'app shown') shownBeforeReload.push(page.url());
    });
    await page.evaluate(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[role="menuitem"]')) return;
        console.log('app shown');
        observer.disconnect();
      }).observe(document.body, { childList: true, subtree: true });
    });
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '还原最新的完好备份' }).click();
    await confirmRestore(page);
    await reloaded;
    expect(shownBeforeReload).toEqual([]);
    await expect(page.getByRole('menuitem', { name: '学校信息' })).toBeVisible();
    await page.getByRole('menuitem', { name: '学校信息' }).click();
    await expect(page.locator('#school-name')).toHaveValue('损坏前的学校');

    // The damaged file was kept as a 还原前 backup.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await expect(
      page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '还原前' }),
    ).toHaveCount(1);
  });
});

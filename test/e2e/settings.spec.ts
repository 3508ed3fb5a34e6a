import { type Page, type TestInfo } from '@playwright/test';
import { copyFileSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { UPLOADS_DIR } from '../../electron/core/dataFiles';
import type { AttachmentContent, AttachmentLink } from '../../shared/contract/attachments';
import { MAX_UPLOAD_BYTES } from '../../shared/contract/files';
import { makeBulkyFile, makeIncompressibleFile } from '../harness/files';
import { attachScreenshot, choose, confirmRestore, openApp, pressInConfirm } from '../harness/antd';
import { LARGE_BACKUP_STUDENTS, makeLargeBackup } from '../harness/largeBackup';
import { dataCall } from '../harness/fees';
import { webHostCall } from '../harness/seedStaff';
import { makeTempDir, startWebHostProcess } from '../harness/webHost';
import { expect, test } from '../harness/webHostTest';

const go = (page: Page, menu: string) => page.getByRole('menuitem', { name: menu }).click();

async function saveSchoolName(page: Page, name: string, first = false) {
  await go(page, '学校信息');
  await page.locator('#school-name').fill(name);
  if (first) {
    await choose(page, 'school-kind', '高等职业学校');
    await choose(page, 'school-city', '宜昌市');
  }
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('学校信息已保存').last()).toBeVisible();
}

/** Clicks the button, saves the browser download into the test's output and checks its name. */
async function downloadVia(page: Page, button: string, name: RegExp, testInfo: TestInfo) {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(name);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  return { saved, fileName: download.suggestedFilename() };
}

async function restoreRow(page: Page, row: ReturnType<Page['locator']>) {
  await row.getByRole('button', { name: /还\s*原/ }).click();
  const dialog = page.locator('.ant-modal-confirm');
  await expect(dialog).toContainText('当前数据会先自动保存为一个“还原前”备份');
  await confirmRestore(page);
  // Either the 已还原 notice or the core's error message: a failure then names its reason.
  const outcome = page
    .locator('.ant-notification-notice')
    .or(page.locator('.ant-message-error'))
    .last();
  await expect(outcome).toContainText('已还原', { timeout: 20_000 });
}

test.describe('设置', () => {
  test('data folder, manual backup, restore it, undo the restore, export the database', async ({
    host,
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await saveSchoolName(page, '备份前的学校名称', true);

    // Settings is the sidebar's last entry and shows where the data lives.
    await expect(page.getByRole('menuitem').last()).toHaveText(/设置/);
    await go(page, '设置');
    await expect(page.getByTestId('settings-data-dir')).toHaveText(host.dataDir);
    await expect(page.getByText(path.join(host.dataDir, 'backups'), { exact: true })).toBeVisible();
    await expect(page.getByText('还没有备份')).toBeVisible();
    // The web host cannot open a folder window: it says so and shows the path.
    await page.getByRole('button', { name: '打开数据文件夹' }).click();
    await expect(page.locator('.ant-message')).toContainText('网页版不能直接打开本机文件夹');

    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.locator('.ant-message')).toContainText('已备份');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect(rows).toHaveCount(1);
    const manualRow = rows.filter({ hasText: '手动' });
    await expect(manualRow).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await expect(manualRow).toContainText(/\d+(\.\d+)? KB/);
    await expect(page.getByTestId('settings-backup-space')).toContainText('共 1 个备份');

    await saveSchoolName(page, '备份后改的名称');

    await go(page, '设置');
    await restoreRow(page, rows.filter({ hasText: '手动' }));
    await expect(rows).toHaveCount(2);
    const preRestore = rows.filter({ hasText: '还原前' });
    await expect(preRestore).toHaveCount(1);
    await page.screenshot({ path: testInfo.outputPath('settings.png'), fullPage: true });
    await testInfo.attach('settings', {
      path: testInfo.outputPath('settings.png'),
      contentType: 'image/png',
    });

    await go(page, '学校信息');
    await expect(page.locator('#school-name')).toHaveValue('备份前的学校名称');

    // Undo: restore the 还原前 backup the restore made.
    await go(page, '设置');
    await restoreRow(page, rows.filter({ hasText: '还原前' }));
    await expect(rows.filter({ hasText: '还原前' })).toHaveCount(2);
    await go(page, '学校信息');
    await expect(page.locator('#school-name')).toHaveValue('备份后改的名称');

    // 导出数据库: a consistent SQLite copy downloaded through the browser.
    await go(page, '设置');
    const { saved } = await downloadVia(
      page,
      '导出数据库',
      /^1\+X试点工作台数据-\d{8}-\d{4}\.sqlite$/,
      testInfo,
    );
    expect(readFileSync(saved).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');

    // Delete asks first.
    await rows
      .filter({ hasText: '手动' })
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await pressInConfirm(page);
    await expect(page.locator('.ant-message')).toContainText('备份已删除');
    await expect(rows.filter({ hasText: '手动' })).toHaveCount(0);
  });

  test('restores a backup file over 45 MB from disk (another PC’s), showing the upload progress', async ({
    host,
    page,
    request,
  }, testInfo) => {
    // Another PC's backup, made by a second host on its own folder.
    const otherPc = makeTempDir('pilotdesk-other-pc-');
    const other = await startWebHostProcess(otherPc.dir);
    // Playwright hands a page at most 50 MB from memory: the file is picked from disk instead.
    const file = testInfo.outputPath('另一台电脑的备份.sqlite');
    try {
      const backup = await makeLargeBackup(
        otherPc.dir,
        webHostCall(request, other),
        '新办公室的学校',
      );
      copyFileSync(path.join(otherPc.dir, 'backups', backup.id), file);
    } finally {
      await other.stop();
      otherPc.remove();
    }
    expect(statSync(file).size).toBeGreaterThan(MAX_UPLOAD_BYTES);

    await openApp(page, await host.launchUrl());
    await saveSchoolName(page, '旧电脑上的学校', true);
    await go(page, '设置');
    await page.locator('input[type=file]').setInputFiles(file);
    const dialog = page.locator('.ant-modal-confirm');
    const started = Date.now();
    await confirmRestore(page);
    // The file goes in pieces: the dialog shows how much has been sent.
    const progress = dialog.getByTestId('upload-progress');
    await expect(progress).toContainText(/MB \/ 5\d\.\d MB/);
    await attachScreenshot(page, testInfo, 'restore-upload-progress');
    await expect(
      page.locator('.ant-notification-notice').or(page.locator('.ant-message-error')).last(),
    ).toContainText('已还原“另一台电脑的备份.sqlite”', { timeout: 60_000 });
    testInfo.annotations.push({
      type: 'timing',
      description: `sent ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB and restored in ${Date.now() - started} ms (with a screenshot)`,
    });
    console.log(testInfo.annotations.at(-1)?.description);

    await go(page, '学校信息');
    await expect(page.locator('#school-name')).toHaveValue('新办公室的学校');
    await go(page, '学生');
    await expect(
      page.getByText(`共 ${LARGE_BACKUP_STUDENTS.toLocaleString('zh-CN')} 条`),
    ).toBeVisible();
    // The staged copy is gone once used.
    expect(readdirSync(path.join(host.dataDir, UPLOADS_DIR))).toEqual([]);
  });

  test('取消 while a restore file is still being sent: nothing is restored, nothing stays staged', async ({
    host,
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await saveSchoolName(page, '不应被覆盖的学校', true);
    await go(page, '设置');
    // Big enough to still be on its way when 取消 is clicked.
    const file = makeIncompressibleFile(
      testInfo.outputPath('很大的备份.sqlite'),
      150 * 1024 * 1024,
    );
    await page.locator('input[type=file]').setInputFiles(file);
    const dialog = page.locator('.ant-modal-confirm');
    // A click on 还原 while the confirm still zoomed in was lost in CI: press it once it stands.
    await confirmRestore(page);
    await expect(dialog.getByTestId('upload-progress')).toBeVisible();
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await expect(page.getByText('已取消发送文件，没有做任何改动。')).toBeVisible();
    await expect(dialog).toHaveCount(0);
    // No 还原前 backup was taken and the school is as it was.
    await expect(
      page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '还原前' }),
    ).toHaveCount(0);
    await expect.poll(() => readdirSync(path.join(host.dataDir, UPLOADS_DIR)).length).toBe(0);
    await go(page, '学校信息');
    await expect(page.locator('#school-name')).toHaveValue('不应被覆盖的学校');
  });

  test('moves to a new PC: 下载（含附件） in one host, 从文件还原 the .zip in another, attachments included', async ({
    host,
    page,
    request,
    call,
  }, testInfo) => {
    const scan = makeBulkyFile('pdf', 2 * 1024 * 1024);
    await openApp(page, await host.launchUrl());
    await saveSchoolName(page, '旧电脑上的学校', true);
    await call('attachments.upload', {
      ownerType: 'school',
      ownerId: 1,
      kind: 'other',
      file: { fileName: '合作协议扫描件.pdf', contentBase64: scan.toString('base64') },
    });
    await go(page, '设置');
    await expect(page.getByText('换电脑时：')).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.locator('.ant-message')).toContainText('已备份');
    const { saved, fileName } = await downloadVia(
      page,
      '下载（含附件）',
      /^1\+X试点工作台备份-\d{8}-\d{4}\.zip$/,
      testInfo,
    );
    await expect(page.locator('.ant-message')).toContainText('（含附件）');
    await attachScreenshot(page, testInfo, 'backup-archive-downloaded');

    // The new PC: its own empty data folder and host.
    const newPc = makeTempDir('pilotdesk-new-pc-');
    const other = await startWebHostProcess(newPc.dir);
    try {
      await openApp(page, await other.launchUrl());
      await go(page, '设置');
      await page.locator('input[type=file]').setInputFiles(saved);
      await confirmRestore(page);
      await expect(
        page.locator('.ant-notification-notice').or(page.locator('.ant-message-error')).last(),
      ).toContainText(`已还原“${fileName}”`, { timeout: 20_000 });
      await expect(page.locator('.ant-message-warning')).toHaveCount(0);
      await go(page, '学校信息');
      await expect(page.locator('#school-name')).toHaveValue('旧电脑上的学校');
      const otherCall = dataCall(webHostCall(request, other));
      const links = (await otherCall('attachments.list', {
        ownerType: 'school',
        ownerId: 1,
      })) as AttachmentLink[];
      expect(links.map((l) => l.name)).toEqual(['合作协议扫描件.pdf']);
      const content = (await otherCall('attachments.read', {
        linkId: links[0].id,
      })) as AttachmentContent;
      expect(Buffer.from(content.contentBase64, 'base64').equals(scan)).toBe(true);
    } finally {
      await other.stop();
      newPc.remove();
    }
  });

  test('restoring an uploaded file that is not a database is refused with a message', async ({
    host,
    page,
  }) => {
    await openApp(page, await host.launchUrl());
    await saveSchoolName(page, '原有学校', true);
    await go(page, '设置');
    await page.locator('input[type=file]').setInputFiles({
      name: '不是数据库.sqlite',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('just some text, not a database'),
    });
    await confirmRestore(page);
    await expect(page.locator('.ant-message')).toContainText('不是 SQLite 数据库文件');
    await go(page, '学校信息');
    await expect(page.locator('#school-name')).toHaveValue('原有学校');
  });
});

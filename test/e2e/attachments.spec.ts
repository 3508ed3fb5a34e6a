import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../../shared/domain/attachments';
import { choose, openApp, pressInConfirm } from '../harness/antd';
import { makeExe, makePdf, makePng } from '../harness/files';
import { saveSchool } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

const panelId = 'attachments-school-1';
const blobOf = (dataDir: string, bytes: Buffer) => {
  const sha = createHash('sha256').update(bytes).digest('hex');
  return path.join(dataDir, 'attachments', sha.slice(0, 2), sha);
};

test.describe('学校附件', () => {
  test('upload a PDF and a PNG, preview, download the same bytes, refuse a fake PDF, remove', async ({
    host,
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await expect(page.getByText('还没有填写学校信息')).toBeVisible();
    // No attachments before the school exists.
    await expect(page.getByTestId(panelId)).toHaveCount(0);
    await saveSchool(page);

    const panel = page.getByTestId(panelId);
    await expect(panel.getByText('学校附件')).toBeVisible();
    await expect(panel.getByText(/还没有附件/)).toBeVisible();
    const fileInput = panel.locator('input[type=file]');
    const rows = panel.locator('.ant-table-tbody tr.ant-table-row');

    const pdf = makePdf('Talent training plan 2020');
    await choose(page, `${panelId}-kind`, '人才培养方案');
    await fileInput.setInputFiles({
      name: '软件技术专业人才培养方案.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await expect(page.getByText('已上传“软件技术专业人才培养方案.pdf”')).toBeVisible();

    const png = makePng(320, 200);
    await choose(page, `${panelId}-kind`, '其他');
    await fileInput.setInputFiles({ name: '实训室全景.png', mimeType: 'image/png', buffer: png });
    await expect(rows).toHaveCount(2);
    await expect(panel.getByText('共 2 条')).toBeVisible();

    const pdfRow = rows.filter({ hasText: '软件技术专业人才培养方案.pdf' });
    await expect(pdfRow).toContainText('人才培养方案');
    await expect(pdfRow).toContainText('PDF');
    await expect(pdfRow).toContainText(formatBytes(pdf.length));
    await expect(pdfRow).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
    const pngRow = rows.filter({ hasText: '实训室全景.png' });
    await expect(pngRow).toContainText('其他');
    await expect(pngRow).toContainText('PNG');
    expect(readFileSync(blobOf(host.dataDir, png)).equals(png)).toBe(true);

    // The image previews inline from a blob: URL (allowed by the page's CSP).
    await pngRow.getByRole('button', { name: /预\s*览/ }).click();
    const previewImage = page.locator('.ant-image-preview-img');
    await expect(previewImage).toBeVisible();
    await expect(previewImage).toHaveAttribute('src', /^blob:/);
    expect(await previewImage.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
    await page.keyboard.press('Escape');
    await expect(previewImage).toHaveCount(0);

    // Download gives back exactly the uploaded bytes, under the display name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      pdfRow.getByRole('button', { name: /下\s*载/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('软件技术专业人才培养方案.pdf');
    expect(readFileSync(await download.path()).equals(pdf)).toBe(true);

    // A program renamed .pdf is refused by its content, with the allowed list.
    await fileInput.setInputFiles({
      name: '盖章申报表.pdf',
      mimeType: 'application/pdf',
      buffer: makeExe(),
    });
    const errors = page.getByTestId(`${panelId}-errors`);
    await expect(errors).toContainText('以下文件没有上传');
    await expect(errors).toContainText(
      '文件“盖章申报表.pdf”的实际类型是Windows 可执行程序（EXE），不能作为附件',
    );
    await expect(errors).toContainText('允许的类型：PDF、JPG 图片、PNG 图片');
    await expect(rows).toHaveCount(2);

    // Too large: refused in the page before anything is sent, naming the file and both sizes.
    // (The 41 MB file is made inside the page: sending it through the test driver is slow.)
    await fileInput.evaluate((input: HTMLInputElement) => {
      const files = new DataTransfer();
      const bytes = new Uint8Array(41 * 1024 * 1024);
      bytes.set(new TextEncoder().encode('%PDF-1.4\n'));
      files.items.add(new File([bytes], '扫描件合集.pdf', { type: 'application/pdf' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect(errors).toContainText('文件“扫描件合集.pdf”大小 41.0 MB，超过 40 MB 的上限');
    await expect(rows).toHaveCount(2);

    await page.screenshot({ path: testInfo.outputPath('attachments.png'), fullPage: true });
    await testInfo.attach('attachments', {
      path: testInfo.outputPath('attachments.png'),
      contentType: 'image/png',
    });

    // Remove asks first, says the file goes, and then it is gone from the data folder.
    await pngRow.getByRole('button', { name: /删\s*除/ }).click();
    const confirm = page.locator('.ant-popconfirm').filter({ visible: true });
    await expect(confirm).toContainText('删除附件“实训室全景.png”？');
    await expect(confirm).toContainText('没有其他地方使用这个文件，它将从数据文件夹中彻底删除。');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await expect(rows).toHaveCount(2);
    await pngRow.getByRole('button', { name: /删\s*除/ }).click();
    await pressInConfirm(page);
    await expect(
      page.getByText('已删除附件“实训室全景.png”，文件已从数据文件夹中删除'),
    ).toBeVisible();
    await expect(rows).toHaveCount(1);
    expect(existsSync(blobOf(host.dataDir, png))).toBe(false);
    expect(existsSync(blobOf(host.dataDir, pdf))).toBe(true);

    // Still there after a reload.
    await page.reload();
    await expect(
      page.getByTestId(panelId).locator('.ant-table-tbody tr.ant-table-row'),
    ).toHaveCount(1);
  });

  test('rename an attachment; the download takes the new name', async ({ host, page }) => {
    await openApp(page, await host.launchUrl());
    await saveSchool(page);
    const panel = page.getByTestId(panelId);
    await choose(page, `${panelId}-kind`, '盖章申报表扫描件');
    await panel.locator('input[type=file]').setInputFiles({
      name: 'scan0001.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf(),
    });
    const row = panel
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: 'scan0001.pdf' });
    await expect(row).toContainText('盖章申报表扫描件');
    await row.getByRole('button', { name: /重命名/ }).click();
    const dialog = page.getByRole('dialog', { name: '重命名附件' });
    const input = dialog.getByLabel('附件名称');
    await input.fill('申报表/盖章');
    await expect(dialog.getByText('附件名称不能包含')).toBeVisible();
    await input.fill('2020年试点申报表（盖章）');
    // The message folds away and the footer moves up: click 保存 only where it has settled.
    await expect(dialog.getByText('附件名称不能包含')).toHaveCount(0);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    const renamed = panel
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: '2020年试点申报表（盖章）' });
    await expect(renamed).toHaveCount(1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      renamed.getByRole('button', { name: /下\s*载/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2020年试点申报表（盖章）.pdf');
  });
});

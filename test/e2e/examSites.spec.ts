import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  attachScreenshot,
  choose,
  chooseMany,
  fillDate,
  openDialog,
  openPage,
  openConfirm,
  openApp,
  pressInConfirm,
} from '../harness/antd';
import { makePdf } from '../harness/files';
import { pilot, webCertificateWithCap, webHostPerTest } from '../harness/pageCore';
import { fillNewWebBatch, openBatch } from '../harness/uiFlows';

/** The certificate Web前端开发 with its 初级 cap, and two 实训室: 软件开发实训室 and 机房二. */
async function seed(page: Page) {
  await webCertificateWithCap(page);
  for (const name of ['软件开发实训室', '机房二']) {
    await pilot(page, 'rooms.save', { name, areaM2: 100, workstations: 40, equipment: [] });
  }
}

/** Fills and saves a new 初级 batch on 2020-11-15 at a room; the warning, if any, is left open. */
async function addBatch(page: Page, name: string, room: string) {
  const dialog = await fillNewWebBatch(page, {
    examForm: '纸笔考试',
    name,
    examDate: '2020年11月15日',
  });
  await choose(page, 'batch_place', room);
  await expect(dialog.locator('#batch_siteText')).toBeDisabled();
  await dialog.locator('#batch_fee').fill('480');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
}

test.describe('考核站点', () => {
  const host = webHostPerTest('pilotdesk-e2e-exam-sites-');

  test('an approved site covering a room: a batch there saves; one in another room warns, is confirmed and saved', async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000); // typed forms on a shared two-core machine
    await openApp(page, await host.launchUrl());
    await seed(page);

    // 考核站点: an approved application for Web前端开发 covering 软件开发实训室.
    await openPage(page, '考核站点');
    await expect(page.getByText('还没有考核站点申请。')).toBeVisible();
    await page.getByRole('button', { name: '新增考核站点申请' }).click();
    const form = openDialog(page);
    await choose(page, 'examSite_certificateId', 'Web前端开发');
    await choose(page, 'examSite_status', '已批准');
    await fillDate(page, 'examSite_appliedOn', '2020年6月1日');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    // An approval names its period: refused inline before anything is sent.
    await expect(
      form.getByText('已批准的考核站点须填写有效期开始日期（批准文件所载）'),
    ).toBeVisible();
    await expect(form.getByText('请至少选择一个覆盖的实训室或实习实训场所')).toBeVisible();
    await fillDate(page, 'examSite_validFrom', '2020年9月1日');
    await fillDate(page, 'examSite_validTo', '2023年8月31日');
    await chooseMany(
      page,
      page.locator('.ant-select', { has: page.locator('#examSite_places') }),
      '软件开发实训室',
    );
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect(form).toHaveCount(0);
    const siteRow = page.getByTestId('exam-sites-table').locator('tbody tr.ant-table-row');
    await expect(siteRow).toHaveCount(1);
    await expect(siteRow).toContainText('已批准');
    await expect(siteRow).toContainText('2020年9月1日至2023年8月31日');
    await expect(siteRow).toContainText('软件开发实训室');
    await siteRow.locator('input[type=file]').setInputFiles({
      name: '考核站点批复.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('exam site approval'),
    });
    await expect(page.getByText('批准文件已上传')).toBeVisible();
    const download = page.waitForEvent('download');
    await siteRow.getByRole('button', { name: '下载' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('Web前端开发考核站点批准文件（2020-06-01）.pdf');
    expect(readFileSync(await file.path()).equals(makePdf('exam site approval'))).toBe(true);
    await attachScreenshot(page, testInfo, 'exam-sites');

    // A batch in the covered room: saved without a question.
    await openPage(page, '考核报名');
    await addBatch(page, '站点内批次', '软件开发实训室');
    await expect(openDialog(page)).toHaveCount(0);
    const rows = page.getByTestId('batches-table').locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('软件开发实训室');

    // A batch in a room the approval does not cover: the form asks, 仍然保存 saves it.
    await addBatch(page, '站点外批次', '机房二');
    const question = await openConfirm(page);
    await expect(question).toContainText('考核场所不是已批准的考核站点');
    await expect(question).toContainText(
      '“机房二”不是该证书已批准的考核站点（该证书没有覆盖此场所的已批准考核站点申请），仍然保存？',
    );
    await attachScreenshot(page, testInfo, 'exam-site-warning');
    await question.getByRole('button', { name: '仍然保存' }).click();
    await expect(openDialog(page)).toHaveCount(0);
    await expect(rows).toHaveCount(2);
    // The list marks the batch whose place is not an approved site, and only that one.
    await expect(rows.filter({ hasText: '站点外批次' })).toContainText('非已批准考核站点');
    await expect(rows.filter({ hasText: '站点内批次' })).not.toContainText('考核站点');

    // Each batch's page says whether its place is an approved exam site.
    await openBatch(page, '站点外批次');
    await expect(page.getByTestId('exam-site-verdict')).toHaveText(
      '不是已批准的考核站点：该证书没有覆盖此场所的已批准考核站点申请',
    );
    // At 1280×720 the long verdict wraps inside the page, not past its right edge.
    await page.setViewportSize({ width: 1280, height: 720 });
    const verdict = (await page.getByTestId('exam-site-verdict').boundingBox())!;
    const facts = (await page.locator('.ant-descriptions').first().boundingBox())!;
    expect(verdict.x + verdict.width).toBeLessThanOrEqual(facts.x + facts.width);
    await page.setViewportSize({ width: 1366, height: 768 });
    await openBatch(page, '站点内批次');
    await expect(page.getByTestId('exam-site-verdict')).toHaveText(
      '已批准的考核站点（2020年9月1日至2023年8月31日）',
    );

    const saved = await pilot<{ name: string; roomId: number | null; siteName: string }[]>(
      page,
      'exams.batches.list',
      {},
    );
    expect(saved.map((b) => b.siteName).sort()).toEqual(['机房二', '软件开发实训室'].sort());
    expect(saved.every((b) => b.roomId !== null)).toBe(true);

    // Deleting the application asks first.
    await openPage(page, '考核站点');
    await siteRow.getByRole('button', { name: /删\s*除/ }).click();
    await pressInConfirm(page);
    await expect(page.getByText('考核站点申请已删除')).toBeVisible();
    await expect(page.getByText('还没有考核站点申请。')).toBeVisible();
  });
});

import { type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  attachScreenshot,
  choose,
  errorOf,
  fillDate,
  openDialog,
  openPage,
  openApp,
} from '../harness/antd';
import {
  WEB_CERT,
  WEB_ORGANIZATION,
  addStudents,
  setCaps,
  signUp,
  webJunior2026,
} from '../harness/fees';
import { makePdf } from '../harness/files';
import { schoolProfile } from '../harness/seed';
import { fundsSheet, loadWorkbook } from '../harness/sheets';
import { expect, test } from '../harness/webHostTest';
import { bareProject } from '../harness/seedProject';

const PROJECT = 'Web前端开发（2026年）';

const lines = (page: Page) => page.getByTestId('funds-lines');
const lineOf = (page: Page, text: string) =>
  lines(page).locator('.ant-table-row', { hasText: text });
const categoryAmount = (page: Page, category: string) =>
  page.getByTestId('funds-by-category').locator('tr', { hasText: category }).locator('td').last();

async function save(page: Page) {
  await openDialog(page)
    .getByRole('button', { name: /保\s*存/ })
    .click();
}

test.describe('试点经费', () => {
  test('records income, spends, sees 考核费 from the payments, exports the 使用情况表 and reads it back', async ({
    host,
    page,
    call,
  }, testInfo) => {
    test.setTimeout(240_000);
    await openApp(page, await host.launchUrl());

    await call('school.save', schoolProfile);
    // A 2026 project, a batch with two sign-ups and a payment to the organization for it.
    await call('projects.create', bareProject(WEB_CERT, 2026));
    await setCaps(call);
    const students = await addStudents(call, 2);
    const { batchIds } = await signUp(
      call,
      [webJunior2026],
      students.map((student) => ({ student, batch: 0 })),
    );
    await call('fees.savePayment', {
      organization: WEB_ORGANIZATION,
      batchId: batchIds[0],
      invoiceNo: 'FP-2026-1',
      amount: 800,
      paidOn: '2026-05-20',
    });

    await openPage(page, '试点经费');
    await choose(page, 'funds-year', '2026年度');
    // 考核费 is there before anything is typed: read from the payment.
    await expect(categoryAmount(page, '考核费')).toHaveText('¥800.00');
    await expect(lineOf(page, 'FP-2026-1')).toContainText('来自缴费记录');

    // 1. Income: 奖补资金 refused without its document number, then saved with it.
    await page.getByRole('button', { name: '登记收入' }).click();
    const income = openDialog(page);
    await choose(page, 'fund-project', PROJECT);
    // 学生自愿自费 with no student-paid sign-up: the empty list says why and what to do.
    await choose(page, 'fund-kind', '学生自愿自费（加考证书考核费）');
    await page.locator('.ant-select', { has: page.locator('#fund-signup') }).click();
    await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toContainText(
      '没有付费方为“学生自愿自费”的有效报名：请先在费用台账中把加考证书的报名改为学生自愿自费',
    );
    await page.keyboard.press('Escape');
    await choose(page, 'fund-kind', '奖补资金');
    await income.locator('#fund-amount').fill('20000');
    await fillDate(page, 'fund-date', '2026年3月1日');
    await income.locator('#fund-party').fill('湖北省教育厅');
    await save(page);
    await expect(errorOf(page, 'fund-reference')).toContainText('请填写奖补资金的拨款文号');
    await income.locator('#fund-reference').fill('鄂教职成〔2026〕3号');
    await save(page);
    await expect(income).toHaveCount(0);
    await expect(lineOf(page, '鄂教职成〔2026〕3号')).toContainText('¥20,000.00');

    // 2. Spending with no document: flagged 无凭证 until a file is uploaded.
    await page.getByRole('button', { name: '登记支出' }).click();
    const spending = openDialog(page);
    await choose(page, 'fund-project', PROJECT);
    await choose(page, 'fund-kind', '师资培训');
    await spending.locator('#fund-amount').fill('25000');
    await fillDate(page, 'fund-date', '2026年4月1日');
    await spending.locator('#fund-party').fill('某师资培训中心');
    await save(page);
    await expect(spending).toHaveCount(0);
    const training = lineOf(page, '某师资培训中心');
    await expect(training).toContainText('无凭证');
    await expect(page.getByText('1 笔支出没有凭证')).toBeVisible();
    await training.locator('input[type=file]').setInputFiles({
      name: '培训费发票.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('invoice'),
    });
    await expect(training).not.toContainText('无凭证');
    await expect(training.getByRole('button', { name: '下载凭证' })).toBeVisible();

    // 3. Spending above income is shown, not refused.
    await expect(categoryAmount(page, '师资培训')).toHaveText('¥25,000.00');
    await expect(page.getByTestId('funds-overspent')).toContainText('支出超过收入 ¥5,800.00');
    await expect(page.getByTestId('funds-by-project')).toContainText(PROJECT);
    await attachScreenshot(page, testInfo, 'funds-page');
    // At 1280×720 the amounts show without scrolling, clear of the fixed 操作 column.
    await page.setViewportSize({ width: 1280, height: 720 });
    const th = (name: string) =>
      lines(page)
        .locator('thead th')
        .filter({ hasText: new RegExp(`^${name}$`) });
    const amountBox = (await th('金额').boundingBox())!;
    expect(amountBox.x + amountBox.width).toBeLessThanOrEqual((await th('操作').boundingBox())!.x);
    expect(amountBox.x + amountBox.width).toBeLessThanOrEqual(1280);
    await page.setViewportSize({ width: 1366, height: 768 });

    // 4. The 使用情况表 (xlsx), read back.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出使用情况表（Excel）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('试点经费使用情况表_2026年度_全部试点项目.xlsx');
    const wb = await loadWorkbook(readFileSync(await file.path()));
    const table = fundsSheet(wb);
    expect(table.lines.map((r) => [r[1], r[2], r[6], String(r[7]).slice(0, 3), r[8]])).toEqual([
      ['收入', '奖补资金', '鄂教职成〔2026〕3号', '见文号', 20_000],
      ['支出', '师资培训', '', '附件：', 25_000],
      ['支出', '考核费', 'FP-2026-1', '见文号', 800],
    ]);
    expect(table.total('收入合计')).toBe(20_000);
    expect(table.total('其中考核费')).toBe(800);
    expect(table.total('支出合计')).toBe(25_800);
    expect(table.total('结余')).toBe(-5_800);

    const pdf = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出使用情况表（PDF）' }).click();
    const pdfFile = await pdf;
    expect(pdfFile.suggestedFilename()).toBe('试点经费使用情况表_2026年度_全部试点项目.pdf');
    expect(
      readFileSync(await pdfFile.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // 打印 opens the same table's PDF in a new tab (Chromium's PDF viewer on its blob).
    const opening = page.waitForEvent('popup');
    await page.getByTestId('funds-print').click();
    const tab = await opening;
    await tab.waitForURL(/^blob:/);
    await tab.close();
  });
});

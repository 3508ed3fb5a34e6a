import { type Page } from '@playwright/test';
import { appStarted, choose, openApp } from '../harness/antd';
import { expect, test } from '../harness/webHostTest';

const fieldError = (page: Page, text: string | RegExp) =>
  page.locator('.ant-form-item-explain-error').filter({ hasText: text });

test.describe('学校信息', () => {
  test('fill the profile, see the live verdict, save, restart, values persist', async ({
    host,
    restartHost,
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await expect(page.getByText('还没有填写学校信息')).toBeVisible();
    await expect(page.getByTestId('status-bar')).toContainText(host.dataDir);

    // Each label names its input (a click on it focuses the field; screen readers read it).
    await expect(page.getByLabel('学校名称')).toHaveAttribute('id', 'school-name');
    await page.getByText('学校名称', { exact: true }).click();
    await expect(page.locator('#school-name')).toBeFocused();
    await page.locator('#school-name').fill('湖北示例职业技术学院');
    await page.locator('#school-code').fill('123456789');
    await page.locator('#school-code').blur();
    await expect(fieldError(page, '学校标识码应为 10 位数字')).toBeVisible();
    await page.locator('#school-code').fill('4142012345');
    await expect(fieldError(page, '学校标识码应为 10 位数字')).toHaveCount(0);

    await choose(page, 'school-kind', '技工学校');
    await expect(page.getByTestId('verdict-school.kind')).toHaveAttribute('data-level', 'fail');
    await choose(page, 'school-kind', '高等职业学校');
    await expect(page.getByTestId('verdict-school.kind')).toHaveAttribute('data-level', 'pass');
    await expect(page.getByTestId('verdict-school.demonstration')).toHaveAttribute(
      'data-level',
      'warn',
    );
    await choose(page, 'school-demonstrationLevel', '省级');
    await expect(page.getByTestId('verdict-school.demonstration')).toHaveAttribute(
      'data-level',
      'pass',
    );
    await choose(page, 'school-city', '宜昌市');
    await page.locator('#school-contactPhone').fill('0717-6543210');
    await page.locator('#school-email').fill('1x@example.edu.cn');
    await page.locator('#school-weeklyReporterName').fill('李老师');
    await page.locator('#school-weeklyReporterPhone').fill('13800138000');

    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('学校信息已保存')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('school-saved.png'), fullPage: true });
    await testInfo.attach('school-saved', {
      path: testInfo.outputPath('school-saved.png'),
      contentType: 'image/png',
    });

    // A reload and a restart of the web host both bring the saved values back.
    await page.reload();
    await appStarted(page);
    await expect(page.locator('#school-name')).toHaveValue('湖北示例职业技术学院');
    const restarted = await restartHost();
    // With a school on file the app opens on 首页; the profile is one click away.
    await openApp(page, await restarted.launchUrl());
    await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
    await page.getByRole('menuitem', { name: '学校信息' }).click();
    await expect(page.locator('#school-name')).toHaveValue('湖北示例职业技术学院');
    await expect(page.locator('#school-code')).toHaveValue('4142012345');
    await expect(page.locator('#school-weeklyReporterPhone')).toHaveValue('13800138000');
    await expect(page.getByTestId('verdict-school.demonstration')).toHaveAttribute(
      'data-level',
      'pass',
    );
    await expect(page.getByText(/最后保存于 \d{4}年\d{1,2}月\d{1,2}日/)).toBeVisible();
  });

  test('an invalid value shows its message and nothing is saved', async ({ host, page }) => {
    await openApp(page, await host.launchUrl());
    await page.locator('#school-name').fill('某职业学校');
    await page.locator('#school-contactPhone').fill('12345');
    await page.keyboard.press('Control+s');
    await expect(page.getByText('请先改正标红的字段，未保存任何内容。')).toBeVisible();
    await expect(fieldError(page, /联系电话格式不正确/)).toBeVisible();
    await expect(fieldError(page, '请选择学校类型')).toBeVisible();

    const saved = await page.request.post(`${host.origin}/api/invoke/school.get`, {
      headers: host.headers,
      data: {},
    });
    expect(await saved.json()).toEqual({ ok: true, data: null });
  });
});

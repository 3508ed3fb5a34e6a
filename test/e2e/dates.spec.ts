import { type Page } from '@playwright/test';
import { anyErrorOf, choose, errorOf, openApp, openDialog, openPage } from '../harness/antd';
import { setCaps } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { expect, test } from '../harness/webHostTest';

/**
 * One date input: what people type (2019-09-01, 2019/9/1, 2019.9.1, 20190901, 2019年9月1日) is
 * read, shown as 2019年9月1日 and saved as that day; an impossible date is refused under the
 * field and kept as typed, never dropped.
 */

/** Types into a date field and leaves it, as a person does (Tab). */
async function typeDate(page: Page, fieldId: string, text: string) {
  const input = page.locator(`#${fieldId}`);
  await input.fill(text);
  await input.press('Tab');
}

test.describe('日期输入', () => {
  test.beforeEach(async ({ call }) => {
    await call('school.save', schoolProfile);
    await setCaps(call);
  });

  test('考核日期 takes every way of typing a date, refuses impossible ones, saves the day', async ({
    host,
    page,
    call,
  }) => {
    await openApp(page, `${await host.launchUrl()}#/exams`);
    await page.getByRole('button', { name: '新增考核批次' }).click();
    const dialog = openDialog(page);
    const examDate = dialog.locator('#batch_examDate');
    for (const typed of [
      '2019-09-01',
      '2019-9-1',
      '2019/9/1',
      '2019.9.1',
      '20190901',
      '2019年9月1日',
      '２０１９－０９－０１',
    ]) {
      await typeDate(page, 'batch_examDate', typed);
      await expect(examDate, typed).toHaveValue('2019年9月1日');
      await expect(anyErrorOf(page, 'batch_examDate')).toHaveCount(0);
    }

    await typeDate(page, 'batch_examDate', '2019-02-30');
    await expect(examDate).toHaveValue('2019-02-30');
    await expect(errorOf(page, 'batch_examDate')).toHaveText('日期无效：2019年2月没有30日');
    await typeDate(page, 'batch_examDate', '2019-13-01');
    await expect(errorOf(page, 'batch_examDate')).toHaveText('日期无效：没有13月');
    // 保存 with the impossible date keeps the dialog, the text and the message.
    await choose(page, 'batch_certificateId', 'Web前端开发');
    await choose(page, 'batch_level', '初级');
    await choose(page, 'batch_examForm', '纸笔考试');
    await dialog.locator('#batch_fee').fill('300');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(errorOf(page, 'batch_examDate')).toHaveText('日期无效：没有13月');
    await expect(examDate).toHaveValue('2019-13-01');

    // Enter in the date field shows the date as read and does not save; Enter elsewhere saves.
    await examDate.fill('2022/8/31');
    await examDate.press('Enter');
    await expect(examDate).toHaveValue('2022年8月31日');
    await expect(anyErrorOf(page, 'batch_examDate')).toHaveCount(0);
    await expect(dialog).toBeVisible();
    await dialog.locator('#batch_fee').press('Enter');
    await expect(dialog).toHaveCount(0);
    const batches = (await call('exams.batches.list', {})) as { examDate: string }[];
    expect(batches.map((b) => b.examDate)).toEqual(['2022-08-31']);
  });

  test('试点开始日期 typed as 2026.3.2 sets up the weekly calendar', async ({
    host,
    page,
    call,
  }) => {
    await openApp(page, await host.launchUrl());
    await openPage(page, '周报');
    await typeDate(page, 'weekly-pilotStart', '2026.3.2');
    await expect(page.locator('#weekly-pilotStart')).toHaveValue('2026年3月2日');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('周报设置已保存')).toBeVisible();
    const settings = (await call('weekly.getSettings', {})) as { pilotStart: string };
    expect(settings.pilotStart).toBe('2026-03-02');
  });

  test('场所协议日期: typed or picked from the calendar, shown and saved as that day', async ({
    host,
    page,
  }) => {
    await openApp(page, `${await host.launchUrl()}#/facilities`);
    await page.getByRole('tab', { name: /实习实训场所/ }).click();
    await page.getByRole('button', { name: '新增场所' }).click();
    const dialog = openDialog(page);
    await dialog.locator('#site_name').fill('东湖软件园实训基地');
    await dialog.locator('#site_capacity').fill('60');
    await dialog.locator('#site_partner').fill('武汉某某软件有限公司');
    await typeDate(page, 'site_agreementStart', '20190901');
    await expect(dialog.locator('#site_agreementStart')).toHaveValue('2019年9月1日');
    // The calendar opens on the typed month; a day picked there is the field's value.
    await dialog.getByRole('button', { name: '从日历中选择' }).first().click();
    const calendar = page.locator('.ant-popover').filter({ visible: true });
    await expect(calendar.locator('.ant-picker-cell-selected')).toHaveAttribute(
      'title',
      '2019-09-01',
    );
    // Done opening (its zoom-in has ended), so the day clicked is where it stays.
    await expect(calendar).not.toHaveClass(/zoom-big-(appear|enter)/);
    await calendar.locator('.ant-picker-cell[title="2019-09-15"]').click();
    await expect(calendar).toHaveCount(0);
    await expect(dialog.locator('#site_agreementStart')).toHaveValue('2019年9月15日');
    await typeDate(page, 'site_agreementEnd', '2022年8月');
    await expect(errorOf(page, 'site_agreementEnd')).toHaveText(
      '日期无效：请按 2019-09-01 或 2019年9月1日 的格式填写',
    );
    await typeDate(page, 'site_agreementEnd', '2022年8月31日');
    await expect(anyErrorOf(page, 'site_agreementEnd')).toHaveCount(0);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('sites-table').locator('tbody tr').first()).toContainText(
      '2019年9月15日 至 2022年8月31日',
    );
  });
});

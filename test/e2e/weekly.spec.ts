import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  appStarted,
  attachScreenshot,
  fillDate,
  openPage,
  openApp,
  openConfirm,
  pressInConfirm,
} from '../harness/antd';
import { schoolProfile } from '../harness/seed';
import { webHostCall } from '../harness/seedStaff';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from '../harness/webHost';

const banner = (page: Page) => page.getByTestId('weekly-alert');
const row = (page: Page, start: string) => page.getByTestId(`period-${start}`);
const facts = (page: Page) => page.getByTestId('weekly-facts');

test.describe('周报', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;
  let clockFile: string;
  /** Moves the web host's clock (China time). */
  const setClock = (isoWithOffset: string) => writeFileSync(clockFile, isoWithOffset);

  test.beforeEach(async () => {
    temp = makeTempDir('pilotdesk-e2e-');
    clockFile = path.join(temp.dir, 'clock.txt');
    setClock('2026-03-02T09:00:00+08:00');
    host = await startWebHostProcess(path.join(temp.dir, 'data'), 0, { clockFile });
  });

  test.afterEach(async () => {
    await host.stop();
    temp.remove();
  });

  /** Opens a period's report, writes it and sends it (confirming), then goes back to the list. */
  async function fileReport(page: Page, start: string, progress: string) {
    await row(page, start)
      .getByRole('button', { name: /填\s*写/ })
      .click();
    await expect(page.getByRole('heading', { level: 3, name: /^周报：/ })).toBeVisible();
    await page.locator('#weekly-progress').fill(progress);
    await page.locator('#weekly-submitter').fill('李老师');
    await page.getByRole('button', { name: /报\s*送/ }).click();
    const confirm = page.locator('.ant-popconfirm').filter({ visible: true });
    await expect(confirm).toContainText('本期已过截止时间，报送后将记为“逾期报送”');
    await pressInConfirm(page);
    await expect(page.getByText('周报已报送').last()).toBeVisible();
    await expect(page.getByText(/已于 .* 由 李老师 报送，内容已锁定/)).toBeVisible();
    if (start === '2026-03-02') await attachScreenshot(page, test.info(), 'weekly-report-sent');
    await page.getByRole('button', { name: '返回周报列表' }).click();
    await expect(row(page, start).getByTestId('period-status')).toHaveAttribute(
      'data-status',
      'late',
    );
  }

  test('three missed weeks raise the red alert on every page; late filings lower it step by step', async ({
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await openPage(page, '周报');
    await expect(page.getByText('还没有设置周报')).toBeVisible();
    await expect(page.locator('#weekly-dueTime')).toHaveValue('17:00');
    await fillDate(page, 'weekly-pilotStart', '2026年3月2日');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('周报设置已保存')).toBeVisible();
    await expect(row(page, '2026-03-02')).toContainText('2026年第10周');
    await expect(row(page, '2026-03-02')).toContainText('2026年3月6日 17:00');
    await expect(row(page, '2026-03-02')).toContainText('填报中');
    await expect(banner(page)).toHaveCount(0);

    // Saturday of the third week: weeks 10, 11 and 12 all passed their Friday 17:00 unfiled.
    setClock('2026-03-21T10:00:00+08:00');
    await page.reload();
    await appStarted(page);
    await expect(banner(page)).toHaveAttribute('data-level', 'critical');
    await expect(banner(page)).toContainText('【取消试点资格风险】已连续 3 期周报逾期未报送');
    await expect(banner(page)).toContainText('连续未报：2026年第10周至2026年第12周。');
    // One line above every page, even at 1280 px: it must not push the page's table away.
    await page.setViewportSize({ width: 1280, height: 720 });
    expect((await banner(page).boundingBox())!.height).toBeLessThan(56);
    await expect(banner(page).locator('[title]')).toHaveAttribute(
      'title',
      /连续三周不按时填报周报将被取消试点资格/,
    );
    for (const start of ['2026-03-02', '2026-03-09', '2026-03-16']) {
      await expect(row(page, start)).toContainText('已逾期');
    }
    // The banner follows the coordinator to every page, and leads back to the reports.
    await openPage(page, '学校信息');
    await expect(banner(page)).toHaveAttribute('data-level', 'critical');
    await attachScreenshot(page, testInfo, 'weekly-critical-banner');
    await banner(page).getByRole('button', { name: '去填报周报' }).click();
    await expect(page.getByRole('heading', { level: 3, name: '周报' })).toBeVisible();

    // Filing the oldest late leaves two in a row: 严重.
    await fileReport(page, '2026-03-02', '补报：组织Web前端开发初级报名。');
    await expect(banner(page)).toHaveAttribute('data-level', 'serious');
    await expect(banner(page)).toContainText('【严重】已连续 2 期周报逾期未报送');
    // Filing the newest leaves one: 警告.
    await fileReport(page, '2026-03-16', '补报：第12周工作。');
    await expect(banner(page)).toHaveAttribute('data-level', 'warning');
    await expect(banner(page)).toContainText('【警告】有 1 期周报逾期未报送');
    await expect(banner(page)).toContainText('2026年第11周');
    // The last one: no alert; the history keeps all three as 逾期报送.
    await fileReport(page, '2026-03-09', '补报：第11周工作。');
    await expect(banner(page)).toHaveCount(0);
    await expect(facts(page)).toContainText(
      '已发生：2026年第10周至2026年第12周连续 3 期未按时报送周报，已全部补报',
    );
    await attachScreenshot(page, testInfo, 'weekly-filed-late');

    // A correction is a new revision; the sent one stays in the history.
    await row(page, '2026-03-09')
      .getByRole('button', { name: /查\s*看/ })
      .click();
    await page.getByRole('button', { name: /更\s*正/ }).click();
    await pressInConfirm(page);
    await expect(page.locator('#weekly-progress')).toHaveValue('补报：第11周工作。');
    await page.locator('#weekly-progress').fill('补报：第11周工作（更正）。');
    await page.getByRole('button', { name: /报\s*送/ }).click();
    await pressInConfirm(page);
    await expect(page.getByText('周报已报送').last()).toBeVisible();
    const newest = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).first().click();
    expect((await newest).suggestedFilename()).toBe('周报_2026年第11周_第2版.xlsx');
    const history = page.getByTestId('weekly-revisions');
    await expect(history.locator('.ant-list-item')).toHaveCount(2);
    await history
      .locator('.ant-list-item')
      .nth(1)
      .getByRole('button', { name: /查\s*看/ })
      .click();
    const dialog = page.getByRole('dialog').filter({ visible: true });
    await expect(dialog).toContainText('第 1 版');
    await expect(dialog).toContainText('补报：第11周工作。');
    // Each revision exports on its own, as Word or Excel.
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '导出 Word' }).click();
    expect((await download).suggestedFilename()).toBe('周报_2026年第11周.docx');
    await attachScreenshot(page, testInfo, 'weekly-revision-history');
  });
  /** Saves the schedule through the web host: pilot from week 10, due Fridays 17:00. */
  async function saveSchedule(request: APIRequestContext) {
    const result = await webHostCall(request, host)('weekly.saveSettings', {
      pilotStart: '2026-03-02',
      cadence: 'weekly',
      dueWeekday: 5,
      dueTime: '17:00',
    });
    expect(result.ok).toBe(true);
  }

  test('three missed weeks stay 已发生 on 周报 and 首页 beside the banner after a late filing', async ({
    page,
    request,
  }, testInfo) => {
    const call = webHostCall(request, host);
    expect((await call('school.save', schoolProfile)).ok).toBe(true);
    await saveSchedule(request);
    // Saturday of week 12: weeks 10–12 missed; week 10 is then filed late.
    setClock('2026-03-21T10:00:00+08:00');
    const late = await call('weekly.submit', {
      periodStart: '2026-03-02',
      progress: '补报：第10周工作。',
      submitter: '李老师',
    });
    expect(late.ok).toBe(true);
    await openApp(page, await host.launchUrl());
    const threeWeeks = '已发生：2026年第10周至2026年第12周连续 3 期未按时报送周报';
    await openPage(page, '首页');
    await expect(banner(page)).toHaveAttribute('data-level', 'serious');
    await expect(facts(page)).toContainText(threeWeeks);
    await expect(facts(page)).toContainText('其中 2 期至今未报送');
    await expect(page.getByTestId('dashboard-violations')).toContainText(
      '周报：已发生连续 3 期未按时报送',
    );
    await attachScreenshot(page, testInfo, 'weekly-fact-on-dashboard');
    await openPage(page, '周报');
    await expect(banner(page)).toHaveAttribute('data-level', 'serious');
    await expect(facts(page)).toContainText(threeWeeks);
  });

  test('周报设置 never erases a missed week: a later pilot start asks first, a new due day waits', async ({
    page,
    request,
  }) => {
    const call = webHostCall(request, host);
    await saveSchedule(request);
    setClock('2026-03-21T10:00:00+08:00');
    await openApp(page, await host.launchUrl());
    await openPage(page, '周报');
    const threeWeeks = '已发生：2026年第10周至2026年第12周连续 3 期未按时报送周报';
    await expect(facts(page)).toContainText(threeWeeks);

    // A later pilot start would drop week 10 from the record: asked first; 取消 keeps it all.
    await page.getByRole('button', { name: '周报设置' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await fillDate(page, 'weekly-pilotStart', '2026年3月9日');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const confirm = await openConfirm(page);
    await expect(confirm).toContainText('修改试点开始日期会改变已到期的周报');
    await expect(confirm).toContainText('原来已到期 3 期（其中未按时报送 3 期），改后已到期 2 期');
    await pressInConfirm(page, /取\s*消/);
    await expect(drawer).toBeVisible();
    expect(await call('weekly.getSettings', {})).toMatchObject({
      ok: true,
      data: { pilotStart: '2026-03-02' },
    });

    // A later due time applies from next week: the missed weeks stay as they were.
    await fillDate(page, 'weekly-pilotStart', '2026年3月2日');
    await page.locator('#weekly-dueTime').fill('18:00');
    // A write elsewhere reloads the calendar behind the drawer; what was typed stays.
    await call('weekly.saveDraft', { periodStart: '2026-03-02', progress: '草稿' });
    await expect(row(page, '2026-03-02').getByTestId('period-status')).toHaveAttribute(
      'data-status',
      'draft',
    );
    await expect(page.locator('#weekly-dueTime')).toHaveValue('18:00');
    await expect(page.locator('#weekly-pilotStart')).toHaveValue('2026年3月2日');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('周报设置已保存')).toBeVisible();
    await expect(facts(page)).toContainText(threeWeeks);
    await expect(row(page, '2026-03-16')).toContainText('2026年3月20日 17:00');
  });

  test('the day before the due day the app reminds on opening; on Saturday 下次截止 names next Friday', async ({
    page,
    request,
  }, testInfo) => {
    await saveSchedule(request);
    // Thursday of week 10: the report is due tomorrow at 17:00.
    setClock('2026-03-05T10:00:00+08:00');
    await openApp(page, await host.launchUrl());
    const reminder = page.getByTestId('weekly-reminder');
    await expect(reminder).toContainText('周报即将截止：2026年第10周');
    await expect(reminder).toContainText('2026年3月6日 17:00');
    expect((await reminder.boundingBox())!.height).toBeLessThan(56);
    await attachScreenshot(page, testInfo, 'weekly-reminder');
    await reminder.getByRole('button', { name: '去填报' }).click();
    await expect(page.getByRole('heading', { level: 3, name: '周报：2026年第10周' })).toBeVisible();
    await expect(reminder).toHaveCount(0);

    // Saturday: this week's due time has passed; the next one is next Friday, not “—”.
    setClock('2026-03-07T10:00:00+08:00');
    await page.reload();
    await appStarted(page);
    await openPage(page, '周报');
    await expect(page.getByTestId('weekly-next-due')).toContainText('2026年3月13日 17:00');
    await expect(page.getByTestId('weekly-reminder')).toHaveCount(0);
  });
});

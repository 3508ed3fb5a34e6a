import { appStarted } from '../harness/antd';
import { expect, test } from '../harness/webHostTest';

/**
 * The browser side of the web host's access: the launch link is spent by the tab
 * that opens it, the tab keeps its session through a reload, and no cookie is involved.
 */
test.describe('启动链接与会话', () => {
  test('the launch link opens one tab, leaves the address bar, survives a reload; a second tab is refused', async ({
    host,
    page,
    context,
  }) => {
    const launch = await host.launchUrl();
    await page.goto(`${launch}#/teachers`);
    await expect(page.getByRole('menuitem', { name: '教师' })).toBeVisible();
    // The token is gone from the address (and so from this history entry); the route stays.
    expect(page.url()).toBe(`${host.origin}/#/teachers`);
    expect(await context.cookies()).toEqual([]);

    await page.reload();
    await appStarted(page);
    await page.getByRole('menuitem', { name: '学校信息' }).click();
    await expect(page.getByText('还没有填写学校信息')).toBeVisible();

    const second = await context.newPage();
    await second.goto(launch);
    await expect(second.getByText('链接已失效，请重新启动 1+X试点工作台')).toBeVisible();
    await expect(second.getByRole('menuitem', { name: '学校信息' })).toHaveCount(0);
  });

  test('a page opened without a launch link shows the same Chinese answer', async ({
    host,
    page,
  }) => {
    await page.goto(`${host.origin}/`);
    await expect(page.getByText('链接已失效，请重新启动 1+X试点工作台')).toBeVisible();
  });
});

import { type Page } from '@playwright/test';
import { answerUnsaved, anyErrorOf, errorOf, openApp, openDialog, openPage } from '../harness/antd';
import { pilot, webCertificateWithCap } from '../harness/pageCore';
import { schoolProfile } from '../harness/seed';
import { expect, test } from '../harness/webHostTest';
import { bareProject } from '../harness/seedProject';
import { fillNewWebBatch } from '../harness/uiFlows';

/**
 * The coordinator's walk at 1280×720 (a common office laptop): forms say one right thing per
 * field, and long dialogs and drawers stay usable on a screen that short.
 */

/** The school saved, Web前端开发 初级 capped at ¥500.00, and its 2026 pilot project. */
async function seed(page: Page): Promise<void> {
  await pilot(page, 'school.save', schoolProfile);
  const certificateId = await webCertificateWithCap(page);
  await pilot(page, 'projects.create', bareProject(certificateId, 2026));
}

/** Closes the open form over its edits: 取消, then 放弃. */
async function discard(page: Page) {
  await openDialog(page)
    .getByRole('button', { name: /取\s*消/ })
    .click();
  await answerUnsaved(page, '放弃');
  await expect(openDialog(page)).toHaveCount(0);
}

test.use({ viewport: { width: 1280, height: 720 } });

test.describe('1280×720', () => {
  test('a money field says 请填写 when empty and only what is wrong with -5', async ({
    host,
    page,
  }) => {
    await openApp(page, await host.launchUrl());
    await seed(page);
    const negative = (label: string) => `${label}不能是负数`;
    /** In the open dialog's 金额 text box `id`: -5 is said negative, empty is said missing. */
    const checkAmountBox = async (id: string) => {
      const box = openDialog(page).locator(`#${id}`);
      await box.pressSequentially('-5');
      await expect(errorOf(page, id)).toHaveText([negative('金额')]);
      await box.fill('');
      await expect(errorOf(page, id)).toHaveText(['请填写金额']);
      await box.fill('１，２００．５');
      await expect(errorOf(page, id)).toHaveCount(0);
      await discard(page);
    };

    // 试点经费 (a text box).
    await openPage(page, '试点经费');
    await page.getByRole('button', { name: '登记收入' }).click();
    await checkAmountBox('fund-amount');

    // 缴费记录 (a text box too).
    await openPage(page, '费用台账');
    await page.getByRole('tab', { name: '缴费与对账' }).click();
    await page.getByRole('button', { name: '新增缴费记录' }).click();
    await checkAmountBox('payment-amount');

    // 每人考核费 (a number box): -5 is kept as typed, not taken for empty nor turned into 0.
    await openPage(page, '考核报名');
    const dialog = await fillNewWebBatch(page, {
      examForm: '纸笔考试',
      examDate: '2020年11月15日',
    });
    const fee = dialog.locator('#batch_fee');
    await fee.pressSequentially('-5');
    await expect(errorOf(page, 'batch_fee')).toHaveText([negative('每人考核费')]);
    await fee.blur();
    await expect(fee).toHaveValue('-5.00');
    await expect(errorOf(page, 'batch_fee')).toHaveText([negative('每人考核费')]);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(errorOf(page, 'batch_fee')).toHaveText([negative('每人考核费')]);
    await expect(dialog).toBeVisible();
    // A Chinese keyboard's full-width digits and 。 are read as the amount, not emptied.
    await fee.fill('３００。５');
    await fee.blur();
    await expect(fee).toHaveValue('300.50');
    await expect(anyErrorOf(page, 'batch_fee')).toHaveCount(0);
    // A third decimal is kept as typed and refused, not rounded up to the cap's ¥500.00.
    await fee.fill('499.999');
    await fee.blur();
    await expect(fee).toHaveValue('499.999');
    await expect(errorOf(page, 'batch_fee')).toHaveText([
      '每人考核费应以元为单位，最多两位小数，例如 12800 或 12800.50',
    ]);
  });

  test('a long form dialog fits the window, its title and 保存 on screen, the caret in its first field', async ({
    host,
    page,
  }) => {
    await openApp(page, await host.launchUrl());
    await seed(page);
    // Each with its first field, where the caret waits once the dialog has opened.
    const dialogs: [page: string, button: string, firstField: string][] = [
      ['考核报名', '新增考核批次', '#batch_certificateId'],
      ['费用协商', '新增费用协商', '#agreement_certificateId'],
      ['考核站点', '新增考核站点申请', '#examSite_certificateId'],
      ['学生', '新增学生', '#student_studentNo'],
      ['教师', '新增教师', '#teacher_name'],
      ['试点经费', '登记收入', '#fund-project'],
    ];
    for (const [pageName, button, firstField] of dialogs) {
      await openPage(page, pageName);
      await page.getByRole('button', { name: button }).click();
      const dialog = openDialog(page);
      await expect(dialog.locator('.ant-modal-title')).toBeInViewport({ ratio: 1 });
      await expect(dialog.getByRole('button', { name: /保\s*存/ })).toBeInViewport({ ratio: 1 });
      const box = await dialog.locator('.ant-modal-content').boundingBox();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `${button} fits 720 px`).toBeLessThanOrEqual(720);
      // Typing starts in the first field, and Esc from there closes the untouched dialog.
      await expect(dialog.locator(firstField)).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(openDialog(page)).toHaveCount(0);
    }
  });

  test('a fee over the cap is said once, the cap line under the field giving way to it', async ({
    host,
    page,
  }) => {
    await openApp(page, await host.launchUrl());
    await seed(page);
    await openPage(page, '考核报名');
    const dialog = await fillNewWebBatch(page, {
      examForm: '纸笔考试',
      examDate: '2020年11月15日',
    });
    const feeItem = dialog.locator('.ant-form-item', { has: page.locator('#batch_fee') });
    await dialog.locator('#batch_fee').fill('520');
    await expect(errorOf(page, 'batch_fee')).toHaveText([
      '考核费 ¥520.00 超过 2020年11月15日 适用的考核成本上限 ¥500.00（教职所〔2019〕314号，长期有效）',
    ]);
    await expect(feeItem.locator('.ant-form-item-extra')).toHaveCount(0);
    await expect(feeItem.getByText('¥500.00')).toHaveCount(1);
    // Within the cap, the line says which cap applies.
    await dialog.locator('#batch_fee').fill('480');
    await expect(anyErrorOf(page, 'batch_fee')).toHaveCount(0);
    await expect(feeItem.locator('.ant-form-item-extra')).toHaveText(
      '2020年11月15日 适用：考核成本上限 ¥500.00（教职所〔2019〕314号，长期有效）',
    );
  });

  test('with a drawer open the page behind it does not scroll', async ({ host, page }) => {
    await openApp(page, await host.launchUrl());
    await seed(page);
    await openPage(page, '证书目录');
    await page.getByRole('button', { name: '新增证书' }).click();
    await expect(page.locator('.ant-drawer-content').filter({ visible: true })).toBeVisible();
    // The page is longer than the window, and the window's scroller is locked while the drawer is open.
    const scroller = () =>
      page.evaluate(() => ({
        overflowing: document.documentElement.scrollHeight > window.innerHeight,
        body: getComputedStyle(document.body).overflowY,
        html: getComputedStyle(document.documentElement).overflowY,
        y: window.scrollY,
      }));
    await expect
      .poll(scroller)
      .toMatchObject({ overflowing: true, body: 'hidden', html: 'visible' });
    const before = (await scroller()).y;
    await page.mouse.move(100, 400); // over the mask, beside the drawer
    await page.mouse.wheel(0, 600);
    await page.keyboard.press('PageDown');
    await expect.poll(async () => (await scroller()).y).toBe(before);
  });

  test('the menu stays in view down a long page, and scrolls on its own to 设置', async ({
    host,
    page,
  }) => {
    await openApp(page, await host.launchUrl());
    await seed(page);
    await openPage(page, '证书目录');
    const menu = (name: string) => page.getByRole('menuitem', { name, exact: true });
    // The page is longer than the window; at its foot the menu's top is still on screen.
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight))
      .toBe(true);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await expect(menu('首页')).toBeInViewport();
    // 18 items are taller than 720 pixels: the menu scrolls by itself, the page staying put.
    const pageY = await page.evaluate(() => window.scrollY);
    await page.locator('.frame-sider').hover();
    await page.mouse.wheel(0, 800);
    await expect(menu('设置')).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY)).toBe(pageY);
    await menu('周报').click();
    await expect(page.getByRole('heading', { level: 3, name: '周报' })).toBeVisible();
  });

  test('考核站点 shows every column, 操作 included, without scrolling sideways', async ({
    host,
    page,
  }) => {
    await openApp(page, await host.launchUrl());
    await seed(page);
    const [web] = await pilot<{ id: number }[]>(page, 'catalogue.list', { search: 'Web前端开发' });
    const rooms = [];
    for (const name of ['软件开发实训室', '网络综合布线与云计算实训中心']) {
      rooms.push(
        await pilot<{ id: number }>(page, 'rooms.save', {
          name,
          areaM2: 120,
          workstations: 40,
          equipment: [],
        }),
      );
    }
    await pilot(page, 'examSites.save', {
      certificateId: web.id,
      appliedOn: '2026-03-01',
      status: 'approved',
      validFrom: '2026-04-01',
      validTo: '2028-12-31',
      places: rooms.map((r) => ({ kind: 'room', id: r.id })),
      note: '',
    });
    await openPage(page, '考核站点');
    const table = page.getByTestId('exam-sites-table');
    await expect(table.locator('.ant-table-row')).toHaveCount(1);
    expect(
      await table.locator('.ant-table-content').evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(0);
    await expect(table.getByRole('button', { name: /删\s*除/ })).toBeInViewport();
  });
});

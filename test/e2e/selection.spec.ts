import { type Locator, type Page } from '@playwright/test';
import {
  anyErrorOf,
  attachScreenshot,
  choose,
  openApp,
  openConfirm,
  openDialog,
  openPage,
  tick,
} from '../harness/antd';
import {
  WEB_CERT,
  addStudents,
  setCaps,
  examDayStart,
  webIntermediateAutumn2026,
} from '../harness/fees';
import { applyBulkStatus, openFirstBatchWith, signupRows } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

/**
 * Whether toasts start under the bottom edge of `title`, whatever their widths: measured on
 * antd's message container while a toast is up; once it has faded (a busy machine can take
 * longer than its 3 seconds to get here), on a probe placed with the offset antdProviders gives it.
 */
async function toastsBelow(page: Page, title: Locator): Promise<boolean> {
  const toastsTop = await page.evaluate(() => {
    const shown = document.querySelector('.ant-message');
    if (shown) return shown.getBoundingClientRect().top;
    const probe = document.createElement('div');
    probe.style.position = 'fixed';
    probe.style.top = 'var(--pilot-toast-top, 8px)';
    document.body.append(probe);
    const top = probe.getBoundingClientRect().top;
    probe.remove();
    return top;
  });
  const box = await title.boundingBox();
  if (!box) throw new Error('title not on screen');
  return toastsTop >= box.y + box.height;
}

test.describe('selections mean what they say', () => {
  // The coordinator's screen.
  test.use({ viewport: { width: 1366, height: 768 } });

  test('全选 41 across pages minus one signs up 40; a bulk 已缴费 skips the withdrawn row after saying why; an emptied fee keeps the fee', async ({
    host,
    page,
    call: data,
  }, testInfo) => {
    test.setTimeout(300_000);
    await setCaps(data);
    await addStudents(data, 41);
    const batch = (await data('exams.batches.save', {
      certificateId: WEB_CERT,
      level: 'junior',
      name: '2026春初级',
      examDate: '2026-05-10',
      fee: 400,
    })) as { id: number };
    await openApp(page, await host.launchUrl());

    // 1. 全选符合条件的 41 人 spans the three pages; unticking one on page 2 leaves 40.
    await openPage(page, '考核报名');
    await page.getByRole('button', { name: '报名管理' }).click();
    await page.getByRole('button', { name: '报名学生' }).click();
    const dialog = openDialog(page);
    await expect(dialog.getByTestId('candidate-summary')).toContainText('符合条件 41 人');
    await dialog.getByRole('button', { name: '全选符合条件的 41 人' }).click();
    await expect(dialog.getByTestId('signup-count')).toHaveText('已勾选 41 人');
    const candidate = (studentNo: string) =>
      dialog
        .getByTestId('candidates-table')
        .locator('tr.ant-table-row', { hasText: studentNo })
        .locator('input[type=checkbox]');
    await dialog.locator('.ant-pagination-item-2').click();
    await expect(candidate('2023000025')).toBeChecked();
    await candidate('2023000025').uncheck();
    await expect(dialog.getByTestId('signup-count')).toHaveText('已勾选 40 人');
    // No longer every one of them: the button offers to clear the choice, not 已全选 41.
    await expect(dialog.getByRole('button', { name: '取消全选' })).toBeVisible();
    await dialog.locator('.ant-pagination-item-3').click();
    await expect(candidate('2023000041')).toBeChecked();
    await dialog.locator('.ant-pagination-item-1').click();
    await expect(candidate('2023000001')).toBeChecked();
    await expect(dialog.getByTestId('signup-count')).toHaveText('已勾选 40 人');
    await dialog.getByTestId('signup-submit').click();
    // No pilot project for the certificate: the notice's warning is confirmed first.
    await (await openConfirm(page)).getByRole('button', { name: '确定报名' }).click();
    await expect(page.getByText('已报名 40 人，跳过已报名 0 人')).toBeVisible();
    await expect(signupRows(page)).toHaveCount(40);
    const listed = (await data('exams.signups.list', { batchId: batch.id, pageSize: 100 })) as {
      total: number;
      items: { studentNo: string }[];
    };
    expect(listed.total).toBe(40);
    expect(listed.items.map((s) => s.studentNo)).not.toContain('2023000025');
    // Again: the 40 signed up cannot be ticked, so 全选 offers the one left.
    await page.getByRole('button', { name: '报名学生' }).click();
    await expect(dialog.getByTestId('candidate-summary')).toContainText(
      '符合条件 41 人，其中已报名本批次 40 人',
    );
    await dialog.getByRole('button', { name: '全选符合条件的 1 人' }).click();
    await expect(dialog.getByTestId('signup-count')).toHaveText('已勾选 1 人');
    await dialog.getByRole('button', { name: '取消全选' }).click();
    await expect(dialog.getByTestId('signup-count')).toHaveText('已勾选 0 人');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // 2. One withdrawn; a bulk 已缴费 over all 40 lists it with the reason, then changes 39.
    const first = signupRows(page).filter({ hasText: '2023000001' });
    await tick(first.locator('input[type=checkbox]'));
    await page.getByRole('button', { name: '撤销报名' }).click();
    await (await openConfirm(page)).getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByText('已撤销 1 条报名')).toBeVisible();
    // Toasts stay clear of the page title (a long batch title reaches the middle).
    expect(await toastsBelow(page, page.getByRole('heading', { level: 3 }))).toBe(true);
    await expect(first).toContainText('已撤销');
    await expect(page.getByText('已选 0 条')).toBeVisible();

    await tick(page.getByTestId('signups-table').locator('thead input[type=checkbox]'));
    await expect(page.getByText('已选 40 条')).toBeVisible();
    await applyBulkStatus(page, '已缴费');
    const confirm = await openConfirm(page);
    await expect(confirm).toContainText('将 39 条报名改为“已缴费”？');
    const skipped = confirm.getByTestId('bulk-skipped').locator('li');
    await expect(skipped).toHaveCount(1);
    await expect(skipped).toContainText('学生1（2023000001）：不能从“已撤销”改为“已缴费”');
    await expect(confirm).toContainText('确定修改其余 39 条吗？');
    await attachScreenshot(page, testInfo, 'selection-bulk-status-skipped');
    await confirm.getByRole('button', { name: '修改其余记录' }).click();
    // The rows say it (the toast is gone within seconds, too soon on a busy machine).
    await expect(signupRows(page).filter({ hasText: '已缴费' })).toHaveCount(39);
    await expect(page.getByText('已选 0 条')).toBeVisible();
    await expect(first).toContainText('已撤销');

    // 3. 台账: a fee typed and cleared means “不修改费用”: only the payer changes.
    await openPage(page, '费用台账');
    const ledger = page.getByTestId('fees-table');
    await expect(ledger.locator('.ant-table-row').first()).toBeVisible();
    await ledger.locator('thead .ant-checkbox-input').check();
    await expect(page.getByText('已选 40 条')).toBeVisible();
    await page.getByRole('button', { name: '修改费用/付费方' }).click();
    const change = openDialog(page);
    await change.locator('#fees-new-fee').fill('450');
    await change.locator('#fees-new-fee').fill('');
    await choose(page, 'fees-new-payer', '财政补助');
    await expect(anyErrorOf(page, 'fees-new-fee')).toHaveCount(0);
    await change.getByRole('button', { name: /保\s*存/ }).click();
    // The withdrawn sign-up is closed: it is listed with its reason and keeps its payer.
    const closed = await openConfirm(page);
    await expect(closed.getByTestId('bulk-skipped').locator('li')).toHaveText([
      /学生1（2023000001）：.*报名已撤销，不能再修改考核费或付费方/,
    ]);
    await expect(closed).toContainText('确定修改其余 39 条吗？');
    await closed.getByRole('button', { name: '修改其余记录' }).click();
    await expect(page.getByText('已修改 39 条报名')).toBeVisible();
    await expect(change).toHaveCount(0);
    await expect(page.getByText('已选 40 条')).toHaveCount(0);
    const subsidy = (await data('fees.ledger', { payers: ['subsidy'], pageSize: 100 })) as {
      total: number;
      items: { feeFen: number }[];
    };
    expect(subsidy.total).toBe(39);
    expect(subsidy.items.every((r) => r.feeFen === 40_000)).toBe(true);

    // 4. 学生自愿自费 for two sign-ups: student 2's additional 中级 may be; student 3's only
    // one may not, and is listed with the reason before the other is changed.
    const second = (await data('exams.batches.save', webIntermediateAutumn2026)) as { id: number };
    const [student2] = (
      (await data('students.list', { search: '2023000002' })) as { items: { id: number }[] }
    ).items;
    await data('exams.signups.create', {
      batchId: second.id,
      studentIds: [student2.id],
      confirm: true,
    });
    await openPage(page, '考核报名');
    await openPage(page, '费用台账');
    const tickRow = async (studentNo: string, batchName: string) => {
      await page.locator('#fees-search').fill(studentNo);
      await expect(ledger).toHaveAttribute('data-search', studentNo);
      await tick(
        ledger
          .locator('.ant-table-row', { hasText: studentNo })
          .filter({ hasText: batchName })
          .getByRole('checkbox'),
      );
    };
    await tickRow('2023000002', '2026秋中级');
    await tickRow('2023000003', '2026春初级');
    await expect(page.getByText('已选 2 条')).toBeVisible();
    await page.getByRole('button', { name: '修改费用/付费方' }).click();
    await choose(page, 'fees-new-payer', '学生自愿自费');
    await openDialog(page)
      .getByRole('button', { name: /保\s*存/ })
      .click();
    const feeConfirm = await openConfirm(page);
    const feeSkipped = feeConfirm.getByTestId('bulk-skipped').locator('li');
    await expect(feeSkipped).toHaveCount(1);
    await expect(feeSkipped).toContainText(
      '学生3（2023000003）：学生“学生3”（学号 2023000003）没有其他由学校承担或财政补助的有效报名',
    );
    await expect(feeConfirm).toContainText('确定修改其余 1 条吗？');
    await feeConfirm.getByRole('button', { name: '修改其余记录' }).click();
    await expect(page.getByText('已修改 1 条报名')).toBeVisible();
    await expect(page.getByText('已选 2 条')).toHaveCount(0);
    const studentPaid = (await data('fees.ledger', { payers: ['student'] })) as {
      items: { studentNo: string; batchLabel: string }[];
    };
    expect(studentPaid.items.map((r) => [r.studentNo, r.batchLabel])).toEqual([
      ['2023000002', '2026秋中级'],
    ]);
  });

  test('ticking a page of 50 sign-ups selects every row at once: no cell starts a CSS transition', async ({
    host,
    page,
    call,
  }) => {
    // Each transition's events pass through React: a page of fading cells held a busy machine
    // for seconds after every tick, every status change and every refresh.
    await openFirstBatchWith(page, await host.launchUrl(), call, await examDayStart(call, 50));
    const table = page.getByTestId('signups-table');
    await expect(signupRows(page)).toHaveCount(50);
    await table.evaluate((element) => {
      element.dataset.transitions = '0';
      element.addEventListener('transitionrun', () => {
        element.dataset.transitions = String(Number(element.dataset.transitions) + 1);
      });
    });
    await tick(table.locator('thead input[type=checkbox]'));
    await expect(table.locator('tr.ant-table-row-selected')).toHaveCount(50);
    // The new styles are computed, and transitions they start announce themselves by the
    // second frame after.
    const transitions = await table.evaluate(
      (element) =>
        new Promise<string | undefined>((resolve) => {
          element.getAnimations({ subtree: true });
          requestAnimationFrame(() =>
            requestAnimationFrame(() => resolve(element.dataset.transitions)),
          );
        }),
    );
    expect(transitions).toBe('0');
  });

  test('the sign-up dialog counts the places left: past the capacity it says by how much, and the core signs up no one', async ({
    host,
    page,
    call,
  }) => {
    await setCaps(call);
    await addStudents(call, 5);
    await call('exams.batches.save', {
      certificateId: WEB_CERT,
      level: 'junior',
      name: '2026春初级',
      examDate: '2026-05-10',
      fee: 400,
      capacity: 3,
    });
    await openApp(page, await host.launchUrl());
    await openPage(page, '考核报名');
    await page.getByRole('button', { name: '报名管理' }).click();
    await page.getByRole('button', { name: '报名学生' }).click();
    const dialog = openDialog(page);
    const count = dialog.getByTestId('signup-count');
    await expect(count).toHaveText('已勾选 0 人，尚余名额 3 人');
    await dialog.getByRole('button', { name: '全选符合条件的 5 人' }).click();
    await expect(count).toHaveText('已勾选 5 人，尚余名额 3 人，超出 2 人');
    // Refused before the notice's question: the whole sign-up, whatever the answer, would be.
    await dialog.getByTestId('signup-submit').click();
    await expect(
      page.getByText(/本次新增 5 人，超出 2 人。请减少人数或调大批次容量；未报名任何学生/),
    ).toBeVisible();
    await expect(signupRows(page)).toHaveCount(0);

    const candidate = (studentNo: string) =>
      dialog
        .getByTestId('candidates-table')
        .locator('tr.ant-table-row', { hasText: studentNo })
        .locator('input[type=checkbox]');
    await candidate('2023000004').uncheck();
    await candidate('2023000005').uncheck();
    await expect(count).toHaveText('已勾选 3 人，尚余名额 3 人');
    await dialog.getByTestId('signup-submit').click();
    await (await openConfirm(page)).getByRole('button', { name: '确定报名' }).click();
    await expect(page.getByText('已报名 3 人，跳过已报名 0 人')).toBeVisible();
    await expect(signupRows(page)).toHaveCount(3);
    // The batch's places are taken: the dialog opened again says so before anyone is ticked.
    await page.getByRole('button', { name: '报名学生' }).click();
    await expect(count).toHaveText('已勾选 0 人，尚余名额 0 人');
  });
});

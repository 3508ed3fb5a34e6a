import { expect, test } from '../harness/webHostTest';
import { attachScreenshot, openApp, openDialog, openPage } from '../harness/antd';
import { addStudents, signUp, WEB_CERT } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { openBatch } from '../harness/uiFlows';

/* Rule 11 per batch: one verdict on the batch list and page, in sign-up, 规则检查 and 首页. */

const juniorCap = (amountFen: number, validFrom: string | null = null) => ({
  kind: 'cap',
  level: 'junior',
  amountFen,
  document: '教职所〔2019〕314号',
  validFrom,
});

test.describe('考核成本上限', () => {
  // Monday 2 March 2026, 16:00 China time.
  test.use({ clockAt: '2026-03-02T16:00:00+08:00' });

  test('a batch fee over a lowered cap is flagged everywhere and refuses new sign-ups; a fee with no cap in force is 无法核对', async ({
    host,
    page,
    call: data,
  }, testInfo) => {
    await data('school.save', schoolProfile);
    await data('catalogue.setLimits', { id: WEB_CERT, limits: [juniorCap(30_000)] });
    const [first] = await addStudents(data, 2);
    const batch = {
      certificateId: WEB_CERT,
      level: 'junior' as const,
      examDate: '2026-06-20',
      fee: 300,
      name: '2026年第一批',
    };
    const { batchIds } = await signUp(data, [batch], [{ student: first, batch: 0 }]);
    // The province lowers the cap below the batch's fee after it was set.
    await data('catalogue.setLimits', { id: WEB_CERT, limits: [juniorCap(28_000)] });

    await openApp(page, await host.launchUrl());
    await openPage(page, '考核报名');
    const row = page
      .getByTestId('batches-table')
      .locator('tbody tr.ant-table-row', { hasText: '2026年第一批' });
    await expect(row.getByTestId('batch-over-cap')).toHaveText('超上限');

    await openBatch(page, '2026年第一批');
    await expect(page.getByTestId('batch-fee')).toHaveText('¥300.00');
    await expect(page.getByTestId('batch-over-cap')).toBeVisible();
    // Sign-up says why it cannot go ahead, in the words the ledger uses, and does not offer 报名.
    await page.getByRole('button', { name: '报名学生' }).click();
    const dialog = openDialog(page);
    await expect(dialog.getByTestId('signup-over-cap')).toHaveText(
      '考核批次“2026年第一批”（Web前端开发）的考核费 ¥300.00 超过 2026年6月20日 适用的考核成本上限 ¥280.00（教职所〔2019〕314号，长期有效）。请先修改该批次的每人考核费（不超过上限），再报名。',
    );
    await expect(dialog.getByTestId('signup-submit')).toBeDisabled();
    await attachScreenshot(page, testInfo, 'caps-signup-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await expect(dialog).toHaveCount(0);

    // 首页: 最高收费 is the batch's ¥300, as the problems list says.
    await openPage(page, '首页');
    const level = page
      .getByTestId('dashboard-exams')
      .locator('.ant-table-row', { hasText: 'Web前端开发 · 初级' });
    await expect(level).toContainText('¥300.00');
    await expect(level).toContainText('¥280.00');
    const violations = page.getByTestId('dashboard-violations').locator('.ant-list-item');
    await expect(violations.filter({ hasText: '考核费超过成本上限' })).toContainText(
      '批次考核费 ¥300.00',
    );

    // The cap now starts in 2026 and the batch moves to 2025: nothing to check it against.
    await data('catalogue.setLimits', {
      id: WEB_CERT,
      limits: [juniorCap(30_000, '2026-01-01')],
    });
    await data('exams.batches.save', { ...batch, id: batchIds[0], examDate: '2025-12-20' });
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    const missing = violations.filter({ hasText: '无法核对考核费' });
    await expect(missing).toContainText('无法核对上限');
    await expect(missing).toContainText(
      '请在证书目录中为“Web前端开发”初级录入该日期适用的考核成本上限',
    );
    await expect(level).toContainText('未录入');
    await expect(violations.filter({ hasText: '考核费超过成本上限' })).toHaveCount(0);
    await attachScreenshot(page, testInfo, 'caps-dashboard-unchecked');

    await openPage(page, '费用台账');
    await page.getByRole('tab', { name: '规则检查' }).click();
    const rule = page.getByTestId('rule-over-cap');
    await expect(rule).toContainText(
      '1 个批次收取考核费，但考核日期没有适用于其等级和考核形式的考核成本上限，无法核对',
    );
    await expect(rule.getByTestId('rule-cap-missing').locator('tbody tr')).toContainText(
      '未录入（无法核对）',
    );

    await openBatch(page, '2026年第一批');
    await expect(page.getByTestId('batch-cap-unchecked')).toHaveText('无法核对成本上限');
    await expect(page.getByTestId('batch-over-cap')).toHaveCount(0);
  });
});

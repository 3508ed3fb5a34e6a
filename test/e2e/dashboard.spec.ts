import { expect, test } from '../harness/webHostTest';
import { readFileSync } from 'node:fs';
import { attachScreenshot, openPage, tick, openConfirm, openApp } from '../harness/antd';
import { addStudents, setCaps, signUp, WEB_CERT, dataCall } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { seedStaff } from '../harness/seedStaff';
import { openBatch } from '../harness/uiFlows';
import { bareProject } from '../harness/seedProject';

test.describe('首页', () => {
  // Monday 2 March 2026, 16:00 China time.
  test.use({ clockAt: '2026-03-02T16:00:00+08:00' });

  test('a fresh install opens on 学校信息; with data, 首页 shows what the tables hold and links each problem', async ({
    host,
    page,
    hostCall: raw,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await expect(page.getByText('还没有填写学校信息')).toBeVisible();
    // 首页 before the school is saved comes back here, and the page says why.
    await page.getByRole('menuitem', { name: '首页' }).click();
    await expect(page.getByRole('heading', { level: 3, name: '学校信息' })).toBeVisible();
    await expect(page.getByText('保存后“首页”才会显示试点概况')).toBeVisible();

    const data = dataCall(raw);
    await data('school.save', schoolProfile);
    const staff = await seedStaff(raw, 3);
    await setCaps(data);
    await data(
      'projects.create',
      bareProject(WEB_CERT, 2026, {
        majorIds: [staff.majors[0].id],
        plannedStudents: [],
        hardwareChecks: [],
      }),
    );
    const ids = await addStudents(data, 5);
    const { signupId } = await signUp(
      data,
      [
        // Sat before the host's clock: attendance and results exist only from the exam day on.
        { certificateId: WEB_CERT, level: 'junior', examDate: '2026-02-10', fee: 480 },
        { certificateId: WEB_CERT, level: 'intermediate', examDate: '2026-06-10', fee: 600 },
      ],
      [
        ...ids.map((student) => ({ student, batch: 0 })),
        { student: ids[3], batch: 1, payer: 'student' as const },
      ],
    );
    const status = (students: number[], to: string) =>
      data('exams.signups.setStatus', { ids: students.map((s) => signupId(s, 0)), status: to });
    await status(ids, 'paid');
    await status([ids[0], ids[1], ids[2]], 'examined');
    await status([ids[0], ids[2]], 'passed');
    await status([ids[1]], 'failed');
    await status([ids[3]], 'withdrawn');
    // 学生5's only sign-up is withdrawn on the batch page below.
    // Two weekly reports overdue at the host's clock.
    await data('weekly.saveSettings', {
      pilotStart: '2026-02-16',
      cadence: 'weekly',
      dueWeekday: 5,
      dueTime: '17:00',
    });

    await openApp(page, await host.launchUrl());
    await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();

    // Withdrawn sign-ups count nowhere: withdraw 学生5's only sign-up (¥480) on the batch page;
    // 台账, 汇总 and 首页 then give the same money, the withdrawn ones on a line of their own.
    await openBatch(page, '初级');
    await tick(
      page
        .getByTestId('signups-table')
        .locator('tbody tr.ant-table-row', { hasText: '学生5' })
        .locator('input[type=checkbox]'),
    );
    await page.getByRole('button', { name: '撤销报名' }).click();
    // It is 学生5's only exam, paid by the school: the dialog says rule 13 will list the student.
    const withdrawing = await openConfirm(page);
    await expect(withdrawing.getByTestId('withdraw-school-paid-lost')).toContainText(
      '学生5（2023000005）将没有由学校承担或财政补助的有效报名',
    );
    await withdrawing.getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByText('已撤销 1 条报名')).toBeVisible();
    // 3 junior sign-ups school-paid at ¥480 and one self-paid 中级 at ¥600; two withdrawn ¥480.
    const withdrawnLine = '另有 2 条已撤销报名（¥960.00，不计入';
    await expect(page.getByTestId('batch-fee-total')).toHaveText('¥1,440.00');
    await openPage(page, '费用台账');
    await expect(page.getByTestId('fees-summary')).toHaveText(
      `共 4 条有效报名，费用合计 ¥2,040.00；${withdrawnLine}合计）`,
    );
    await page.getByRole('tab', { name: '汇总' }).click();
    await expect(page.getByTestId('totals-all')).toContainText('共 4 人次，费用合计 ¥2,040.00');
    await expect(page.getByTestId('totals-withdrawn')).toContainText(withdrawnLine);
    // Rule 13: 学生4 has only the self-paid 中级 left; 学生5 has no live sign-up (尚未安排).
    await page.getByRole('tab', { name: '规则检查' }).click();
    await expect(page.getByTestId('rule-school-paid').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('rule-school-paid').locator('tbody tr')).toContainText('学生4');
    const todo = page.getByTestId('rule-unscheduled');
    await expect(todo).toContainText('1 名试点学生尚未安排考核');
    await expect(todo.locator('tbody tr')).toHaveCount(1);
    await expect(todo.locator('tbody tr')).toContainText('学生5');
    await expect(todo.locator('tbody tr')).toContainText('已撤销');
    await attachScreenshot(page, testInfo, 'rules-unscheduled');
    await openPage(page, '首页');
    await expect(page.getByTestId('dashboard-fee-total')).toContainText('¥2,040.00');
    await expect(page.getByTestId('dashboard-withdrawn')).toContainText(withdrawnLine);
    await expect(page.getByTestId('dashboard-signed-up')).toContainText('4');
    const examRows = page.getByTestId('dashboard-exams').locator('.ant-table-row');
    await expect(examRows).toHaveCount(2);
    await expect(examRows.first()).toContainText('Web前端开发 · 初级');
    await expect(examRows.first()).toContainText('66.7%');
    // The rate counts judged results only, and its header says so.
    await expect(
      page.getByTestId('dashboard-exams').getByRole('columnheader', { name: '通过率（已出结果）' }),
    ).toBeVisible();
    const violations = page.getByTestId('dashboard-violations').locator('.ant-list-item');
    await expect(violations).toHaveCount(4);
    await expect(violations.nth(0)).toContainText('周报：严重（2 期逾期未报送）');
    await expect(violations.nth(1)).toContainText('1 名试点学生只有自费的考核');
    await expect(violations.nth(2)).toContainText('1 名试点学生尚未安排考核');
    await expect(violations.nth(2)).toContainText('学生5（2023000005）');
    await expect(violations.nth(3)).toContainText('资格自查');
    await expect(page.getByTestId('chart-weekly')).toBeVisible();
    await attachScreenshot(page, testInfo, 'dashboard');

    // Each chart saves as a PNG.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('chart-exams').getByRole('button', { name: '导出图片' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('报名、参考与通过人次.png');
    const saved = testInfo.outputPath('chart.png');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(1, 4).toString('latin1')).toBe('PNG');

    // The rule-13 problem opens the ledger's rule check, which names the student; the ledger
    // holds as many live sign-ups as 首页 counts.
    await violations.nth(1).getByRole('button', { name: '去处理' }).click();
    await expect(page).toHaveURL(/#\/fees\/rules$/);
    await expect(page.getByRole('tabpanel')).toContainText('学生4');
    await openPage(page, '首页');
    await expect(
      page.getByText('学校承担与财政补助 ¥1,440.00，学生自愿自费 ¥600.00'),
    ).toBeVisible();
    await expect(violations).toHaveCount(4);

    // The province lowers the junior cap below ¥480: 规则检查 counts the batch and its 3 live
    // sign-ups apart (withdrawn ones are not judged), as 首页 names them, by the cap of the day.
    // The new list has no 中级 cap: the ¥600 中级 batch cannot be checked, and says so.
    await data('catalogue.setLimits', {
      id: WEB_CERT,
      limits: [
        { kind: 'cap', level: 'junior', amountFen: 47_000, document: '鄂教职成〔2026〕1号' },
      ],
    });
    await openPage(page, '费用台账');
    await page.getByRole('tab', { name: '规则检查' }).click();
    await page.getByRole('button', { name: '重新检查' }).click();
    const overCap = page.getByTestId('rule-over-cap');
    await expect(overCap).toContainText(
      '1 个批次的每人考核费、3 条报名的费用超过考核日期适用的成本上限',
    );
    await expect(overCap).toContainText('1 个批次收取考核费，但考核日期没有适用于其等级');
    await expect(overCap.locator('tbody tr')).toHaveCount(5);
    await expect(overCap.getByTestId('rule-cap-missing').locator('tbody tr')).toHaveCount(1);
    await expect(overCap.locator('tbody tr').filter({ hasText: '学生5' })).toHaveCount(0);
    await openPage(page, '首页');
    const overCapLine = violations.filter({ hasText: '考核费超过成本上限' });
    await expect(overCapLine).toContainText('批次考核费 ¥480.00');
    await expect(overCapLine).toContainText('的报名费用超过上限');
    await expect(overCapLine).not.toContainText('学生5');
    await expect(violations.filter({ hasText: '无法核对考核费' })).toContainText(
      '最高收费 ¥600.00',
    );
    await expect(violations).toHaveCount(6);
  });
});

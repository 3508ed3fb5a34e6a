import { readFileSync } from 'node:fs';
import { attachScreenshot, choose, errorOf, openApp, openDialog } from '../harness/antd';
import { addStudents, examDayStart, firstBatch, signUp } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { loadWorkbook, sheetTable } from '../harness/sheets';
import { expectDashboardExamFigures, openBatch, openFirstBatchWith } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

test.describe('考勤登记', () => {
  test('attendance recorded on the batch page (keys, one 违纪, the rest in bulk) shows on the batch and on 首页', async ({
    host,
    page,
    call,
  }, testInfo) => {
    // With the school saved, 首页 is the home page (a fresh install opens on 学校信息).
    const students = await examDayStart(call, 6);

    await openFirstBatchWith(page, await host.launchUrl(), call, students);
    await expect(page.getByTestId('batch-attendance')).toHaveText(
      '应考 6 人，实考 0 人，缺考 0 人，违纪 0 人',
    );

    await page.getByTestId('open-attendance').click();
    // The sign-up list's own selection and tools are not shown over 考勤登记.
    await expect(page.getByRole('button', { name: '撤销报名' })).toHaveCount(0);
    const table = page.getByTestId('attendance-table');
    const rows = table.locator('tbody tr.ant-table-row');
    // By 学号 until the batch is arranged, and said so.
    await expect(rows).toHaveCount(6);
    await expect(page.getByText('本批次尚未编排考场座位，暂按学号排列。')).toBeVisible();
    await expect(rows.first()).toContainText('2023000001');
    await expect(page.getByTestId('attendance-counts')).toHaveText(
      '应考 6 人，实考 0 人，缺考 0 人，违纪 0 人，未登记 6 人',
    );

    // Keyboard: 学生2's row, key 2 = 缺考 (the focus moves on to 学生3's row).
    const row = (n: number) => rows.filter({ hasText: `202300000${n}` });
    await row(2).focus();
    await page.keyboard.press('2');
    await expect(row(2).getByRole('radio', { name: '缺考' })).toBeChecked();
    await expect(row(3)).toBeFocused();
    // A click: 学生4 违纪.
    await row(4).getByText('违纪').click();
    await expect(row(4).getByRole('radio', { name: '违纪' })).toBeChecked();
    // The rest in bulk.
    await page.getByTestId('attendance-rest-present').click();
    for (const n of [1, 3, 5, 6]) {
      await expect(row(n).getByRole('radio', { name: '实考' })).toBeChecked();
    }
    await attachScreenshot(page, testInfo, 'attendance-marked');
    await page.getByTestId('attendance-save').click();
    // Saved when the drafts are gone (the 已保存考勤 toast may come and go before a busy check).
    await expect(page.getByTestId('attendance-save')).toHaveText('没有更改');
    await expect(page.getByTestId('attendance-counts')).toHaveText(
      '应考 6 人，实考 4 人，缺考 1 人，违纪 1 人',
    );
    await expect(row(4)).toContainText('违纪');
    await expect(row(1)).toContainText('已考');

    // An unsaved mark would be missing from the 缺考名单: it waits until there is none.
    const absentSheet = page.getByTestId('attendance-absent-sheet');
    await expect(absentSheet).toBeEnabled();
    await row(3).getByText('缺考').click();
    await expect(absentSheet).toBeDisabled();
    await expect(absentSheet).toHaveAttribute('title', /请先保存考勤/);
    await row(3).getByText('实考').click();
    await expect(page.getByTestId('attendance-save')).toHaveText('没有更改');
    await expect(absentSheet).toBeEnabled();

    // 缺考名单: the 缺考 and the 违纪 candidate, read back from the downloaded file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('attendance-absent-sheet').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'Web前端开发 初级 · 2020年11月15日 第一批 缺考名单.xlsx',
    );
    const wb = await loadWorkbook(readFileSync((await download.path())!));
    const { rows: listed } = sheetTable(wb.getWorksheet('缺考名单')!);
    expect(listed.map((r) => [r[4], r[8]])).toEqual([
      ['学生2', '缺考'],
      ['学生4', '违纪'],
    ]);

    await page.getByRole('button', { name: '退出考勤登记' }).click();
    await expect(page.getByTestId('batch-attendance')).toHaveText(
      '应考 6 人，实考 4 人，缺考 1 人，违纪 1 人',
    );
    const signups = page.getByTestId('signups-table').locator('tbody tr.ant-table-row');
    await expect(signups.filter({ hasText: '2023000004' })).toContainText('违纪');
    await expect(signups.filter({ hasText: '2023000002' })).toContainText('缺考');
    await attachScreenshot(page, testInfo, 'attendance-batch');

    await expectDashboardExamFigures(page, { 报名: '6', 已考: '4', 缺考: '1', 违纪: '1' });
    await attachScreenshot(page, testInfo, 'attendance-dashboard');
  });

  test('at 1280×720 the batch page header fits and the fixed 操作 column covers no money column', async ({
    host,
    page,
    call,
  }, testInfo) => {
    await call('school.save', schoolProfile);
    const students = await addStudents(call, 3);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openFirstBatchWith(page, await host.launchUrl(), call, students);
    await expect(page.getByTestId('batch-attendance')).toBeVisible();
    // Every header action inside the window, the title on one line above or beside them.
    const signUpButton = page.getByRole('button', { name: '报名学生' });
    const box = (await signUpButton.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    const title = (await page.locator('h3').first().boundingBox())!;
    expect(title.height).toBeLessThan(50);
    // 考核费 and 承担方 are not under the fixed 操作 column.
    const table = page.getByTestId('signups-table');
    const header = (name: string) =>
      table.locator('thead th').filter({ hasText: new RegExp(`^${name}$`) });
    const actions = (await header('操作').boundingBox())!;
    for (const name of ['考核费', '承担方']) {
      const cell = (await header(name).boundingBox())!;
      expect(cell.x + cell.width, name).toBeLessThanOrEqual(actions.x);
    }
    // The 考核站点 tag does not run over the next item's label.
    await expect(page.getByText('每人考核费')).toBeVisible();
    const verdict = (await page.getByTestId('exam-site-verdict').boundingBox())!;
    const feeLabel = (await page.getByText('每人考核费').boundingBox())!;
    expect(
      verdict.y + verdict.height <= feeLabel.y || verdict.x + verdict.width <= feeLabel.x,
    ).toBe(true);
    await attachScreenshot(page, testInfo, 'batch-1280');

    // The batch list: 证书, 批次名称 and 考核场所 are not squeezed to a character a line.
    await page.getByRole('button', { name: '返回批次列表' }).click();
    const batches = page.getByTestId('batches-table');
    const dateCell = (await batches.locator('tbody td').first().boundingBox())!;
    expect(dateCell.height).toBeLessThan(60);
    for (const name of ['批次名称', '考核场所', '证书']) {
      const th = (await batches
        .locator('thead th')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .boundingBox())!;
      expect(th.width, name).toBeGreaterThanOrEqual(90);
    }
    await attachScreenshot(page, testInfo, 'batches-1280');
  });

  test('a batch whose exam is still ahead takes no attendance or result, and says why', async ({
    host,
    page,
    call,
  }) => {
    const students = await examDayStart(call, 2);
    // Thirty days after the host's (real) clock.
    const ahead = new Date(Date.now() + 30 * 86_400_000);
    const examDate = ahead.toISOString().slice(0, 10);
    const shown = `${ahead.getUTCFullYear()}年${ahead.getUTCMonth() + 1}月${ahead.getUTCDate()}日`;
    const { batchIds } = await signUp(
      call,
      [{ ...firstBatch, examDate }],
      students.map((student) => ({ student, batch: 0 })),
    );

    const listed = async () =>
      (
        (await call('exams.signups.list', { batchId: batchIds[0], pageSize: 10 })) as {
          items: { id: number; status: string }[];
        }
      ).items;
    // Paying before the exam is fine.
    await call('exams.signups.setStatus', {
      ids: (await listed()).map((s) => s.id),
      status: 'paid',
    });

    await openApp(page, await host.launchUrl());
    await openBatch(page, '第一批');
    for (const id of ['open-attendance', 'bulk-results', 'import-results']) {
      await expect(page.getByTestId(id), id).toBeDisabled();
    }
    await page.getByTestId('open-attendance').hover();
    await expect(page.getByRole('tooltip')).toHaveText(
      `考核日期为${shown}，考核当天起才能登记考勤和结果`,
    );

    // One sign-up's own 录入结果: the core refuses 缺考 before the exam and says so on 状态.
    await page.getByTestId('signup-result-2023000001').click();
    await choose(page, 'result_status', '缺考');
    await openDialog(page)
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect(errorOf(page, 'result_status')).toContainText(
      `考核日期为${shown}，尚未考核，不能登记“缺考”`,
    );
    expect((await listed()).map((s) => s.status)).toEqual(['paid', 'paid']);
  });
});

import { type Page } from '@playwright/test';
import { answerUnsaved, attachScreenshot, fillDate, openApp, openConfirm } from '../harness/antd';
import { examDayStart, signUpForFirstBatch } from '../harness/fees';
import { openBatch, signupRows } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

/** Picks `option` in the 批量录入结果 select `testId`, retrying while a re-render eats the click. */
async function pick(page: Page, testId: string, option: string) {
  const dropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
  await expect(async () => {
    if ((await dropdown.count()) === 0) await page.getByTestId(testId).click({ timeout: 3_000 });
    await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click({ timeout: 3_000 });
    await expect(dropdown).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

test.describe('批量录入结果', () => {
  test('本页全部设为… leaves recorded results alone; undoing a pass is confirmed first', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const students = await examDayStart(call, 5, { school: false });
    const { batchIds, signupId } = await signUpForFirstBatch(call, students);
    const id = (n: number) => signupId(students[n - 1], 0);
    const no = (n: number) => `202300000${n}`;
    // 学生1 and 学生2 passed with certificates on the platform and in the credit bank, 学生3
    // 缺考, 学生4 still 已报名, 学生5 withdrawn.
    await call('exams.signups.saveResults', {
      batchId: batchIds[0],
      entries: [
        ...[1, 2].map((n) => ({
          id: id(n),
          status: 'passed',
          score: 90,
          certificateNo: `WEB-${n}`,
          issuedOn: '2020-12-20',
        })),
        { id: id(3), status: 'absent', score: null, certificateNo: '', issuedOn: '' },
      ],
    });
    for (const n of [1, 2]) {
      await call('exams.signups.saveResult', {
        id: id(n),
        score: 90,
        certificateNo: `WEB-${n}`,
        issuedOn: '2020-12-20',
        platformRegistered: true,
        creditBank: true,
      });
    }
    await call('exams.signups.setStatus', { ids: [id(5)], status: 'withdrawn' });

    await openApp(page, await host.launchUrl());
    await openBatch(page, '第一批');
    await page.getByTestId('bulk-results').click();
    await pick(page, 'bulk-results-set-all', '未通过');
    await expect(
      page.getByText(
        '已将 1 行设为“未通过”（尚未保存）。未改动：3 行已有结果（通过、未通过、缺考或违纪），保留原样；如需更正，请在该行单独修改；1 行已撤销。',
      ),
    ).toBeVisible();
    await expect(page.getByTestId('bulk-results-save')).toHaveText('保存 1 条更改');
    await expect(page.getByTestId(`bulk-status-${no(1)}`)).toContainText('通过');
    await expect(page.getByTestId(`bulk-certificate-${no(1)}`)).toHaveValue('WEB-1');
    await attachScreenshot(page, testInfo, 'result-table-fill-down');

    // A pass corrected on its own row: the save names what it takes away and asks first.
    await pick(page, `bulk-status-${no(1)}`, '未通过');
    await expect(page.getByTestId('bulk-results-save')).toHaveText('保存 2 条更改');
    await page.getByTestId('bulk-results-save').click();
    let confirm = await openConfirm(page);
    await expect(confirm).toContainText('保存将撤销 1 名考生已录入的通过结果或证书，确定保存吗？');
    await expect(confirm.getByTestId('bulk-results-losses').locator('li')).toHaveText([
      `学生1（${no(1)}）：结果“通过”（改为“未通过”）、证书编号“WEB-1”、发证日期 2020-12-20、平台已登记、已转入学分银行`,
    ]);
    await attachScreenshot(page, testInfo, 'result-table-undo-pass');
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await expect(confirm).toHaveCount(0);
    // Declined: nothing saved, the typed changes stay.
    await expect(page.getByTestId('bulk-results-save')).toHaveText('保存 2 条更改');
    const saved = (await call('exams.signups.list', { batchId: batchIds[0] })) as {
      items: { studentNo: string; status: string; certificateNo: string }[];
    };
    expect(saved.items.find((s) => s.studentNo === no(1))).toMatchObject({
      status: 'passed',
      certificateNo: 'WEB-1',
    });

    await page.getByTestId('bulk-results-save').click();
    confirm = await openConfirm(page);
    await confirm.getByRole('button', { name: '仍然保存' }).click();
    await expect(page.getByText('已保存 2 条结果')).toBeVisible();
    const rows = page.getByTestId('signups-table').locator('tbody tr.ant-table-row');
    await expect(rows.filter({ hasText: no(1) })).toContainText('未通过');
    await expect(rows.filter({ hasText: no(2) })).toContainText('WEB-2');
    await expect(rows.filter({ hasText: no(4) })).toContainText('未通过');
  });

  test('a refused save marks its rows and says so above the table until they are fixed', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const students = await examDayStart(call, 2, { school: false });
    await signUpForFirstBatch(call, students);
    await openApp(page, await host.launchUrl());
    await openBatch(page, '第一批');
    await page.getByTestId('bulk-results').click();

    await pick(page, 'bulk-status-2023000001', '通过');
    await page.getByTestId('bulk-certificate-2023000001').fill('WEB-1');
    await fillDate(page, 'bulk-issued-2023000001', '2099-1-1', '2099年1月1日');
    await pick(page, 'bulk-status-2023000002', '未通过');
    await page.getByTestId('bulk-results-save').click();

    const refused = page.getByTestId('bulk-results-refused');
    await expect(refused).toContainText('未保存：1 行有错误，未做任何更改');
    await expect(refused).toContainText('学生1（学号 2023000001）：发证日期');
    await expect(page.getByTestId('bulk-error-2023000001')).toHaveText(
      /^发证日期2099年1月1日晚于今天/,
    );
    await expect(page.getByTestId('bulk-error-2023000002')).toHaveCount(0);
    await expect(page.getByTestId('bulk-results-save')).toHaveText('保存 2 条更改');
    await attachScreenshot(page, testInfo, 'result-table-refused');

    // Fixing the row clears its mark; the save then goes through.
    await fillDate(page, 'bulk-issued-2023000001', '2020-12-20', '2020年12月20日');
    await expect(refused).toHaveCount(0);
    await expect(page.getByTestId('bulk-error-2023000001')).toHaveCount(0);
    await page.getByTestId('bulk-results-save').click();
    await expect(page.getByText('已保存 2 条结果')).toBeVisible();
  });

  test('a typed row hidden by a search is still counted, guarded against leaving and saved', async ({
    host,
    page,
    call,
  }) => {
    const students = await examDayStart(call, 3, { school: false });
    const { batchIds } = await signUpForFirstBatch(call, students);
    await openApp(page, await host.launchUrl());
    await openBatch(page, '第一批');
    // Rows ticked in the list are not carried into the table, where no tick shows.
    await signupRows(page).first().locator('input[type=checkbox]').check();
    await expect(page.getByText('已选 1 条')).toBeVisible();
    await page.getByTestId('bulk-results').click();
    await expect(page.getByText('已选 0 条')).toBeVisible();
    await expect(page.getByRole('button', { name: '撤销报名' })).toBeDisabled();
    await pick(page, 'bulk-status-2023000001', '已考');
    await page.getByTestId('bulk-score-2023000001').fill('88');

    const search = page.getByRole('searchbox', { name: '按姓名或学号开头搜索' });
    await search.fill('2023000002');
    await search.press('Enter');
    await expect(page.getByTestId('bulk-score-2023000001')).toHaveCount(0);
    await expect(page.getByTestId('bulk-results-hidden')).toContainText(
      '另有 1 条未保存的更改不在当前搜索或筛选结果中',
    );
    await expect(page.getByTestId('bulk-results-save')).toHaveText('保存 1 条更改');

    // Leaving asks, though the typed row is not on screen.
    await page.getByRole('menuitem', { name: '首页' }).click();
    await answerUnsaved(page, '继续编辑');
    await page.getByRole('button', { name: '退出批量录入' }).click();
    await answerUnsaved(page, '继续编辑');

    await page.getByTestId('bulk-results-save').click();
    await expect(page.getByText('已保存 1 条结果')).toBeVisible();
    const saved = (await call('exams.signups.list', { batchId: batchIds[0] })) as {
      items: { studentNo: string; status: string; score: number | null }[];
    };
    expect(saved.items.find((s) => s.studentNo === '2023000001')).toMatchObject({
      status: 'examined',
      score: 88,
    });
  });
});

import { answerUnsaved, attachScreenshot } from '../harness/antd';
import { examDayStart } from '../harness/fees';
import { xlsxBytes } from '../harness/sheets';
import { residentId } from '../harness/students';
import { openFirstBatchWith } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test.describe('成绩导入', () => {
  test('the organization’s sheet imported from the batch page sets statuses and certificate numbers', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const students = await examDayStart(call, 4, { school: false });

    await openFirstBatchWith(page, await host.launchUrl(), call, students.slice(0, 3));
    const rows = page.getByTestId('signups-table').locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(3);

    await page.getByTestId('import-results').click();
    const dialog = page.locator('.ant-modal-content');
    await dialog.locator('input[type=file]').setInputFiles({
      name: '成绩单.xlsx',
      mimeType: XLSX_MIME,
      buffer: await xlsxBytes({
        rows: [
          ['Web前端开发（初级）考核成绩'],
          ['序号', '考生姓名', '身份证号码', '成绩', '考核结果', '证书编号', '发证日期'],
          [1, '学生1', residentId('20050301', 1), 86, '通过', 'WEB-2020-0001', '2020-12-20'],
          [2, '学生2', residentId('20050301', 2), 41, '不合格', '', ''],
          [3, '学生3', residentId('20050301', 3), '缺考', '', '', ''],
          // Not signed up for this batch: listed, and left out when the person chooses so.
          [4, '学生4', residentId('20050301', 4), 90, '通过', 'WEB-2020-0004', '2020-12-20'],
        ],
      }),
    });
    await expect(dialog.getByTestId('import-summary')).toContainText(
      '共 4 行：可导入 3 行（首次录入 3，更新结果 0），有错误 1 行。',
    );
    await expect(dialog.getByTestId('import-headline')).toHaveText(
      '匹配到本批次报名 3 行，未匹配 1 行，有冲突或错误 0 行。',
    );
    await expect(dialog.getByTestId('import-errors')).toContainText(
      '本校学生 学生4（学号 2023000004）没有报名本批次',
    );
    await attachScreenshot(page, testInfo, 'results-import-preview');
    await dialog.getByTestId('import-skip-invalid').click();
    await page.getByRole('button', { name: '确定导入' }).click();
    await expect(dialog.getByText('导入完成：首次录入 3 条，更新结果 0 条。')).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();

    // The batch page shows what the sheet said.
    const row = (studentNo: string) => rows.filter({ hasText: studentNo });
    await expect(row('2023000001')).toContainText('通过');
    await expect(row('2023000001')).toContainText('WEB-2020-0001');
    await expect(row('2023000001')).toContainText('86');
    await expect(row('2023000002')).toContainText('未通过');
    await expect(row('2023000002')).toContainText('41');
    await expect(row('2023000003')).toContainText('缺考');
    await attachScreenshot(page, testInfo, 'results-imported');
  });

  test('批量录入结果: a page of results typed into the table and saved at once', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const students = await examDayStart(call, 3, { school: false });
    await openFirstBatchWith(page, await host.launchUrl(), call, students);
    await page.getByTestId('bulk-results').click();

    const pick = async (testId: string, option: string) => {
      const dropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
      await expect(async () => {
        if ((await dropdown.count()) === 0)
          await page.getByTestId(testId).click({ timeout: 3_000 });
        await dropdown
          .locator(`.ant-select-item-option[title="${option}"]`)
          .click({ timeout: 3_000 });
        await expect(dropdown).toHaveCount(0, { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
    };
    await pick('bulk-status-2023000001', '通过');
    await page.getByLabel('学生1 成绩').fill('88');
    await page.getByTestId('bulk-certificate-2023000001').fill('WEB-2020-0101');
    await pick('bulk-status-2023000002', '未通过');
    await page.getByLabel('学生2 成绩').fill('42');
    await pick('bulk-status-2023000003', '缺考');
    await expect(page.getByTestId('bulk-results-save')).toHaveText('保存 3 条更改');
    await attachScreenshot(page, testInfo, 'bulk-results');
    // Typed results are not dropped on the way out: 退出批量录入 and the sidebar ask first.
    await page.getByRole('button', { name: '退出批量录入' }).click();
    await answerUnsaved(page, '继续编辑');
    await page.getByRole('menuitem', { name: '首页' }).click();
    await answerUnsaved(page, '继续编辑');
    await expect(page.getByTestId('bulk-results-save')).toHaveText('保存 3 条更改');
    await page.getByTestId('bulk-results-save').click();
    await expect(page.getByText('已保存 3 条结果')).toBeVisible();

    const rows = page.getByTestId('signups-table').locator('tbody tr.ant-table-row');
    const row = (studentNo: string) => rows.filter({ hasText: studentNo });
    await expect(row('2023000001')).toContainText('WEB-2020-0101');
    await expect(row('2023000001')).toContainText('88');
    await expect(row('2023000002')).toContainText('未通过');
    await expect(row('2023000003')).toContainText('缺考');
  });
});

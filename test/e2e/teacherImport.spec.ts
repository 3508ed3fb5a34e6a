import { downloadProblemRows } from '../harness/uiFlows';
import { attachScreenshot, openApp, openConfirm, openPage, pressInConfirm } from '../harness/antd';
import { xlsxBytes } from '../harness/sheets';
import { expect, test } from '../harness/webHostTest';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header = ['工号', '姓名', '性别', '职称', '专任', '双师型', '能独立承担教学任务'];

test.describe('教师导入', () => {
  test('a sheet with a bad row: its problem rows downloaded, the valid row imported alone; fixed, the rest imports; again, nothing doubles', async ({
    host,
    page,
  }, testInfo) => {
    await openApp(page, await host.launchUrl());
    await openPage(page, '教师');
    const pick = async (name: string, rows: string[][]) =>
      page.locator('.ant-modal input[type=file]').setInputFiles({
        name,
        mimeType: XLSX_MIME,
        buffer: await xlsxBytes({ rows: [['教师名单'], header, ...rows] }),
      });
    await page.getByRole('button', { name: '从表格导入' }).click();
    const dialog = page.locator('.ant-modal-content');
    await pick('教师.xlsx', [
      ['T001', '张三', '女', '讲师', '是', '是', '是'],
      ['T002', '李四', '男士', '讲师', '是', '否', '是'],
    ]);
    // The error group opens on its rows: 行号, 工号, 姓名, the cell at fault, the problem.
    const errorRow = dialog.getByTestId('import-errors').locator('tbody tr').first();
    await expect(errorRow.locator('td')).toHaveText([
      '4',
      'T002',
      '李四',
      '男士',
      '性别“男士”应为“男”或“女”',
    ]);
    await expect(dialog.getByTestId('import-commit')).toBeDisabled();
    await attachScreenshot(page, testInfo, 'teacher-import-error');

    // 下载问题行: 行号, the file's own columns, 问题 — read back with ExcelJS.
    const problems = await downloadProblemRows(page, dialog, '教师-问题行.xlsx');
    expect(problems.header).toEqual(['行号', ...header, '问题']);
    expect(problems.rows).toEqual([
      [4, 'T002', '李四', '男士', '讲师', '是', '否', '是', '“性别”列：性别“男士”应为“男”或“女”'],
    ]);

    // 仅导入无误的 1 行, after saying what stays out: only 张三 is saved.
    await dialog.getByTestId('import-skip-invalid').click();
    await expect(await openConfirm(page)).toContainText('将导入 1 行；另有 1 行有错误，不会导入');
    await pressInConfirm(page, /确定导入/);
    await expect(dialog.getByText('导入完成：新增 1 条，更新 0 条。')).toBeVisible();
    await expect(dialog.getByText('有错误的 1 行未导入。')).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    const rows = page.getByTestId('teachers-table').locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText(['张三']);

    // The fixed sheet: 李四 is added, 张三 (the same 工号, now 副教授) updated.
    await page.getByRole('button', { name: '从表格导入' }).click();
    const fixed = [
      ['T001', '张三', '女', '副教授', '是', '是', '是'],
      ['T002', '李四', '男', '讲师', '是', '否', '是'],
    ];
    await pick('教师（已改正）.xlsx', fixed);
    await dialog.getByTestId('import-commit').click();
    await expect(dialog.getByText('导入完成：新增 1 条，更新 1 条。')).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(rows).toHaveCount(2);

    await page.getByRole('button', { name: '从表格导入' }).click();
    await pick('教师（再次）.xlsx', fixed);
    // The same sheet again changes nothing: the preview and the result say so instead of 更新 2.
    await expect(dialog.getByTestId('import-summary')).toContainText(
      '（新增 0，更新 0，与已保存的相同 2）',
    );
    await dialog.getByTestId('import-commit').click();
    await expect(
      dialog.getByText('导入完成：新增 0 条，更新 0 条，另有 2 条与已保存的相同（未改动）。'),
    ).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(rows).toHaveCount(2);
    await expect(page.getByTestId('stat-dual')).toContainText('1');
  });
});

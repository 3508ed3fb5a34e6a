import { downloadProblemRows } from '../harness/uiFlows';
import { type Page } from '@playwright/test';
import {
  anyErrorOf,
  consoleProblems,
  errorOf,
  openApp,
  openConfirm,
  pressInConfirm,
} from '../harness/antd';
import { addStudents, setCaps, signUp, WEB_CERT } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { xlsxBytes } from '../harness/sheets';
import { expect, test } from '../harness/webHostTest';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const row = (page: Page, name: string) =>
  page.getByTestId('catalogue-table').locator('tr', { has: page.getByText(name, { exact: true }) });

async function importFile(page: Page, name: string, rows: string[][]) {
  const buffer = await xlsxBytes({
    rows: [
      ['湖北示例职业技术学院 1+X 证书目录（补充）'],
      [],
      ['证书名称', '培训评价组织', '批次', '等级'],
      ...rows,
    ],
    decorate: (sheet) => sheet.mergeCells('A1:D1'),
  });
  await page
    .locator('.ant-modal input[type=file]')
    .setInputFiles({ name, mimeType: XLSX_MIME, buffer });
}

test.describe('证书目录', () => {
  test('samples, a cap with its document number, import with a bad row left out then fixed, archive', async ({
    host,
    page,
  }, testInfo) => {
    const consoleErrors = consoleProblems(page);
    await openApp(page, await host.launchUrl());
    await page.getByRole('menuitem', { name: '证书目录' }).click();
    await expect(page.getByRole('heading', { name: '证书目录' })).toBeVisible();

    // The 16 sample certificates, every level's cap 未录入.
    await expect(page.getByText('共 16 条')).toBeVisible();
    await expect(row(page, 'Web前端开发')).toContainText('工业和信息化部教育与考试中心');
    await expect(row(page, 'Web前端开发').getByText('样例')).toBeVisible();
    await expect(
      page.getByTestId('catalogue-table').getByText('未录入', { exact: true }),
    ).toHaveCount(48);

    // Add a cap: the document number is required with it.
    await row(page, '物流管理')
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const drawer = page.locator('.ant-drawer-content');
    await expect(drawer.getByText('编辑：物流管理')).toBeVisible();
    await drawer.getByRole('button', { name: '添加上限或收费标准' }).click();
    // A third decimal is refused as typed, not rounded to ¥500.01 on leaving the box.
    const amount = drawer.locator('#certificate_limits_0_amountYuan');
    await amount.fill('500.005');
    await drawer.locator('#certificate_limits_0_document').fill('教职所〔2019〕314号');
    await expect(amount).toHaveValue('500.005');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(errorOf(page, 'certificate_limits_0_amountYuan')).toHaveText('金额最多精确到分');
    await expect(amount).toHaveValue('500.005');
    await amount.fill('500');
    await drawer.locator('#certificate_limits_0_document').fill('');
    await expect(amount).toHaveValue('500.00');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(errorOf(page, 'certificate_limits_0_document')).toHaveText('请填写文件文号');
    await page.screenshot({ path: testInfo.outputPath('catalogue-edit.png') });
    await testInfo.attach('catalogue-edit', {
      path: testInfo.outputPath('catalogue-edit.png'),
      contentType: 'image/png',
    });
    await drawer.locator('#certificate_limits_0_document').fill('教职所〔2019〕314号');
    await expect(anyErrorOf(page, 'certificate_limits_0_document')).toHaveCount(0);
    await drawer.getByRole('button', { name: '添加一项要求' }).click();
    await drawer.locator('#certificate-requirement-0').fill('仓储实训室 1 间（不少于 200 m²）');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('已保存“物流管理”')).toBeVisible();
    await expect(drawer).toBeHidden();
    const logistics = row(page, '物流管理');
    await expect(logistics).toContainText('¥500.00');
    await expect(logistics).toContainText('1 项');
    await expect(logistics.getByText('未录入', { exact: true })).toHaveCount(2);

    // Import: one bad row is shown with its row number and blocks the import.
    await page.getByRole('button', { name: '从表格导入' }).click();
    const dialog = page.locator('.ant-modal-content');
    await importFile(page, '补充证书.xlsx', [
      ['数字媒体交互设计', '凤凰新联合（北京）教育科技有限公司', '第三批', '初级、中级、高级'],
      ['网络安全评估', '中科软科技股份有限公司', '3', '特级'],
      ['物流管理', '北京中物联物流采购培训中心', '第一批', '初级、中级、高级'],
    ]);
    await expect(dialog.getByText('表头在第 3 行')).toBeVisible();
    const errors = dialog.getByTestId('import-errors');
    await expect(errors).toBeVisible();
    await expect(errors.getByTestId('import-group')).toHaveText([/等级.*1 行/]);
    const errorRow = errors.locator('tbody tr').first();
    await expect(errorRow.locator('td').nth(0)).toHaveText('5');
    await expect(errorRow.locator('td').nth(1)).toHaveText('网络安全评估');
    await expect(errorRow.locator('td').nth(2)).toHaveText('特级');
    await expect(errorRow.locator('td').nth(3)).toContainText('无法识别的等级“特级”');
    await expect(dialog.getByTestId('import-summary')).toContainText('有错误 1 行');
    await expect(dialog.getByTestId('import-commit')).toBeDisabled();
    await page.screenshot({ path: testInfo.outputPath('catalogue-import-error.png') });
    await testInfo.attach('catalogue-import-error', {
      path: testInfo.outputPath('catalogue-import-error.png'),
      contentType: 'image/png',
    });

    // 下载问题行: 行号, the file's own columns, 问题 — read back with ExcelJS.
    const problems = await downloadProblemRows(page, dialog, '补充证书-问题行.xlsx');
    expect(problems.header).toEqual(['行号', '证书名称', '培训评价组织', '批次', '等级', '问题']);
    expect(problems.rows).toHaveLength(1);
    expect(problems.rows[0].slice(0, 5)).toEqual([
      5,
      '网络安全评估',
      '中科软科技股份有限公司',
      '3',
      '特级',
    ]);
    expect(String(problems.rows[0][5])).toContain('无法识别的等级“特级”');

    // 仅导入无误的 2 行, after saying what stays out: 数字媒体交互设计 added; 物流管理 matches the
    // saved certificate and changes nothing, which the result says instead of 更新 1.
    await dialog.getByTestId('import-skip-invalid').click();
    await expect(await openConfirm(page)).toContainText('将导入 2 行；另有 1 行有错误，不会导入');
    await pressInConfirm(page, /确定导入/);
    await expect(
      dialog.getByText('导入完成：新增 1 条，更新 0 条，另有 1 条与已保存的相同（未改动）。'),
    ).toBeVisible();
    await expect(dialog.getByText('有错误的 1 行未导入。')).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(page.getByText('共 17 条')).toBeVisible();
    await expect(row(page, '数字媒体交互设计')).toBeVisible();
    await expect(row(page, '网络安全评估')).toHaveCount(0);

    // Fix the file, pick it again, import: only the fixed row is new.
    await page.getByRole('button', { name: '从表格导入' }).click();
    await importFile(page, '补充证书（已改正）.xlsx', [
      ['数字媒体交互设计', '凤凰新联合（北京）教育科技有限公司', '第三批', '初级、中级、高级'],
      ['网络安全评估', '中科软科技股份有限公司', '3', '高级'],
      ['物流管理', '北京中物联物流采购培训中心', '第一批', '初级、中级、高级'],
    ]);
    await expect(dialog.getByTestId('import-summary')).toContainText(
      '共 3 行：可导入 3 行（新增 1，更新 0，与已保存的相同 2），有错误 0 行。',
    );
    await expect(dialog.getByTestId('import-errors')).toHaveCount(0);
    await dialog.getByTestId('import-commit').click();
    await expect(
      dialog.getByText('导入完成：新增 1 条，更新 0 条，另有 2 条与已保存的相同（未改动）。'),
    ).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(page.getByText('共 18 条')).toBeVisible();
    await expect(row(page, '网络安全评估')).toContainText('第三批');
    // The cap entered earlier survived the re-import of 物流管理.
    await expect(row(page, '物流管理')).toContainText('¥500.00');

    await page.screenshot({ path: testInfo.outputPath('catalogue.png'), fullPage: true });
    await testInfo.attach('catalogue', {
      path: testInfo.outputPath('catalogue.png'),
      contentType: 'image/png',
    });

    // Archive with confirmation; it comes back under 显示已归档.
    await row(page, '网络安全评估')
      .getByRole('button', { name: /归\s*档/ })
      .click();
    await pressInConfirm(page);
    await expect(page.getByText('已归档“网络安全评估”')).toBeVisible();
    await expect(page.getByText('共 17 条')).toBeVisible();
    await page.locator('#catalogue-show-archived').click();
    await expect(page.getByText('共 18 条')).toBeVisible();
    await expect(row(page, '网络安全评估')).toContainText('已归档');

    // Search narrows the list.
    await page.getByRole('searchbox').fill('老年');
    await expect(page.getByText('共 2 条')).toBeVisible();
    // No React or Ant Design warnings along the way (a missing favicon aside).
    expect(consoleErrors()).toEqual([]);
  });

  test('lowering a cap below fees already set asks first, naming the batch and its sign-ups', async ({
    host,
    page,
    call: data,
  }) => {
    await data('school.save', schoolProfile);
    await setCaps(data); // Web前端开发 初级 ¥500
    const students = await addStudents(data, 3);
    const { signupId } = await signUp(
      data,
      [
        {
          certificateId: WEB_CERT,
          level: 'junior',
          examDate: '2027-01-15',
          fee: 480,
          name: '冬季批',
        },
      ],
      students.map((student) => ({ student, batch: 0 })),
    );
    await data('exams.signups.setStatus', { ids: [signupId(students[2], 0)], status: 'withdrawn' });
    const overCap = async () =>
      ((await data('fees.violations', {})) as { overCap: unknown[] }).overCap.length;

    await openApp(page, await host.launchUrl());
    await page.getByRole('menuitem', { name: '证书目录' }).click();
    await row(page, 'Web前端开发')
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.locator('#certificate_limits_0_amountYuan').fill('470');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    const confirm = await openConfirm(page);
    await expect(confirm).toContainText('保存后，已有的考核费用将超过上限');
    // The batch's own fee, and its 2 live sign-ups: the withdrawn one is not judged.
    await expect(confirm.getByTestId('over-cap-confirm').locator('li')).toHaveText([
      /每人考核费 ¥480\.00，超过上限 ¥470\.00/,
      /2 条报名的费用超过上限 ¥470\.00/,
    ]);
    // 取消 keeps the drawer and the typed cap, and saves nothing.
    await pressInConfirm(page, /取\s*消/);
    await expect(drawer.locator('#certificate_limits_0_amountYuan')).toHaveValue('470.00');
    expect(await overCap()).toBe(0);

    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await pressInConfirm(page, /仍然保存/);
    await expect(page.getByText('已保存“Web前端开发”')).toBeVisible();
    expect(await overCap()).toBe(3);

    // Saving again changes nothing that is not already listed: no question.
    await row(page, 'Web前端开发')
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(drawer).toBeHidden();
    await expect(page.locator('.ant-modal-confirm')).toHaveCount(0);
  });
});

import { type Page } from '@playwright/test';
import {
  anyErrorOf,
  attachScreenshot,
  consoleProblems,
  errorOf,
  openDialog,
  openPage,
  openConfirm,
  openApp,
} from '../harness/antd';
import { examDayStart, signUpForFirstBatch } from '../harness/fees';
import { csvBytes } from '../harness/sheets';
import { residentId, withBadCheckChar } from '../harness/students';
import { softwareMajor } from '../harness/majors';
import type { Call } from '../harness/seedStaff';
import { expect, test } from '../harness/webHostTest';

/** The school already has its major 软件技术 (entered on the 专业 page, see staff.spec.ts). */
async function seedMajor(call: Call) {
  // Through the host's API, not the page: the page creates its bridge only when it first calls.
  const saved = await call('majors.save', softwareMajor);
  expect(saved.ok).toBe(true);
}

const header = ['序号', '学号', '姓名', '身份证号', '性别', '专业', '班级', '年级', '联系电话'];
const titleRows = [
  ['湖北示例职业技术学院 2023 级 1+X 证书试点学生名单'],
  ['填表单位：教务处', '', '', '填表日期：2023年9月1日'],
];

/** 12 students of class 软件2301班 and 2302班; names 王… and 李… */
function students(): string[][] {
  const names = [
    '王一',
    '王二',
    '王三',
    '王四',
    '王五',
    '王六',
    '李一',
    '李二',
    '李三',
    '李四',
    '李五',
    '赵一',
  ];
  return names.map((name, i) => {
    const sequence = i * 2 + 1 + (i % 2); // alternate genders: odd = 男
    return [
      String(i + 1),
      `20230101${String(i + 1).padStart(2, '0')}`,
      name,
      residentId('20050301', sequence),
      sequence % 2 === 1 ? '男' : '女',
      i < 10 ? '软件技术' : '物联网应用技术',
      i < 6 ? '软件2301班' : '软件2302班',
      '2023级',
      `1380013${String(8000 + i)}`,
    ];
  });
}

async function pickFile(page: Page, name: string, rows: string[][]) {
  await page.locator('.ant-modal input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: csvBytes([...titleRows, header, ...rows], 'gbk'),
  });
}

const table = (page: Page) => page.getByTestId('students-table');

test.describe('学生', () => {
  test('roster import from a GBK CSV: errors by row, fix, re-import; search, filter, add, delete', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    const consoleErrors = consoleProblems(page);
    await seedMajor(hostCall);
    await openApp(page, await host.launchUrl());
    await openPage(page, '学生');
    await expect(page.getByText('还没有学生。点击右上角“从名单导入”')).toBeVisible();

    // A roster saved by Chinese Excel (GBK), with title rows and three bad rows.
    const rows = students();
    const badCheck = withBadCheckChar(rows[2][3]);
    const broken = rows.map((r) => [...r]);
    broken[2][3] = badCheck.id; // file row 6
    broken[4][4] = broken[4][4] === '男' ? '女' : '男'; // file row 8: gender mismatch
    broken[6][3] = '4.20106E+17'; // file row 10: the ID went through Excel as a number
    await page.getByRole('button', { name: '从名单导入' }).click();
    const dialog = openDialog(page);
    await pickFile(page, '2023级名单.csv', broken);
    await expect(dialog.getByText('表头在第 3 行')).toBeVisible();
    // Two errors, one group each (the largest opens); the gender the ID contradicts is a warning.
    await expect(dialog.getByTestId('import-summary')).toContainText(
      '共 12 行：可导入 10 行（新增 10，更新 0），有错误 2 行。',
    );
    const errors = dialog.getByTestId('import-errors');
    await expect(errors.getByTestId('import-group')).toHaveText([
      /身份证号码校验位错误\s*1 行/,
      /证件号码被 Excel 存成数字（末几位已丢失）\s*1 行/,
    ]);
    await expect(errors.locator('tbody tr').first().locator('td')).toHaveText([
      '6',
      rows[2][1],
      rows[2][2],
      badCheck.id,
      `校验位应为 ${badCheck.expected}，实际为 ${badCheck.actual}`,
    ]);
    await errors.getByTestId('import-group').nth(1).click();
    await expect(errors.locator('tbody tr', { hasText: '4.20106E+17' })).toContainText(
      '该单元格被 Excel 存成了数字，已丢失精度，请把该列设为文本后重新录入',
    );
    const warnings = dialog.getByTestId('import-warnings');
    await warnings.getByText('性别与身份证号码不一致（以身份证号码为准）').click();
    await expect(warnings.locator('tbody tr', { hasText: rows[4][1] })).toContainText(
      '以身份证号码为准',
    );
    await expect(dialog.getByTestId('import-commit')).toBeDisabled();
    await attachScreenshot(page, testInfo, 'students-import-errors');

    // The corrected file imports; the unknown major is a warning, not an error.
    await dialog.getByRole('button', { name: '重新选择文件' }).click();
    await pickFile(page, '2023级名单（已改正）.csv', rows);
    await expect(dialog.getByTestId('import-summary')).toContainText(
      '共 12 行：可导入 12 行（新增 12，更新 0），有错误 0 行。',
    );
    await dialog.getByTestId('import-warnings').getByText('专业未匹配').click();
    await expect(dialog.getByTestId('import-warnings')).toContainText('物联网应用技术');
    await dialog.getByTestId('import-commit').click();
    await expect(dialog.getByText('导入完成：新增 12 条，更新 0 条。')).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(page.getByText('共 12 条')).toBeVisible();
    await expect(page.getByTestId('students-summary')).toHaveText(
      '共 12 名学生，其中试点学生 12 名；男 6，女 6',
    );
    await expect(page.getByTestId('students-unmatched')).toContainText('物联网应用技术（2）');

    // Importing the same roster again matches every row, never duplicates, and says nothing changed.
    await page.getByRole('button', { name: '从名单导入' }).click();
    await pickFile(page, '2023级名单（已改正）.csv', rows);
    await expect(dialog.getByTestId('import-summary')).toContainText(
      '（新增 0，更新 0，与已保存的相同 12）',
    );
    await expect(dialog.getByTestId('import-rows').getByText('未改动')).toHaveCount(12);
    await dialog.getByTestId('import-commit').click();
    await expect(
      dialog.getByText('导入完成：新增 0 条，更新 0 条，另有 12 条与已保存的相同（未改动）。'),
    ).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(page.getByText('共 12 条')).toBeVisible();

    // Search by name prefix, by 学号 prefix; then filter by class in the column header.
    const search = page.getByRole('searchbox');
    await search.fill('李');
    await expect(table(page)).toHaveAttribute('data-search', '李');
    await expect(page.getByText('共 5 条')).toBeVisible();
    await expect(table(page).locator('.ant-table-row')).toHaveCount(5);
    await search.fill('202301011');
    await expect(page.getByText('共 3 条')).toBeVisible();
    await search.fill('');
    await expect(page.getByText('共 12 条')).toBeVisible();
    await table(page)
      .locator('th', { hasText: '班级' })
      .locator('.ant-table-filter-trigger')
      .click();
    const filterMenu = page.locator('.ant-table-filter-dropdown').filter({ visible: true });
    await filterMenu.getByText('软件2302班（6）').click();
    await filterMenu.getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByText('共 6 条')).toBeVisible();
    await page.getByTestId('students-pilot-filter').getByText('非试点').click();
    await expect(page.getByText('没有符合条件的学生')).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.getByText('共 12 条')).toBeVisible();

    // Add one by one: the ID number is checked as it is typed.
    await page.getByRole('button', { name: '新增学生' }).click();
    await page.locator('#student_studentNo').fill('2023020001');
    await page.locator('#student_name').fill('周 八');
    const bad = withBadCheckChar(residentId('20060101', 8));
    await page.locator('#student_idNumber').fill(bad.id);
    await expect(errorOf(page, 'student_idNumber')).toHaveText(
      `校验位应为 ${bad.expected}，实际为 ${bad.actual}`,
    );
    await page.locator('#student_idNumber').fill(residentId('20060101', 8).toLowerCase());
    await expect(page.getByTestId('id-check')).toHaveText(
      '号码有效：出生日期 2006年1月1日，性别 女',
    );
    await expect(page.locator('#student_gender input[value=female]')).toBeChecked();
    // 入学年份 is bounded as a roster's 年级 is: next year's intake at the latest. The form says
    // so as it is typed, before any save (the core refuses it too: test/core/students.test.ts).
    await page.locator('#student_entryYear').fill('2099');
    await expect(errorOf(page, 'student_entryYear')).toHaveText(
      /^入学年份 2099 超出范围：应在 1990–\d{4} 年之间$/,
    );
    await page.locator('#student_entryYear').fill('2024');
    await expect(anyErrorOf(page, 'student_entryYear')).toHaveCount(0);
    await openDialog(page)
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect(page.getByText('已保存学生“周八”')).toBeVisible();
    await expect(page.getByText('共 13 条')).toBeVisible();
    await attachScreenshot(page, testInfo, 'students');

    // Delete asks first.
    await search.fill('2023020001');
    await expect(page.getByText('共 1 条')).toBeVisible();
    await page.getByTestId('student-delete-2023020001').click();
    const confirm = await openConfirm(page);
    await expect(confirm.locator('.ant-modal-confirm-title')).toHaveText(
      '确定删除学生“周八”（学号 2023020001）吗？',
    );
    await expect(confirm).toContainText('没有其他记录使用它，删除后无法恢复。');
    await confirm.getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByText('已删除学生“周八”')).toBeVisible();
    await expect(page.getByText('没有符合条件的学生')).toBeVisible();
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(page.getByText('共 12 条')).toBeVisible();

    expect(consoleErrors()).toEqual([]);
  });
});

test.describe('deleting a student in use', () => {
  test('a student with a sign-up is not offered for deletion: the dialog says 不能删除 and why, with only 关闭', async ({
    host,
    page,
    call,
  }) => {
    const [signedUp] = await examDayStart(call, 2);
    await signUpForFirstBatch(call, [signedUp]);
    await openApp(page, await host.launchUrl());
    await openPage(page, '学生');
    await page.getByTestId('student-delete-2023000001').click();
    const dialog = await openConfirm(page);
    await expect(dialog.locator('.ant-modal-confirm-title')).toHaveText(
      '不能删除学生“学生1”（学号 2023000001）',
    );
    await expect(dialog).toContainText('有考核报名记录的学生不能删除');
    // Withdrawing is offered as what to do instead, not as a way to make the delete possible.
    await expect(dialog).toContainText('已撤销的报名也一样');
    await expect(dialog.getByRole('button')).toHaveText([/关\s*闭/]);
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(dialog).toHaveCount(0);
    const left = (await call('students.list', { pageSize: 100 })) as { items: unknown[] };
    expect(left.items).toHaveLength(2);
  });
});

import { type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  answerUnsaved,
  anyErrorOf,
  attachScreenshot,
  choose,
  chooseMany,
  errorOf,
  openDialog,
  openPage,
  tick,
  openConfirm,
  textLines,
  openApp,
} from '../harness/antd';
import { pdfPages } from '../harness/documents';
import {
  addStudents,
  setCaps,
  signUp,
  WEB_CERT,
  webIntermediateAutumn2026,
  webJunior2026,
} from '../harness/fees';
import { csvBytes, loadWorkbook, uploadSheetHeader } from '../harness/sheets';
import { rosterHeader, rosterRows, withBadCheckChar } from '../harness/students';
import { applyBulkStatus, fillNewWebBatch, openBatch, signupRows } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

const ledger = (page: Page) => page.getByTestId('fees-table');
const rowOf = (page: Page, studentNo: string) =>
  ledger(page).locator('.ant-table-row', { hasText: studentNo });

async function pickRoster(page: Page, name: string, rows: string[][]) {
  await page.locator('.ant-modal input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: csvBytes([[...rosterHeader], ...rows], 'gbk'),
  });
}

/** Searches the ledger for one 学号 and opens 修改 on its only row. */
async function changeOne(page: Page, studentNo: string, batch: string) {
  await page.locator('#fees-search').fill(studentNo);
  await expect(ledger(page)).toHaveAttribute('data-search', studentNo);
  await rowOf(page, studentNo)
    .filter({ hasText: batch })
    .getByRole('button', { name: '修改' })
    .click();
  await expect(openDialog(page)).toBeVisible();
}

/** Picks one option of a multiple select (the filter) and closes its menu. */
async function filterBy(page: Page, fieldId: string, option: string) {
  await chooseMany(page, page.locator('.ant-select', { has: page.locator(`#${fieldId}`) }), option);
}

async function saveChange(page: Page) {
  await openDialog(page)
    .getByRole('button', { name: /保\s*存/ })
    .click();
}

test.describe('费用台账', () => {
  test('roster from GBK CSV, 50 sign-ups, fees and payers, rule violations appear and clear', async ({
    host,
    page,
    call,
  }, testInfo) => {
    test.setTimeout(420_000);
    await openApp(page, await host.launchUrl());

    // 1. A roster saved by Chinese Excel (GBK) with two bad check digits: listed by row.
    const rows = rosterRows(50);
    const broken = rows.map((r) => [...r]);
    const bad = withBadCheckChar(rows[4][2]);
    broken[4][2] = bad.id; // file row 6
    broken[9][2] = withBadCheckChar(rows[9][2]).id; // file row 11
    await openPage(page, '学生');
    await page.getByRole('button', { name: '从名单导入' }).click();
    const dialog = openDialog(page);
    await pickRoster(page, '名单.csv', broken);
    await expect(dialog.getByTestId('import-summary')).toContainText('有错误 2 行');
    const errorRows = dialog.getByTestId('import-errors').locator('tbody tr');
    await expect(errorRows).toHaveCount(2);
    await expect(errorRows.nth(0).locator('td').nth(0)).toHaveText('6');
    await expect(errorRows.nth(0).locator('td').last()).toContainText(`校验位应为 ${bad.expected}`);
    await expect(errorRows.nth(1).locator('td').nth(0)).toHaveText('11');
    await expect(dialog.getByTestId('import-commit')).toBeDisabled();
    // Fixed file, imported.
    await dialog.getByRole('button', { name: '重新选择文件' }).click();
    await pickRoster(page, '名单（已改正）.csv', rows);
    await expect(dialog.getByTestId('import-summary')).toContainText('可导入 50 行');
    await dialog.getByTestId('import-commit').click();
    await expect(dialog.getByText('导入完成：新增 50 条，更新 0 条。')).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();

    // 2. Caps (证书目录), then a batch and all 50 students signed up on the 考核报名 page.
    await setCaps(call);
    const students = (await call('students.list', { pageSize: 100 })) as {
      items: { id: number; studentNo: string; name: string; pilot: boolean }[];
    };
    await openPage(page, '考核报名');
    const batchForm = await fillNewWebBatch(page, {
      examForm: '机考',
      name: '2026春初级',
      examDate: '2026年5月10日',
      fee: '400',
    });
    await batchForm.getByRole('button', { name: /保\s*存/ }).click();
    await expect(batchForm).toHaveCount(0);
    await page.getByRole('button', { name: '报名管理' }).click();
    await page.getByRole('button', { name: '报名学生' }).click();
    const signUpDialog = openDialog(page);
    await expect(signUpDialog.getByTestId('candidate-summary')).toContainText('符合条件 50 人');
    await signUpDialog.getByRole('button', { name: '全选符合条件的 50 人' }).click();
    await signUpDialog.getByTestId('signup-submit').click();
    await (await openConfirm(page)).getByRole('button', { name: '确定报名' }).click();
    await expect(page.getByText('已报名 50 人，跳过已报名 0 人')).toBeVisible();
    await expect(signupRows(page)).toHaveCount(50);
    // Results: everyone 已缴费 then 已考, and the first a pass with a score.
    for (const status of ['已缴费', '已考']) {
      await tick(page.getByTestId('signups-table').locator('thead input[type=checkbox]'));
      await applyBulkStatus(page, status);
      await expect(page.getByText(`已将 50 条报名改为“${status}”`)).toBeVisible();
    }
    const firstStudent = students.items[0].studentNo;
    await page.getByTestId(`signup-result-${firstStudent}`).click();
    await choose(page, 'result_status', '通过');
    await openDialog(page).locator('#result_score').fill('88');
    await openDialog(page)
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect(openDialog(page)).toHaveCount(0);

    // A second batch (中级) with one pilot student: set up through the web host API.
    const second = (await call('exams.batches.save', webIntermediateAutumn2026)) as { id: number };
    const pilots = students.items.filter((s) => s.pilot);
    const [alone, twice] = pilots;
    await call('exams.signups.create', {
      batchId: second.id,
      studentIds: [twice.id],
      confirm: true,
    });

    // 3. The ledger: 51 sign-ups at the batch fees.
    await openPage(page, '费用台账');
    await expect(page.getByTestId('fees-summary')).toHaveText(
      '共 51 条有效报名，费用合计 ¥20,700.00',
    );
    await expect(page.getByText('不提供登记培训费的方式').first()).toBeVisible();
    // At 1280 px its four buttons go below the title rather than squeeze it into four lines.
    expect(page.viewportSize()?.width).toBe(1280);
    expect(await textLines(page.getByTestId('page-description'))).toBeLessThanOrEqual(2);

    // A tick follows its sign-up, not its row: a search refills the rows on screen with others.
    const [ticked, other] = students.items.filter((s) => s !== alone && s !== twice);
    const search = async (value: string) => {
      await page.locator('#fees-search').fill(value);
      await expect(ledger(page)).toHaveAttribute('data-search', value);
    };
    await search(ticked.studentNo);
    await tick(rowOf(page, ticked.studentNo).getByRole('checkbox'));
    await expect(page.getByText('已选 1 条')).toBeVisible();
    await search(other.studentNo);
    await expect(rowOf(page, other.studentNo).getByRole('checkbox')).not.toBeChecked();
    await search(ticked.studentNo);
    await rowOf(page, ticked.studentNo).getByRole('checkbox').uncheck();
    await expect(page.getByText('已选 1 条')).toHaveCount(0);
    // The ticks belong to the visit: back from another page, none is left (the search is).
    await tick(rowOf(page, ticked.studentNo).getByRole('checkbox'));
    await expect(page.getByText('已选 1 条')).toBeVisible();
    await openPage(page, '学生');
    await openPage(page, '费用台账');
    await expect(ledger(page)).toHaveAttribute('data-search', ticked.studentNo);
    await expect(rowOf(page, ticked.studentNo).getByRole('checkbox')).not.toBeChecked();
    await expect(page.getByText('已选 1 条')).toHaveCount(0);
    await page.getByRole('button', { name: '清除筛选' }).click();

    // Bulk: the first batch's fee to ¥450 (within the ¥500 cap); ¥600 is refused with both numbers.
    await filterBy(page, 'fees-batch-filter', '2026春初级（50）');
    await expect(page.getByTestId('fees-summary')).toHaveText(
      '共 50 条有效报名，费用合计 ¥20,000.00',
    );
    await ledger(page).locator('thead .ant-checkbox-input').check();
    await expect(page.getByText('已选 50 条')).toBeVisible();
    await page.getByRole('button', { name: '修改费用/付费方' }).click();
    await openDialog(page).locator('#fees-new-fee').fill('600');
    await saveChange(page);
    await expect(errorOf(page, 'fees-new-fee')).toContainText('¥600.00');
    await expect(errorOf(page, 'fees-new-fee')).toContainText('¥500.00');
    await expect(errorOf(page, 'fees-new-fee')).toContainText('教职所〔2019〕314号');
    await openDialog(page).locator('#fees-new-fee').fill('450');
    // The refusal fades out and the dialog shrinks: 保存 is clicked once it has moved up.
    await expect(anyErrorOf(page, 'fees-new-fee')).toHaveCount(0);
    await saveChange(page);
    await expect(page.getByText('已修改 50 条报名')).toBeVisible();
    await expect(page.getByTestId('fees-summary')).toHaveText(
      '共 50 条有效报名，费用合计 ¥22,500.00',
    );
    await page.getByRole('button', { name: '清除筛选' }).click();

    // 4. A pilot student's only sign-up cannot be 学生自愿自费.
    await changeOne(page, alone.studentNo, '2026春初级');
    await choose(page, 'fees-new-payer', '学生自愿自费');
    await saveChange(page);
    await expect(errorOf(page, 'fees-new-payer')).toContainText(
      `学生“${alone.name}”（学号 ${alone.studentNo}）没有其他由学校承担或财政补助的有效报名`,
    );
    await attachScreenshot(page, testInfo, 'fees-student-payer-refused');
    await openDialog(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    // The refused payer is still an unsaved edit: 取消 asks before throwing it away.
    await answerUnsaved(page, '放弃');

    // An additional certificate may be: the second student's 中级.
    await changeOne(page, twice.studentNo, '2026秋中级');
    await choose(page, 'fees-new-payer', '学生自愿自费');
    await saveChange(page);
    await expect(page.getByText('已修改 1 条报名')).toBeVisible();
    await expect(rowOf(page, twice.studentNo).filter({ hasText: '2026秋中级' })).toContainText(
      '学生自愿自费',
    );

    // 5. Rules pass; withdrawing the school-paid 初级 breaks rule 13.
    await page.getByRole('tab', { name: '规则检查' }).click();
    await expect(page.getByText('没有只有自费报名的试点学生。')).toBeVisible();
    await expect(page.getByText('全部试点学生都已有有效的考核报名。')).toBeVisible();
    // Withdraw the student's school-paid 初级 on the batch page; its history shows it.
    await openBatch(page, '2026春初级');
    const row = page
      .getByTestId('signups-table')
      .locator('tbody tr.ant-table-row', { hasText: twice.studentNo });
    await tick(row.locator('input[type=checkbox]'));
    await page.getByRole('button', { name: '撤销报名' }).click();
    await (await openConfirm(page)).getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByText('已撤销 1 条报名')).toBeVisible();
    await page.getByTestId('audit-history-open').click();
    const batchHistory = page
      .locator('.ant-drawer')
      .filter({ visible: true })
      .getByTestId('audit-history');
    await expect(batchHistory.locator('tbody tr').first()).toContainText(twice.name);
    await expect(batchHistory.locator('tbody tr').first()).toContainText('状态：已考 → 已撤销');
    await attachScreenshot(page, testInfo, 'fees-batch-history');
    await page.locator('.ant-drawer-close').click();
    await openPage(page, '费用台账');
    await page.getByRole('tab', { name: '规则检查' }).click();
    await page.getByRole('button', { name: '重新检查' }).click();
    const violations = page.getByTestId('rule-school-paid');
    await expect(violations).toContainText(
      '1 名试点学生只有自费：没有由学校承担或财政补助的有效报名',
    );
    await expect(violations.locator('tbody tr')).toHaveCount(1);
    await expect(violations.locator('tbody tr')).toContainText(twice.studentNo);
    await expect(violations.locator('tbody tr')).toContainText('已撤销');
    await attachScreenshot(page, testInfo, 'fees-rule-violation');

    // The student's statement, with its history of changes.
    await violations.getByRole('button', { name: twice.name }).click();
    const statement = page.getByTestId('fees-statement');
    await expect(statement).toContainText('该试点学生只有自费的报名');
    await expect(statement.getByTestId('statement-student')).toHaveText('¥700.00');
    const history = statement.getByTestId('audit-history');
    await expect(history.locator('tbody tr').first()).toContainText(/状态：\S+ → 已撤销/);
    await expect(history).toContainText('付费方：学校承担 → 学生自愿自费');
    await expect(history).toContainText('费用：¥400.00 → ¥450.00');
    await attachScreenshot(page, testInfo, 'fees-statement');
    // 打印对账单 opens the statement's PDF in a new tab, with the same money and verdict.
    const opening = page.waitForEvent('popup');
    const answered = page.waitForResponse((r) => r.url().endsWith('fees.statementPdf'));
    await statement.getByTestId('statement-print').click();
    const tab = await opening;
    await tab.waitForURL(/^blob:/);
    const { data } = (await (await answered).json()) as { data: { contentBase64: string } };
    const pdf = testInfo.outputPath('statement.pdf');
    writeFileSync(pdf, Buffer.from(data.contentBase64, 'base64'));
    const printed = pdfPages(pdf)
      .flatMap((p) => p.lines.map((l) => l.text))
      .join('\n');
    expect(printed).toContain('学生自愿自费¥700.00');
    expect(printed).toContain('该试点学生只有自费的报名');
    await tab.close();
    await page.locator('.ant-drawer-close').click();
    await expect(statement).toBeHidden();

    // 6. Fix it: the 中级 paid by the school again; the violation clears. The withdrawn 初级
    // offers no 修改 (the core would refuse it), and says why.
    await page.getByRole('tab', { name: '台账' }).click();
    await page.locator('#fees-search').fill(twice.studentNo);
    await expect(ledger(page)).toHaveAttribute('data-search', twice.studentNo);
    const withdrawnRow = rowOf(page, twice.studentNo).filter({ hasText: '2026春初级' });
    await expect(withdrawnRow).toContainText('已撤销');
    await expect(withdrawnRow.getByRole('button', { name: '修改' })).toHaveCount(0);
    await expect(withdrawnRow.getByTitle('报名已撤销，不能修改考核费或付费方')).toHaveText('修改');
    await changeOne(page, twice.studentNo, '2026秋中级');
    await choose(page, 'fees-new-payer', '学校承担');
    await saveChange(page);
    await expect(page.getByText('已修改 1 条报名')).toBeVisible();
    await page.getByRole('tab', { name: '规则检查' }).click();
    await expect(page.getByText('没有只有自费报名的试点学生。')).toBeVisible();
    await expect(page.getByText('全部试点学生都已有有效的考核报名。')).toBeVisible();

    // 7. A payment against the first batch; reconcile shows what is still due.
    await page.getByRole('tab', { name: '缴费与对账' }).click();
    await page.getByRole('button', { name: '新增缴费记录' }).click();
    const form = openDialog(page);
    await choose(page, 'payment-batch', '2026春初级');
    await form.locator('#payment-organization').fill('工业和信息化部教育与考试中心');
    await form.locator('#payment-invoice').fill('FP20260520');
    await form.locator('#payment-amount').fill('20000');
    await form.locator('#payment-date').fill('2026-05-20');
    await form.locator('#payment-date').press('Enter');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('已保存缴费记录')).toBeVisible();
    const byBatch = page
      .getByTestId('reconcile-batch')
      .locator('tbody tr', { hasText: '2026春初级' });
    // 49 live school-paid sign-ups × ¥450 = ¥22,050.00 due; ¥20,000.00 paid.
    await expect(byBatch).toContainText('¥22,050.00');
    await expect(byBatch).toContainText('¥20,000.00');
    await expect(byBatch).toContainText('待付 ¥2,050.00');
    await attachScreenshot(page, testInfo, 'fees-reconcile');

    // 8. Totals and the two sheets.
    await page.getByRole('tab', { name: '汇总' }).click();
    await expect(page.getByTestId('totals-all')).toHaveText(
      '有效报名（不含已撤销）共 50 人次，费用合计 ¥22,750.00',
    );
    // Each breakdown names its rows in a readable column (not squeezed out by the money columns).
    for (const table of ['totals-payer', 'totals-certificate', 'totals-level', 'totals-major']) {
      const label = page.getByTestId(table).locator('tr.ant-table-row td').first();
      await expect(label).not.toBeEmpty();
      expect((await label.boundingBox())?.width).toBeGreaterThan(150);
    }
    await attachScreenshot(page, testInfo, 'fees-totals');
    await page.getByRole('tab', { name: '台账' }).click();
    await filterBy(page, 'fees-batch-filter', '2026春初级（50）');
    const downloadUpload = page.waitForEvent('download');
    await page.getByRole('button', { name: '考生信息上传表' }).click();
    const upload = await downloadUpload;
    expect(upload.suggestedFilename()).toBe('考生信息上传表.xlsx');
    const wb = await loadWorkbook(readFileSync(await upload.path()));
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...uploadSheetHeader]);
    expect(sheet.rowCount).toBe(1 + 49); // the withdrawn one is not uploaded
    const downloadFees = page.waitForEvent('download');
    await page.getByRole('button', { name: '费用明细表' }).click();
    expect((await downloadFees).suggestedFilename()).toBe('费用明细表.xlsx');
    await attachScreenshot(page, testInfo, 'fees-ledger');
  });
});

test.describe('费用台账: rule 11 per sign-up', () => {
  test('超过上限 marks a live sign-up above the cap, not a withdrawn one', async ({
    host,
    page,
    call,
  }) => {
    await setCaps(call);
    const ids = await addStudents(call, 2);
    const { signupId } = await signUp(
      call,
      [webJunior2026],
      ids.map((student) => ({ student, batch: 0 })),
    );
    const both = ids.map((id) => signupId(id, 0));
    await call('fees.change', { signupIds: both, fee: '480' });
    await call('exams.signups.setStatus', { ids: [both[0]], status: 'withdrawn' });
    // The cap lowered to ¥450: both fees are above it, only the live sign-up charges it.
    await call('catalogue.setLimits', {
      id: WEB_CERT,
      limits: [{ kind: 'cap', level: 'junior', amountFen: 45_000, document: '某文件〔2026〕1号' }],
    });
    await openApp(page, await host.launchUrl());
    await openPage(page, '费用台账');
    await expect(ledger(page).locator('.ant-table-row')).toHaveCount(2);
    await expect(rowOf(page, '2023000001')).toContainText('¥480.00 / ¥450.00');
    await expect(rowOf(page, '2023000001')).not.toContainText('超过上限');
    await expect(rowOf(page, '2023000002')).toContainText('超过上限');
  });
});

import { expect, test, type Page } from '@playwright/test';
import {
  answerUnsaved,
  anyErrorOf,
  attachScreenshot,
  choose,
  chooseMany,
  errorOf,
  expectTitlesOnOneLine,
  fillDate,
  openApp,
  openConfirm,
  openDialog,
  openPage,
  tick,
} from '../harness/antd';
import { makePdf } from '../harness/files';
import { pilot, webCertificateWithCap, webHostPerTest } from '../harness/pageCore';
import {
  applyBulkStatus,
  editWebCertificate,
  fillNewWebBatch,
  openBatch,
  signupRows,
} from '../harness/uiFlows';
import { residentId } from '../harness/students';
import { softwareMajor } from '../harness/majors';

/**
 * A school with the major 软件技术, the sample certificate Web前端开发 with its 初级 cap
 * ¥500.00 (教职所〔2019〕314号), and 8 students: 5 in 软件技术 (class 软件2001班), 3 without a
 * major. No pilot project, so signing up asks for confirmation (notice rule 9).
 */
async function seed(page: Page) {
  const major = await pilot<{ id: number }>(page, 'majors.save', softwareMajor);
  await webCertificateWithCap(page);
  for (let i = 1; i <= 8; i += 1) {
    await pilot(page, 'students.save', {
      studentNo: `20200000${String(i).padStart(2, '0')}`,
      name: `${'赵钱孙李周吴郑王'[i - 1]}同学`,
      idType: 'resident',
      idNumber: residentId('20040301', i),
      gender: i % 2 === 1 ? 'male' : 'female',
      majorId: i <= 5 ? major.id : null,
      className: i <= 5 ? '软件2001班' : '电商2001班',
      entryYear: 2020,
      pilot: true,
    });
  }
}

test.describe('考核报名与费用协商', () => {
  const host = webHostPerTest('pilotdesk-e2e-exams-');

  test('batch over the cap refused then fixed; agreement; bulk sign-up with warning; statuses; a pass', async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000); // a long path of typed forms on a shared two-core machine
    await openApp(page, await host.launchUrl());
    await seed(page);

    // 考核批次: the fee above the level cap is refused inline with both numbers, then fixed.
    await openPage(page, '考核报名');
    await expect(page.getByText('还没有考核批次。')).toBeVisible();
    await page.getByRole('button', { name: '新增考核批次' }).click();
    const dialog = openDialog(page);
    await choose(page, 'batch_certificateId', 'Web前端开发');
    await choose(page, 'batch_level', '初级');
    await dialog.locator('#batch_name').fill('2020年第一批');
    await dialog.locator('#batch_fee').fill('520');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(errorOf(page, 'batch_examForm')).toHaveText(
      '请选择考核形式：不同考核形式的成本上限不同',
    );
    await choose(page, 'batch_examForm', '纸笔考试');
    await fillDate(page, 'batch_examDate', '2020年11月15日');
    await dialog.locator('#batch_siteText').fill('实训楼 301');
    // The refusal fades out and the dialog shrinks: 保存 is clicked once it has moved up.
    await expect(anyErrorOf(page, 'batch_examForm')).toHaveCount(0);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(errorOf(page, 'batch_fee')).toHaveText(
      '考核费 ¥520.00 超过 2020年11月15日 适用的考核成本上限 ¥500.00（教职所〔2019〕314号，长期有效）',
    );
    await dialog.locator('#batch_fee').fill('480');
    await expect(anyErrorOf(page, 'batch_fee')).toHaveCount(0);
    await expect(dialog.locator('#batch_fee_extra')).toHaveText(
      '2020年11月15日 适用：考核成本上限 ¥500.00（教职所〔2019〕314号，长期有效）',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toHaveCount(0);
    const batchRow = page.getByTestId('batches-table').locator('tbody tr.ant-table-row');
    await expect(batchRow).toHaveCount(1);
    await expect(batchRow).toContainText('¥480.00');
    await expect(page.getByText('共 1 条')).toBeVisible();

    await attachScreenshot(page, testInfo, 'exams-batches');

    // 费用协商: the cap shows beside the fee; above it is refused inline; within it saves.
    await openPage(page, '费用协商');
    await expect(page.getByText('还没有费用协商记录。')).toBeVisible();
    await page.getByRole('button', { name: '新增费用协商' }).click();
    const agreement = openDialog(page);
    await choose(page, 'agreement_certificateId', 'Web前端开发');
    await choose(page, 'agreement_level', '初级');
    await choose(page, 'agreement_examForm', '纸笔考试');
    await expect(agreement.getByTestId('agreement-cap')).toHaveText('—');
    await fillDate(page, 'agreement_agreedOn', '2020年6月1日');
    await expect(agreement.getByTestId('agreement-cap')).toHaveText(
      '考核成本上限 ¥500.00（教职所〔2019〕314号，长期有效）',
    );
    await agreement.locator('#agreement_fee').fill('500.5');
    await expect(errorOf(page, 'agreement_fee')).toHaveText(
      '协商费用 ¥500.50 超过 2020年6月1日 适用的考核成本上限 ¥500.00（教职所〔2019〕314号，长期有效）',
    );
    await agreement.locator('#agreement_fee').fill('480');
    const partners = agreement.locator('#agreement_partnerSchools');
    await partners.fill('襄阳职业技术学院');
    await partners.press('Enter');
    await expect(anyErrorOf(page, 'agreement_fee')).toHaveCount(0);
    await agreement.getByRole('button', { name: /保\s*存/ }).click();
    await expect(agreement).toHaveCount(0);
    const agreementRow = page.getByTestId('agreements-table').locator('tbody tr.ant-table-row');
    await expect(agreementRow).toContainText('¥480.00');
    await expect(agreementRow).toContainText('襄阳职业技术学院');
    // The organization under the certificate, the exam form under the level, the document under
    // the cap: at 1280 px every header stays on one line and 编辑 is on screen without scrolling.
    await expect(agreementRow.locator('td')).toContainText([
      /^Web前端开发工业和信息化部教育与考试中心$/,
      '初级纸笔考试',
      '¥480.00上限 ¥500.00（教职所〔2019〕314号）',
    ]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await expectTitlesOnOneLine(page.getByTestId('agreements-table'));
    await expect(agreementRow.getByRole('button', { name: /编\s*辑/ })).toBeInViewport({
      ratio: 1,
    });
    await agreementRow.locator('input[type=file]').setInputFiles({
      name: '联合谈判协议.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('fee agreement'),
    });
    await expect(page.getByText('协议文件已上传')).toBeVisible();
    await expect(agreementRow.getByRole('button', { name: '下载' })).toBeVisible();
    await attachScreenshot(page, testInfo, 'exams-agreements');

    // 报名: filter by major, take every match, confirm the warning (no 省级确认 project).
    await openPage(page, '考核报名');
    await page.getByRole('button', { name: '报名管理' }).click();
    await expect(page.getByText('这个批次还没有报名。')).toBeVisible();
    // The batch is held to the agreement in force on its exam date: ¥480, as it charges.
    await expect(page.getByTestId('batch-agreed-fee')).toHaveText('¥480.00（2020年6月1日协商）');
    await expect(page.getByText('考核费高于协商费用')).toHaveCount(0);
    await page.getByRole('button', { name: '报名学生' }).click();
    const signup = openDialog(page);
    await expect(signup.getByText('该证书在考核年度没有试点项目')).toBeVisible();
    await expect(signup.getByTestId('candidate-summary')).toContainText('符合条件 8 人');
    await chooseMany(
      page,
      signup.locator('.ant-select', { has: page.getByRole('combobox', { name: '专业' }) }),
      '软件技术（5）',
    );
    await expect(signup.getByTestId('candidate-summary')).toContainText(
      '符合条件 5 人，其中已报名本批次 0 人',
    );
    await signup.getByRole('button', { name: '全选符合条件的 5 人' }).click();
    // Esc with students ticked asks first; 继续编辑 keeps the choice.
    await page.keyboard.press('Escape');
    await answerUnsaved(page, '继续编辑');
    await expect(signup.getByTestId('signup-count')).toContainText('5');
    await attachScreenshot(page, testInfo, 'exams-signup-dialog');
    await signup.getByTestId('signup-submit').click();
    const confirm = await openConfirm(page);
    await expect(confirm).toContainText('未经省级确认');
    await expect(confirm).toContainText('原则上不组织');
    await confirm.getByRole('button', { name: '确定报名' }).click();
    await expect(page.getByText('已报名 5 人，跳过已报名 0 人')).toBeVisible();
    await expect(signupRows(page)).toHaveCount(5);
    await expect(signupRows(page).first()).toContainText('已报名');
    await expect(signupRows(page).first()).toContainText('学校承担');

    // Bulk status: all five to 已缴费, then 已考.
    for (const [status, done] of [
      ['已缴费', '已将 5 条报名改为“已缴费”'],
      ['已考', '已将 5 条报名改为“已考”'],
    ] as const) {
      await tick(page.getByTestId('signups-table').locator('thead input[type=checkbox]'));
      await expect(page.getByText('已选 5 条')).toBeVisible();
      await applyBulkStatus(page, status);
      await expect(page.getByText(done)).toBeVisible();
    }
    await expect(signupRows(page).filter({ hasText: '已考' })).toHaveCount(5);

    // A pass with its certificate number, registered on the platform and in the credit bank.
    await page.getByTestId('signup-result-2020000001').click();
    const result = openDialog(page);
    await choose(page, 'result_status', '通过');
    await result.locator('#result_score').fill('88');
    await result.locator('#result_certificateNo').fill('WEB-2020-0001');
    await fillDate(page, 'result_issuedOn', '2020年12月20日');
    await tick(result.getByRole('checkbox', { name: '平台已登记' }));
    await tick(result.getByRole('checkbox', { name: '已转入学分银行' }));
    await result.getByRole('button', { name: /保\s*存/ }).click();
    await expect(result).toHaveCount(0);
    const passed = signupRows(page).filter({ hasText: '2020000001' });
    await expect(passed).toContainText('通过');
    await expect(passed).toContainText('WEB-2020-0001');
    await expect(passed).toContainText('已转学分银行');

    // 撤销 one, with confirmation.
    const last = signupRows(page).filter({ hasText: '2020000005' });
    await tick(last.locator('input[type=checkbox]'));
    await page.getByRole('button', { name: '撤销报名' }).click();
    await (await openConfirm(page)).getByRole('button', { name: /确\s*定/ }).click();
    await expect(page.getByText('已撤销 1 条报名')).toBeVisible();
    await expect(last).toContainText('已撤销');
    await attachScreenshot(page, testInfo, 'exams-batch-signups');
  });

  test('two caps with periods in 证书目录: an old and a new batch, each judged by its own cap', async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000); // the catalogue drawer and two batch forms, typed
    await openApp(page, await host.launchUrl());
    await seed(page);

    // 证书目录: the 初级 cap becomes 机考 until 2020-12-31, and a lower 机考 cap from 2021.
    const drawer = await editWebCertificate(page);
    await expect(drawer.getByText('编辑：Web前端开发')).toBeVisible();
    await choose(page, 'certificate_limits_0_examForm', '机考');
    await fillDate(page, 'certificate_limits_0_validUntil', '2020年12月31日');
    await drawer.getByRole('button', { name: '添加上限或收费标准' }).click();
    await choose(page, 'certificate_limits_1_examForm', '机考');
    await drawer.locator('#certificate_limits_1_amountYuan').fill('420');
    await drawer.locator('#certificate_limits_1_document').fill('教职成厅函〔2020〕11号');
    // Starting on the old cap's last day overlaps it: refused at the row, nothing saved.
    await fillDate(page, 'certificate_limits_1_validFrom', '2020年12月31日');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(errorOf(page, 'certificate_limits_1_validFrom')).toContainText('重叠');
    await fillDate(page, 'certificate_limits_1_validFrom', '2021年1月1日');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('已保存“Web前端开发”')).toBeVisible();
    await expect(drawer).toBeHidden();

    // The old batch (2020年9月1日) is judged by the 2019 cap of ¥500.
    await openPage(page, '考核报名');
    let dialog = await fillNewWebBatch(page, {
      examForm: '机考',
      name: '2020年批次',
      examDate: '2020年9月1日',
      fee: '480',
    });
    await expect(dialog.locator('#batch_fee_extra')).toHaveText(
      '2020年9月1日 适用：机考考核成本上限 ¥500.00（教职所〔2019〕314号，2020年12月31日前有效）',
    );
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toHaveCount(0);

    // The new batch (2021年3月1日), same fee: over the 2021 cap of ¥420, refused; ¥420 saves.
    dialog = await fillNewWebBatch(page, {
      examForm: '机考',
      name: '2021年批次',
      examDate: '2021年3月1日',
      fee: '480',
    });
    await expect(errorOf(page, 'batch_fee')).toHaveText(
      '考核费 ¥480.00 超过 2021年3月1日 适用的机考考核成本上限 ¥420.00（教职成厅函〔2020〕11号，2021年1月1日起有效）',
    );
    await attachScreenshot(page, testInfo, 'exams-cap-by-date');
    await dialog.locator('#batch_fee').fill('420');
    await expect(anyErrorOf(page, 'batch_fee')).toHaveCount(0);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toHaveCount(0);
    const rows = page.getByTestId('batches-table').locator('tbody tr.ant-table-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: '2020年批次' })).toContainText('机考');

    // The old batch's page names the cap it is judged by: the 2019 one, not today's.
    await openBatch(page, '2020年批次');
    await expect(page.getByTestId('batch-fee-limit')).toHaveText(
      '2020年9月1日 适用：机考考核成本上限 ¥500.00（教职所〔2019〕314号，2020年12月31日前有效）',
    );

    // 规则检查 agrees: neither batch is over the cap of its own day.
    const batches = await pilot<{ name: string; feeLimit: { amountFen: number } | null }[]>(
      page,
      'exams.batches.list',
      {},
    );
    expect(batches.map((b) => [b.name, b.feeLimit?.amountFen])).toEqual([
      ['2021年批次', 42000],
      ['2020年批次', 50000],
    ]);
    expect(await pilot(page, 'fees.violations', {})).toMatchObject({ overCap: [] });
  });
});

import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { COURSES_HEADER } from '../../electron/core/modules/projects/dataCentre';
import { attachScreenshot, openDialog, openPage, openApp, pressInConfirm } from '../harness/antd';
import { examDayStart, signUp, WEB_CERT } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { loadWorkbook, sheetTable, uploadSheetHeader } from '../harness/sheets';
import { expect, test } from '../harness/webHostTest';
import { bareProject } from '../harness/seedProject';
import { editWebCertificate } from '../harness/uiFlows';

/** On 费用台账, narrows the ledger to the 初级 batch: the upload-sheet buttons need one batch. */
async function filterToJuniorBatch(page: Page) {
  await page.locator('.ant-select', { has: page.locator('#fees-batch-filter') }).click();
  await page
    .locator('.ant-select-item-option', { hasText: '初级' })
    .filter({ visible: true })
    .first()
    .click();
  await page.keyboard.press('Escape');
}

test.describe('上报数据中心', () => {
  test('试点项目 exports 课证融通关联关系数据 with its courses, read back', async ({
    host,
    page,
    hostCall: call,
  }, testInfo) => {
    expect((await call('school.save', schoolProfile)).ok).toBe(true);
    const created = await call(
      'projects.create',
      bareProject(WEB_CERT, 2020, {
        courses: [{ courseNo: 'RJ1001', courseName: 'JavaScript 程序设计' }],
      }),
    );
    expect(created.ok).toBe(true);

    // A second course typed in the project form.
    await openApp(page, await host.launchUrl());
    await openPage(page, '试点项目');
    await page
      .locator('.ant-table-row', { hasText: 'Web前端开发' })
      .getByRole('button', { name: /打\s*开/ })
      .click();
    await expect(page.locator('#project-course-no-0')).toHaveValue('RJ1001');
    await page.getByRole('button', { name: '添加课程' }).click();
    await page.locator('#project-course-no-1').fill('RJ1002');
    await page.locator('#project-course-name-1').fill('网页设计与制作');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('试点项目已保存')).toBeVisible();

    await openPage(page, '试点项目');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '课证融通关联关系数据' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('课证融通关联关系数据（ODS_KZRTGLGXSJ）.xlsx');
    await expect(page.getByText('（2 条）')).toBeVisible();
    const wb = await loadWorkbook(readFileSync(await file.path()));
    const { header, rows } = sheetTable(wb.worksheets[0]!);
    expect(header).toEqual(COURSES_HEADER);
    expect(rows.map((r) => r.slice(1, 4))).toEqual([
      [schoolProfile.code, 'JavaScript 程序设计', 'RJ1001'],
      [schoolProfile.code, '网页设计与制作', 'RJ1002'],
    ]);
    for (const r of rows) {
      expect(r[0]).toMatch(/^[0-9A-Z]{32}$/);
      expect(r[6]).toMatch(/^\d{8} \d{6}$/);
    }
    await attachScreenshot(page, testInfo, 'formats-courses-export');
  });

  test('费用台账 names the 15-digit IDs before 考生信息上传表 and the missing 发证机构编码 before 学生技能证书数据', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const [first] = await examDayStart(call, 1);
    const old = (await call('students.save', {
      studentNo: '2023000099',
      name: '旧证学生',
      idType: 'resident',
      idNumber: '420106040301123',
      gender: 'male',
      className: '软件2301班',
      entryYear: 2023,
      pilot: true,
    })) as { id: number };
    const { signupId } = await signUp(
      call,
      [{ certificateId: WEB_CERT, level: 'junior', examDate: '2026-03-20', fee: 480 }],
      [
        { student: first!, batch: 0 },
        { student: old.id, batch: 0 },
      ],
    );
    const passed = signupId(first!, 0);
    await call('exams.signups.setStatus', { ids: [passed], status: 'paid' });
    await call('exams.signups.setStatus', { ids: [passed], status: 'examined' });
    await call('exams.signups.saveResult', {
      id: passed,
      status: 'passed',
      score: 90,
      certificateNo: 'WEB2026-0001',
      issuedOn: '2026-04-20',
    });

    await openApp(page, await host.launchUrl());
    await openPage(page, '费用台账');
    await filterToJuniorBatch(page);
    await expect(page.getByRole('button', { name: '考生信息上传表' })).toBeEnabled();

    await page.getByRole('button', { name: '考生信息上传表' }).click();
    const flags = page.getByTestId('upload-flags');
    await expect(flags).toContainText('2023000099 旧证学生（420106040301123）：15 位旧身份证号');
    await expect(flags.locator('li')).toHaveCount(1);
    const download = page.waitForEvent('download');
    await pressInConfirm(page, /仍然下载/);
    const file = await download;
    expect(file.suggestedFilename()).toBe('考生信息上传表.xlsx');
    const upload = sheetTable((await loadWorkbook(readFileSync(await file.path()))).worksheets[0]!);
    expect(upload.header).toContain('等级代码');
    expect(upload.rows).toHaveLength(2);

    await page.getByRole('button', { name: '学生技能证书数据' }).click();
    const problems = page.getByTestId('data-centre-problems');
    await expect(problems).toContainText(
      '第 1 条 2023000001 学生1（Web前端开发初级）：缺少发证机构编码（在证书目录“Web前端开发”中填写）',
    );
    await expect(
      openDialog(page).getByRole('button', { name: '只导出完整的 0 条' }),
    ).toBeDisabled();
    await attachScreenshot(page, testInfo, 'formats-missing-organization-code');
    await openDialog(page)
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await expect(problems).toBeHidden();

    // 证书目录: the code recorded in the drawer; the sheet then exports that certificate.
    const drawer = await editWebCertificate(page);
    await expect(drawer.getByText('编辑：Web前端开发')).toBeVisible();
    await drawer.locator('#certificate-organization-code').fill('12100000400012345X');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(drawer).toBeHidden();

    await openPage(page, '费用台账');
    const skill = page.waitForEvent('download');
    await page.getByRole('button', { name: '学生技能证书数据' }).click();
    const skillFile = await skill;
    expect(skillFile.suggestedFilename()).toBe('学生技能证书数据（ODS_XSJNZSSJ）.xlsx');
    const sheet = sheetTable(
      (await loadWorkbook(readFileSync(await skillFile.path()))).worksheets[0]!,
    );
    expect(sheet.header[0]).toBe('主键数据唯一性标识');
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0]!.slice(1, 9)).toEqual([
      schoolProfile.code,
      '2023000001',
      '学生1',
      '12100000400012345X',
      '1',
      'WEB2026-0001',
      'Web前端开发',
      '20260420',
    ]);
  });

  test('费用台账 saves an organization’s own 考生信息上传表 layout and downloads the sheet in it', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const [first] = await examDayStart(call, 1);
    await signUp(
      call,
      [{ certificateId: WEB_CERT, level: 'junior', examDate: '2026-03-20', fee: 480 }],
      [{ student: first!, batch: 0 }],
    );

    await openApp(page, await host.launchUrl());
    await openPage(page, '费用台账');
    await page.getByTestId('upload-layout').click();
    await page.getByRole('menuitem', { name: '管理列格式…' }).click();
    const manager = openDialog(page);
    await expect(manager.getByTestId('upload-layouts')).toContainText('还没有保存的列格式');
    await manager.getByRole('button', { name: '新建列格式' }).click();
    const editor = page.getByRole('dialog', { name: '新建列格式' });
    await editor.locator('#layout-organization').fill('示例评价组织');
    await editor.locator('#layout-name').fill('报名表');
    await editor.getByRole('checkbox', { name: '证件类型' }).uncheck();
    await editor.getByRole('button', { name: '“学号”上移' }).click();
    await editor.getByRole('button', { name: '“学号”上移' }).click();
    await editor.getByRole('button', { name: '“学号”上移' }).click();
    await editor.getByRole('button', { name: '“学号”上移' }).click();
    await editor.getByLabel('“姓名”的表头文字').fill('学号');
    await expect(editor.getByTestId('layout-problems')).toContainText('表头“学号”重复');
    await expect(editor.getByTestId('layout-save')).toBeDisabled();
    await editor.getByLabel('“姓名”的表头文字').fill('考生姓名');
    await attachScreenshot(page, testInfo, 'upload-layout-editor');
    await editor.getByTestId('layout-save').click();
    await expect(editor).toBeHidden();
    await expect(manager.getByTestId('upload-layouts')).toContainText(
      '学号、考生姓名、性别、证件号码、专业',
    );
    await manager.getByRole('button', { name: /^关\s*闭$/ }).click();

    await filterToJuniorBatch(page);
    await page.getByTestId('upload-layout').click();
    await page.getByRole('menuitem', { name: '报名表' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '考生信息上传表（报名表）' }).click();
    const file = await download;
    const upload = sheetTable((await loadWorkbook(readFileSync(await file.path()))).worksheets[0]!);
    // As edited: 学号 first, 姓名 renamed, no 证件类型; from 专业 on, the platform's columns as they were.
    expect(upload.header).toEqual([
      '学号',
      '考生姓名',
      '性别',
      '证件号码',
      ...uploadSheetHeader.slice(uploadSheetHeader.indexOf('专业')),
    ]);
    expect(upload.rows).toHaveLength(1);
    expect(upload.rows[0]![0]).toBe('2023000001');
  });
});

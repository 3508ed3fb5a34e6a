import { type Page } from '@playwright/test';
import {
  anyErrorOf,
  attachScreenshot,
  choose,
  fillDate,
  openDialog,
  openPage,
  openApp,
  typeToChoose,
  expectTitlesOnOneLine,
  pressInConfirm,
} from '../harness/antd';
import { makePdf } from '../harness/files';
import { schoolProfile } from '../harness/seed';
import type { Call } from '../harness/seedStaff';
import {
  addMajor,
  addRoom,
  addSite,
  editWebCertificate,
  fillTeacher,
  saveSchool,
} from '../harness/uiFlows';
import { commitments, planSections } from '../../shared/domain/implementationPlan';
import { computerMajorTyped, softwareMajor, softwareMajorTyped } from '../harness/majors';
import { expect, test } from '../harness/webHostTest';
import { bareProject } from '../harness/seedProject';

const verdict = (page: Page, rule: string) =>
  page.getByTestId('live-selfcheck').getByTestId(`verdict-${rule}`);

async function ok<T>(call: Call, name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/** A draft Web前端开发 project with a plan and every commitment ticked (its self-check fails). */
async function seedDraftProject(call: Call): Promise<void> {
  await ok(call, 'school.save', schoolProfile);
  const major = await ok<{ id: number }>(call, 'majors.save', softwareMajor);
  const [certificate] = await ok<{ id: number }[]>(call, 'catalogue.list', {
    search: 'Web前端开发',
  });
  await ok(
    call,
    'projects.create',
    bareProject(certificate.id, 2020, {
      majorIds: [major.id],
      plan: { goals: '培养 80 名学生取得初级证书。' },
      commitments: { noGraduationRequirement: true, noTrainingFee: true, schoolPaysOneExam: true },
    }),
  );
}

async function saveProject(page: Page, toast: string) {
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText(toast)).toBeVisible();
}

test.describe('试点项目与资格自查', () => {
  test('build an application from nothing; the self-check goes from fail to pass; it survives a restart', async ({
    host,
    restartHost,
    page,
    hostCall,
  }, testInfo) => {
    test.setTimeout(240_000);
    await openApp(page, await host.launchUrl());
    await saveSchool(page);

    // The certificate's hardware checklist, in the catalogue.
    const drawer = await editWebCertificate(page);
    await drawer.getByRole('button', { name: '添加一项要求' }).click();
    await drawer.locator('#certificate-requirement-0').fill('每名学生一台计算机');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(drawer).toBeHidden();

    // A project first: everything it needs is missing.
    await openPage(page, '试点项目');
    await expect(page.getByText(/还没有试点项目/)).toBeVisible();
    await page.getByRole('button', { name: '新建试点项目' }).click();
    await choose(page, 'project-certificateId', 'Web前端开发（工业和信息化部教育与考试中心）');
    await page.getByRole('checkbox', { name: '初级' }).check();
    await page.getByRole('checkbox', { name: '中级' }).check();
    await saveProject(page, '试点项目已创建');
    for (const rule of [
      'project.majors',
      'project.dualQualified',
      'project.independentTeachers',
      'project.rooms',
      'project.sites',
      'project.plan',
      'project.talentTrainingPlan',
    ]) {
      await expect(verdict(page, rule)).toHaveAttribute('data-level', 'fail');
    }
    await expect(verdict(page, 'project.dualQualified')).toContainText('未分配教师');
    await attachScreenshot(page, testInfo, 'project-empty');

    // The data arrives: two majors, 12 teachers (4 双师型), a room and a site.
    await openPage(page, '专业');
    await addMajor(page, softwareMajorTyped);
    await addMajor(page, computerMajorTyped);
    // Ten teachers arrive through the API and two are typed: typing all twelve made this the
    // slowest test, and the teacher form is walked field by field in staff.spec.
    const staffNo = (i: number) => `T${String(i).padStart(3, '0')}`;
    for (let i = 3; i <= 12; i += 1) {
      await ok(hostCall, 'teachers.save', {
        staffNo: staffNo(i),
        name: `教师${i}`,
        gender: i % 2 ? 'male' : 'female',
        title: '讲师',
        fullTime: true,
        dualQualified: i === 3,
        canTeachIndependently: true,
        assessor: false,
      });
    }
    await openPage(page, '教师');
    for (const i of [1, 2]) {
      await fillTeacher(page, {
        staffNo: staffNo(i),
        name: `教师${i}`,
        gender: i % 2 ? '男' : '女',
        title: '讲师',
        dual: true,
      });
      await expect(openDialog(page)).toHaveCount(0);
    }
    await expect(page.getByTestId('teachers-table').getByText('T002')).toBeVisible();
    await openPage(page, '实训条件');
    await addRoom(page, '前端开发实训室', 120, 50);
    await addSite(page, '光谷软件园实训基地', '武汉某某软件有限公司');

    // Back on the project: pick them and watch the verdicts change as the form fills.
    await openPage(page, '试点项目');
    await page
      .getByRole('button', { name: /打\s*开/ })
      .first()
      .click();
    await typeToChoose(page, 'project-majorIds', [
      '软件技术（510203）',
      '计算机应用技术（510201）',
    ]);
    await expect(verdict(page, 'project.majors')).toHaveAttribute('data-level', 'pass');
    await typeToChoose(
      page,
      'project-teacherIds',
      Array.from({ length: 12 }, (_, i) => `教师${i + 1}（${staffNo(i + 1)}）`),
    );
    // 3 of 12 is 25%: below 30%.
    await expect(verdict(page, 'project.dualQualified')).toHaveAttribute('data-level', 'fail');
    await expect(verdict(page, 'project.dualQualified')).toContainText(
      '双师型教师 3/12 = 25.0%，低于 30%',
    );
    await expect(verdict(page, 'project.independentTeachers')).toHaveAttribute(
      'data-level',
      'pass',
    );
    await typeToChoose(page, 'project-roomIds', ['前端开发实训室（120 ㎡）']);
    await typeToChoose(page, 'project-siteIds', ['光谷软件园实训基地']);
    await page.getByRole('checkbox', { name: '每名学生一台计算机' }).check();
    for (const rule of ['project.rooms', 'project.sites', 'project.hardware']) {
      await expect(verdict(page, rule)).toHaveAttribute('data-level', 'pass');
    }
    for (const section of planSections) {
      await page.locator(`#project-plan-${section}`).fill(`${section}：按通知要求组织实施。`);
    }
    await expect(verdict(page, 'project.plan')).toHaveAttribute('data-level', 'pass');
    for (const c of commitments) {
      await page.locator(`#project-commitment-${c}`).check();
    }
    await saveProject(page, '试点项目已保存');

    // The talent training plan, uploaded to the project.
    const panel = page.locator('[data-testid^="attachments-project-"]');
    await choose(page, `${await panel.getAttribute('data-testid')}-kind`, '人才培养方案');
    await panel.locator('input[type=file]').setInputFiles({
      name: '软件技术专业人才培养方案.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('talent training plan'),
    });
    await expect(verdict(page, 'project.talentTrainingPlan')).toHaveAttribute('data-level', 'pass');

    // One more 双师型 teacher fixes the last failing condition.
    await openPage(page, '教师');
    await page
      .getByTestId('teachers-table')
      .locator('tr', { hasText: 'T004' })
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await page.locator('#teacher_dualQualified').check();
    await openDialog(page)
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await expect(openDialog(page)).toHaveCount(0);
    await openPage(page, '资格自查');
    const row = page.locator('.ant-table-row', { hasText: 'Web前端开发' });
    await expect(row.getByTestId('selfcheck-tag')).toHaveAttribute('data-level', 'pass');
    await attachScreenshot(page, testInfo, 'selfcheck-pass');

    // Restart the web host: everything is still there.
    const restarted = await restartHost();
    await openApp(page, await restarted.launchUrl());
    await openPage(page, '试点项目');
    const projectRow = page.locator('.ant-table-row', { hasText: 'Web前端开发' });
    await expect(projectRow).toContainText('初级、中级');
    await expect(projectRow.getByTestId('selfcheck-tag')).toHaveText('全部符合');
    await projectRow.getByRole('button', { name: /打\s*开/ }).click();
    await expect(verdict(page, 'project.dualQualified')).toContainText(
      '双师型教师 4/12 = 33.3%，不低于 30%',
    );
    await expect(page.locator('#project-plan-goals')).toHaveValue('goals：按通知要求组织实施。');
    await expect(page.getByText('软件技术专业人才培养方案.pdf')).toBeVisible();

    // Submit, then record the province's confirmation.
    await page.getByRole('button', { name: '标记为已申报' }).click();
    await expect(page.getByTestId('project-status').first()).toHaveAttribute(
      'data-status',
      'submitted',
    );
    await page.getByRole('button', { name: '登记省级确认' }).click();
    await page.locator('#status-document').fill('鄂教职成办〔2020〕5号');
    // A confirmation cannot be dated after today: the core refuses it and the field says why.
    await fillDate(page, 'status-date', '2099-01-01', '2099年1月1日');
    await openDialog(page)
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect(
      openDialog(page).locator('.ant-form-item-explain-error', {
        hasText: '确认日期2099年1月1日晚于今天',
      }),
    ).toBeVisible();
    await expect(page.getByTestId('project-status').first()).toHaveAttribute(
      'data-status',
      'submitted',
    );
    await fillDate(page, 'status-date', '2020-05-20', '2020年5月20日');
    await expect(anyErrorOf(page, 'status-date')).toHaveCount(0);
    await openDialog(page)
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect(page.getByText('状态已改为“省级确认”')).toBeVisible();
    await expect(
      page.locator('.ant-descriptions').getByText('鄂教职成办〔2020〕5号（2020年5月20日）'),
    ).toBeVisible();
    await attachScreenshot(page, testInfo, 'project-confirmed');
  });

  test('an edit after 已申报 asks first, is saved as a revision, and the submitted version stays beside it', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    await seedDraftProject(hostCall);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page, await host.launchUrl());
    await openPage(page, '试点项目');
    // The organization is the certificate's second line: at 1280 px the titles stay on one line
    // and 打开 is on screen without scrolling.
    const listed = page.locator('.ant-table-row', { hasText: 'Web前端开发' });
    await expect(listed.locator('td').first()).toHaveText(
      'Web前端开发工业和信息化部教育与考试中心',
    );
    await expectTitlesOnOneLine(page.getByTestId('projects-table'));
    const open = listed.getByRole('button', { name: /打\s*开/ });
    await expect(open).toBeInViewport({ ratio: 1 });
    await open.click();
    const submitted = page.getByTestId('submitted-version');
    await expect(submitted).toHaveCount(0);
    await page.getByRole('button', { name: '标记为已申报' }).click();
    await pressInConfirm(page, /仍标记为已申报/);
    // The confirmation has closed and the status is saved before the next dialog is looked for.
    await expect(openDialog(page)).toHaveCount(0);
    await expect(page.getByTestId('project-status').first()).toHaveAttribute(
      'data-status',
      'submitted',
    );
    await expect(submitted).toContainText(/已申报版本（\d{4}年\d{1,2}月\d{1,2}日）/);
    await expect(submitted).toContainText('申报后尚未修改。');
    await expect(submitted).toContainText('当前内容与已申报版本相同。');

    await page.locator('#project-plan-goals').fill('培养 120 名学生取得初级证书。');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const warning = openDialog(page);
    await expect(warning).toContainText(
      '该项目已申报，省级主管部门持有的是已申报的版本。修改将保存为新的修订版本，已申报的版本保留不变。',
    );
    // 取消: nothing is saved, the edit stays in the form.
    await warning.getByRole('button', { name: /取\s*消/ }).click();
    await expect(openDialog(page)).toHaveCount(0);
    await expect(page.locator('#project-plan-goals')).toHaveValue('培养 120 名学生取得初级证书。');
    await expect(submitted).toContainText('申报后尚未修改。');

    await page.getByRole('button', { name: /保\s*存/ }).click();
    await pressInConfirm(page, /保存为修订版本/);
    await expect(page.getByText('已保存为修订版本 1，已申报的版本保留不变')).toBeVisible();
    await expect(submitted).toContainText('申报后已保存 1 个修订版本。');
    await expect(submitted).toContainText('当前内容有 1 项与已申报版本不同。');
    await expect(page.getByTestId('project-status').first()).toHaveAttribute(
      'data-status',
      'submitted',
    );

    await submitted.getByRole('button', { name: '与已申报版本比较' }).click();
    const changes = page.getByTestId('project-changes');
    const row = changes.locator('.ant-table-row', { hasText: '实施方案 · 目标任务' });
    await expect(row).toContainText('培养 80 名学生取得初级证书。');
    await expect(row).toContainText('培养 120 名学生取得初级证书。');
    await expect(changes.locator('.ant-table-row')).toHaveCount(1);
    await attachScreenshot(page, testInfo, 'project-revision-compare');
  });

  test('deleting a teacher a project uses names the project first', async ({ host, page }) => {
    await openApp(page, await host.launchUrl());
    await saveSchool(page);
    await openPage(page, '教师');
    await fillTeacher(page, { staffNo: 'T001', name: '张老师', gender: '女', title: '讲师' });
    await expect(openDialog(page)).toHaveCount(0);
    await openPage(page, '试点项目');
    await page.getByRole('button', { name: '新建试点项目' }).click();
    await choose(page, 'project-certificateId', '物流管理（北京中物联物流采购培训中心）');
    await page.getByRole('checkbox', { name: '初级' }).check();
    await typeToChoose(page, 'project-teacherIds', ['张老师（T001）']);
    await saveProject(page, '试点项目已创建');

    await openPage(page, '教师');
    await page
      .getByTestId('teachers-table')
      .locator('tr', { hasText: 'T001' })
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await expect(page.getByText(/物流管理 · \d{4} 年度/)).toBeVisible();
    await expect(page.getByText(/将从这些试点项目的“项目教师”中移除/)).toBeVisible();
  });
});

import { type Page } from '@playwright/test';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { UPLOADS_DIR } from '../../electron/core/dataFiles';
import { planSections } from '../../shared/domain/implementationPlan';
import { attachScreenshot, openDialog, openPage, openApp } from '../harness/antd';
import { makeIncompressibleFile, makePdf, makeSparseFile } from '../harness/files';
import { schoolProfile } from '../harness/seed';
import type { Call } from '../harness/seedStaff';
import { residentId } from '../harness/students';
import { expect, test } from '../harness/webHostTest';

/**
 * Hostile input: HTML and script typed into text fields are shown as text on every page —
 * no element is made from them, no handler runs, no dialog opens.
 */
const img = (n: number) => `<img src=x onerror=alert(${n})>`;
const script = (n: number) => `<script>alert(${n})</script>`;

const hostile = {
  school: `${img(1)}职业学院`,
  address: `${script(2)}路 1 号`,
  major: `${img(3)}专业`,
  teacher: script(4),
  title: img(5),
  room: `${img(6)}实训室`,
  equipment: script(7),
  site: `${img(8)}基地`,
  partner: `<b onmouseover=alert(9)>合作单位</b>`,
  student: `${img(10)}`,
  className: `${script(11)}班`,
  certificate: `${img(12)}证书`,
  organization: script(13),
  requirement: `${img(14)}计算机`,
  plan: `${img(15)}目标任务`,
  attachment: `${img(16)}方案.pdf`,
};

async function ok<T>(call: Call, name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/** Every hostile value, saved through the handlers as a user (or an import) would. */
async function seedHostile(call: Call): Promise<number> {
  await ok(call, 'school.save', {
    ...schoolProfile,
    name: hostile.school,
    address: hostile.address,
  });
  const major = await ok<{ id: number }>(call, 'majors.save', {
    code: '510203',
    name: hostile.major,
    level: 'junior_college',
    catalogueYear: 2021,
    firstEnrolmentYear: 2015,
    annualEnrolment: 100,
  });
  const teacher = await ok<{ id: number }>(call, 'teachers.save', {
    name: hostile.teacher,
    gender: 'female',
    staffNo: 'T0001',
    title: hostile.title,
    majorId: major.id,
    fullTime: true,
    dualQualified: true,
    canTeachIndependently: true,
    assessor: false,
  });
  const room = await ok<{ id: number }>(call, 'rooms.save', {
    name: hostile.room,
    areaM2: 100,
    workstations: 40,
    equipment: [{ name: hostile.equipment, model: 'i5', quantity: 40, unitValue: 4000 }],
  });
  const site = await ok<{ id: number }>(call, 'sites.save', {
    name: hostile.site,
    campus: 'off',
    partner: hostile.partner,
    capacity: 50,
    agreementStart: '2020-09-01',
    agreementEnd: '2023-08-31',
  });
  await ok(call, 'students.save', {
    studentNo: '2023000001',
    name: hostile.student,
    idNumber: residentId('20050301', 1),
    gender: 'male',
    majorId: major.id,
    className: hostile.className,
    entryYear: 2023,
  });
  const certificate = await ok<{ id: number }>(call, 'catalogue.create', {
    name: hostile.certificate,
    organization: hostile.organization,
    levels: [{ level: 'junior' }],
    requirements: [{ text: hostile.requirement }],
  });
  const project = await ok<{ id: number }>(call, 'projects.create', {
    certificateId: certificate.id,
    year: 2020,
    levels: ['junior'],
    majorIds: [major.id],
    teacherIds: [teacher.id],
    roomIds: [room.id],
    siteIds: [site.id],
    plannedStudents: [{ level: 'junior', year: 2020, count: 40 }],
    plan: Object.fromEntries(planSections.map((s) => [s, hostile.plan])),
  });
  await ok(call, 'attachments.upload', {
    ownerType: 'project',
    ownerId: project.id,
    kind: 'talent_training_plan',
    file: { fileName: hostile.attachment, contentBase64: makePdf('plan').toString('base64') },
  });
  return project.id;
}

/** The text is on the page, as text or as a field's value. */
async function expectShown(page: Page, text: string) {
  await expect
    .poll(
      () =>
        page.evaluate(
          (t) =>
            document.body.innerText.includes(t) ||
            [
              ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
                'input, textarea',
              ),
            ].some((e) => e.value.includes(t)),
          text,
        ),
      { message: `“${text}” should be shown as text` },
    )
    .toBe(true);
}

/** No element was made from any of the values, and none of their handlers ran. */
async function expectInert(page: Page, dialogs: string[]) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('b[onmouseover]')).toHaveCount(0);
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('script')].some((s) => s.textContent?.includes('alert(')),
    ),
  ).toBe(false);
  expect(dialogs).toEqual([]);
}

test.describe('HTML and script in text fields', () => {
  test('are shown as the literal text on every page, and nothing runs', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    test.setTimeout(180_000);
    const projectId = await seedHostile(hostCall);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openApp(page, await host.launchUrl());

    const pages: [label: string, texts: string[]][] = [
      ['学校信息', [hostile.school, hostile.address]],
      ['证书目录', [hostile.certificate, hostile.organization]],
      ['专业', [hostile.major]],
      ['教师', [hostile.teacher, hostile.title]],
      ['学生', [hostile.student, hostile.className]],
      ['实训条件', [hostile.room]],
      ['试点项目', [hostile.certificate]],
      ['资格自查', [hostile.certificate]],
      ['申报材料', [hostile.certificate]],
    ];
    for (const [label, texts] of pages) {
      await openPage(page, label);
      for (const text of texts) await expectShown(page, text);
      await expectInert(page, dialogs);
    }

    // 实训条件: the room's equipment (expanded row) and the sites' tab.
    await openPage(page, '实训条件');
    await page
      .getByRole('button', { name: /展开行|Expand row/ })
      .first()
      .click();
    await expectShown(page, hostile.equipment);
    await page.getByRole('tab', { name: /实习实训场所/ }).click();
    for (const text of [hostile.site, hostile.partner]) await expectShown(page, text);
    await expectInert(page, dialogs);

    // The project itself: plan text, certificate, requirement, staff and the attachment's name.
    await page.evaluate((id) => (window.location.hash = `/projects/${id}`), projectId);
    for (const text of [hostile.plan, hostile.teacher, hostile.attachment.replace(/\.pdf$/, '')]) {
      await expectShown(page, text);
    }
    await expectInert(page, dialogs);
    await attachScreenshot(page, testInfo, 'hostile-project');

    // The certificate's edit form lists the requirement.
    await openPage(page, '证书目录');
    await page
      .getByRole('row', { name: /alert\(12\)/ })
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    await expectShown(page, hostile.requirement);
    await expectInert(page, dialogs);
    await attachScreenshot(page, testInfo, 'hostile-certificate');
  });

  test('a 200 MB file picked for an import is refused by its size before it is read', async ({
    host,
    workDir,
    page,
  }, testInfo) => {
    const big = makeSparseFile(path.join(workDir, '全校名单.xlsx'), 200 * 1024 * 1024);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await openApp(page, await host.launchUrl());
    await openPage(page, '学生');
    await page.getByRole('button', { name: '从名单导入' }).click();
    await page.locator('.ant-modal input[type=file]').setInputFiles(big);
    await expect(
      openDialog(page).getByText(
        '无法读取这个文件：文件过大（约 200 MB），超过 45 MB 的上限，未读取。请拆分或压缩后再选择。',
      ),
    ).toBeVisible();
    await attachScreenshot(page, testInfo, 'too-large');
    expect(dialogs).toEqual([]);
  });

  test('a package over 200 MB picked for 校验材料包 is refused at once, nothing sent', async ({
    host,
    workDir,
    page,
  }) => {
    const big = makeSparseFile(path.join(workDir, '材料包.zip'), 201 * 1024 * 1024);
    await openApp(page, await host.launchUrl());
    await openPage(page, '申报材料');
    await page.getByTestId('package-verify').locator('input[type=file]').setInputFiles(big);
    await expect(page.getByTestId('verify-error')).toHaveText(
      '文件过大（超过 200 MB），不是本软件生成的材料包。',
    );
    await expect(page.getByTestId('upload-progress')).toHaveCount(0);
    expect(existsSync(path.join(host.dataDir, UPLOADS_DIR))).toBe(false);
  });

  test('取消 while a big package is still being sent: nothing is checked, nothing stays staged', async ({
    host,
    workDir,
    page,
  }, testInfo) => {
    const big = makeIncompressibleFile(path.join(workDir, '材料包.zip'), 190 * 1024 * 1024);
    await openApp(page, await host.launchUrl());
    await openPage(page, '申报材料');
    await page.getByTestId('package-verify').locator('input[type=file]').setInputFiles(big);
    await expect(page.getByTestId('upload-progress')).toBeVisible();
    await attachScreenshot(page, testInfo, 'verify-sending');
    await page.getByTestId('upload-cancel').click();
    await expect(page.getByText('已取消发送文件，没有做任何改动。')).toBeVisible();
    await expect(page.getByTestId('upload-progress')).toHaveCount(0);
    await expect(page.getByTestId('verify-error')).toHaveCount(0);
    await expect(page.getByTestId('verify-report')).toHaveCount(0);
    // The core deleted what it had received.
    await expect.poll(() => readdirSync(path.join(host.dataDir, UPLOADS_DIR)).length).toBe(0);
  });
});

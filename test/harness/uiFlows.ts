import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadWorkbook, sheetTable } from './sheets';
import { choose, fillDate, openApp, openDialog, openPage } from './antd';
import { signUpForFirstBatch, type DataCall } from './fees';

/** UI flows a coordinator repeats (school profile, 专业, 教师, 实训条件), shared by the e2e specs. */

/** Fills the required school profile fields and saves. */
export async function saveSchool(page: Page) {
  await page.locator('#school-name').fill('湖北示例职业技术学院');
  await choose(page, 'school-kind', '高等职业学校');
  await choose(page, 'school-demonstrationLevel', '省级');
  await choose(page, 'school-city', '宜昌市');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('学校信息已保存')).toBeVisible();
}

export const saveButton = (page: Page) => openDialog(page).getByRole('button', { name: /保\s*存/ });

export async function addMajor(
  page: Page,
  major: { code: string; name: string; level: string; first: number; annual: number },
) {
  await page.getByRole('button', { name: '新增专业' }).click();
  await page.locator('#major_code').fill(major.code);
  await page.locator('#major_name').fill(major.name);
  await choose(page, 'major_level', major.level);
  await page.locator('#major_firstEnrolmentYear').fill(String(major.first));
  await page.locator('#major_annualEnrolment').fill(String(major.annual));
  await saveButton(page).click();
  await expect(openDialog(page)).toHaveCount(0);
}

export interface TeacherRow {
  staffNo: string;
  name: string;
  gender: '男' | '女';
  title: string;
  major?: string;
  dual?: boolean;
  independent?: boolean;
  fullTime?: boolean;
  /** As typed, e.g. 1985.3; 学历 and 学位 as the select shows them. */
  birthMonth?: string;
  education?: string;
  degree?: string;
  studiedMajor?: string;
  skillCertificates?: string;
}

export async function fillTeacher(page: Page, teacher: TeacherRow) {
  await page.getByRole('button', { name: '新增教师' }).click();
  await page.locator('#teacher_name').fill(teacher.name);
  await page.locator('#teacher_staffNo').fill(teacher.staffNo);
  await page.locator('#teacher_gender').getByText(teacher.gender, { exact: true }).click();
  await page.locator('#teacher_title').fill(teacher.title);
  await page.locator('#teacher_title').press('Tab');
  await expect(page.locator('#teacher_title')).toHaveValue(teacher.title);
  if (teacher.birthMonth) await page.locator('#teacher_birthMonth').fill(teacher.birthMonth);
  if (teacher.education) await choose(page, 'teacher_education', teacher.education);
  if (teacher.degree) await choose(page, 'teacher_degree', teacher.degree);
  if (teacher.studiedMajor) await page.locator('#teacher_studiedMajor').fill(teacher.studiedMajor);
  if (teacher.skillCertificates) {
    await page.locator('#teacher_skillCertificates').fill(teacher.skillCertificates);
  }
  if (teacher.major) await choose(page, 'teacher_majorId', teacher.major);
  await page.locator('#teacher_fullTime').setChecked(teacher.fullTime ?? true);
  await page.locator('#teacher_dualQualified').setChecked(teacher.dual ?? false);
  await page.locator('#teacher_canTeachIndependently').setChecked(teacher.independent ?? true);
  await saveButton(page).click();
}

/** A room with one equipment line, from the 实训条件 page. */
export async function addRoom(page: Page, name: string, area: number, stations: number) {
  await page.getByRole('button', { name: '新增实训室' }).click();
  await page.locator('#room_name').fill(name);
  await page.locator('#room_areaM2').fill(String(area));
  await page.locator('#room_workstations').fill(String(stations));
  await page.getByRole('button', { name: '添加设备' }).click();
  await page.locator('#room_equipment_0_name').fill('计算机');
  await page.locator('#room_equipment_0_quantity').fill(String(stations));
  await page.locator('#room_equipment_0_unitValue').fill('4500');
  await page
    .locator('.ant-drawer')
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
}

/** An off-campus site with its partner enterprise, from the 实习实训场所 tab. */
export async function addSite(page: Page, name: string, partner: string) {
  await page.getByRole('tab', { name: /实习实训场所/ }).click();
  await page.getByRole('button', { name: '新增场所' }).click();
  await page.locator('#site_name').fill(name);
  await page.locator('#site_capacity').fill('60');
  await page.locator('#site_partner').fill(partner);
  await saveButton(page).click();
  await expect(openDialog(page)).toHaveCount(0);
}

/**
 * Opens 考核报名, then the page of the batch whose row holds `name` (its 报名管理), and waits
 * until the batch has loaded: before, its buttons show disabled and without their tooltips, so a
 * check or a hover then would see the loading page (its 修改记录 comes with the batch).
 */
export async function openBatch(page: Page, name: string) {
  await openPage(page, '考核报名');
  await page
    .getByTestId('batches-table')
    .locator('tbody tr.ant-table-row', { hasText: name })
    .getByRole('button', { name: '报名管理' })
    .click();
  await expect(page.getByRole('button', { name: '返回批次列表' })).toBeVisible();
  await expect(
    page
      .getByRole('main')
      .getByRole('button', { name: /修改记录/ })
      .first(),
  ).toBeVisible();
}

/** `students` signed up for `firstBatch` (第一批) through the handlers, then the app at `url` on its page. */
export async function openFirstBatchWith(
  page: Page,
  url: string,
  call: DataCall,
  students: readonly number[],
) {
  await signUpForFirstBatch(call, students);
  await openApp(page, url);
  await openBatch(page, '第一批');
}

/** The sign-up rows on a batch's page (this page of the table). */
export const signupRows = (page: Page) =>
  page.getByTestId('signups-table').locator('tbody tr.ant-table-row');

/** On a batch's page: picks `status` in 批量改状态 and presses 应用 for the ticked sign-ups. */
export async function applyBulkStatus(page: Page, status: string) {
  await page.getByRole('combobox', { name: '批量改状态' }).click();
  await page
    .locator(`.ant-select-item-option[title="${status}"]`)
    .filter({ visible: true })
    .click();
  await page.getByRole('button', { name: /应\s*用/ }).click();
}

/** Opens 证书目录 and the drawer editing Web前端开发; the drawer. */
export async function editWebCertificate(page: Page): Promise<Locator> {
  await openPage(page, '证书目录');
  await page
    .getByTestId('catalogue-table')
    .locator('tr', { has: page.getByText('Web前端开发', { exact: true }) })
    .getByRole('button', { name: /编\s*辑/ })
    .click();
  return page.locator('.ant-drawer-content');
}

/**
 * On 考核报名, opens 新增考核批次 and fills a Web前端开发 初级 batch: its 考核形式, its name and
 * 每人考核费 when given, and its exam date as typed; the rest is the test's. The dialog.
 */
export async function fillNewWebBatch(
  page: Page,
  batch: { examForm: string; name?: string; examDate: string; fee?: string },
): Promise<Locator> {
  await page.getByRole('button', { name: '新增考核批次' }).click();
  const dialog = openDialog(page);
  await choose(page, 'batch_certificateId', 'Web前端开发');
  await choose(page, 'batch_level', '初级');
  await choose(page, 'batch_examForm', batch.examForm);
  if (batch.name !== undefined) await dialog.locator('#batch_name').fill(batch.name);
  await fillDate(page, 'batch_examDate', batch.examDate);
  if (batch.fee !== undefined) await dialog.locator('#batch_fee').fill(batch.fee);
  return dialog;
}

/**
 * Opens 首页 and checks its exam table's first batch: the figures by column title
 * (报名, 已考, 缺考, 违纪…), as the coordinator reads them.
 */
export async function expectDashboardExamFigures(page: Page, figures: Record<string, string>) {
  await openPage(page, '首页');
  const examTable = page.getByTestId('dashboard-exams');
  const row = examTable.locator('.ant-table-row').first();
  // The page loads lazily: its headers are read only once a batch row is drawn.
  await expect(row).toBeVisible();
  const headers = (await examTable.locator('thead th').allInnerTexts()).map((h) => h.trim());
  for (const [title, value] of Object.entries(figures)) {
    const column = headers.indexOf(title);
    expect(column, `首页 exam table has a ${title} column: ${headers.join(' | ')}`).toBeGreaterThan(
      -1,
    );
    await expect(row.locator('td').nth(column)).toHaveText(value);
  }
}

/**
 * Presses an import's 下载问题行 and reads the file back: its name is checked, the first sheet's
 * header and rows are returned.
 */
export async function downloadProblemRows(page: Page, dialog: Locator, fileName: string) {
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('import-download-problems').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  return sheetTable((await loadWorkbook(readFileSync(await download.path()))).worksheets[0]);
}

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Certificate } from '../../shared/contract/catalogue';
import { attachScreenshot, openPage } from '../harness/antd';
import { schoolProfile } from '../harness/seed';
import { insertBatches, insertSignups, openDataFile } from '../harness/seedExams';
import { seedStaff, webHostCall, type Call } from '../harness/seedStaff';
import { residentId } from '../harness/students';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from '../harness/webHost';

async function data<T>(call: Call, name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

test.describe('首页', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;

  test.beforeEach(async () => {
    temp = makeTempDir('pilotdesk-e2e-');
    host = await startWebHostProcess(temp.dir);
  });

  test.afterEach(async () => {
    await host.stop();
    temp.remove();
  });

  test('a fresh install opens on 学校信息; with data, 首页 shows the numbers the tables hold and links each problem', async ({
    page,
    request,
  }, testInfo) => {
    await page.goto(host.url);
    await expect(page.getByText('还没有填写学校信息')).toBeVisible();

    const call = webHostCall(request, host);
    await data(call, 'school.save', schoolProfile);
    const staff = await seedStaff(call, 3);
    const [web] = await data<Certificate[]>(call, 'catalogue.list', { search: 'Web前端开发' });
    await data(call, 'catalogue.setLevelCaps', {
      id: web.id,
      caps: [{ level: 'junior', costCapFen: 50000, capDocument: '教职所〔2019〕314号' }],
    });
    const project = await data<{ id: number }>(call, 'projects.create', {
      certificateId: web.id,
      year: 2026,
      levels: ['junior'],
      majorIds: [staff.majors[0].id],
      teacherIds: [],
      roomIds: [],
      siteIds: [],
      plannedStudents: [],
      hardwareChecks: [],
    });
    const students: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const s = await data<{ id: number }>(call, 'students.save', {
        studentNo: `2024000${i}`,
        name: `学生${i}`,
        idNumber: residentId('20060101', 2 * i + 1),
        gender: 'male',
      });
      students.push(s.id);
    }
    const db = openDataFile(host.dataDir);
    const [batch] = insertBatches(db, [
      { certificateId: web.id, level: 'junior', examDate: '2026-05-10', feeFen: 48000 },
    ]);
    insertSignups(db, [
      { studentId: students[0], batchId: batch, status: 'passed', feeFen: 48000 },
      { studentId: students[1], batchId: batch, status: 'failed', feeFen: 48000 },
      { studentId: students[2], batchId: batch, status: 'passed', feeFen: 48000 },
      { studentId: students[3], batchId: batch, status: 'registered', feeFen: 52000 },
    ]);
    db.close();

    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
    await expect(page.getByTestId('dashboard-signed-up')).toContainText('4');
    const examRow = page.getByTestId('dashboard-exams').locator('.ant-table-row');
    await expect(examRow).toHaveCount(1);
    await expect(examRow).toContainText('Web前端开发 · 初级');
    await expect(examRow).toContainText('66.7%');
    await expect(examRow).toContainText('¥520.00');
    const violations = page.getByTestId('dashboard-violations').locator('.ant-list-item');
    await expect(violations).toHaveCount(2);
    await expect(violations.nth(1)).toContainText('最高收费 ¥520.00，上限 ¥500.00');
    await attachScreenshot(page, testInfo, 'dashboard');

    // Each chart saves as a PNG.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('chart-exams').getByRole('button', { name: '导出图片' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('报名、参考与通过人次.png');
    const saved = testInfo.outputPath('chart.png');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(1, 4).toString('latin1')).toBe('PNG');

    // 去处理 on the self-check problem opens the project.
    await violations.nth(0).getByRole('button', { name: '去处理' }).click();
    await expect(page).toHaveURL(new RegExp(`#/projects/${project.id}$`));
    await openPage(page, '首页');
    await expect(violations).toHaveCount(2);
  });
});

import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { attachScreenshot, openPage } from '../harness/antd';
import { addStudents, setCaps, signUp, WEB_CERT, type DataCall } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { seedStaff, webHostCall } from '../harness/seedStaff';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from '../harness/webHost';

test.describe('首页', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;

  test.beforeEach(async () => {
    temp = makeTempDir('pilotdesk-e2e-');
    const clockFile = path.join(temp.dir, 'clock.txt');
    // Monday 2 March 2026, 16:00 China time.
    writeFileSync(clockFile, '2026-03-02T16:00:00+08:00');
    host = await startWebHostProcess(path.join(temp.dir, 'data'), 0, { clockFile });
  });

  test.afterEach(async () => {
    await host.stop();
    temp.remove();
  });

  test('a fresh install opens on 学校信息; with data, 首页 shows what the tables hold and links each problem', async ({
    page,
    request,
  }, testInfo) => {
    await page.goto(host.url);
    await expect(page.getByText('还没有填写学校信息')).toBeVisible();

    const raw = webHostCall(request, host);
    const data: DataCall = async (name, input) => {
      const result = await raw(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.data;
    };
    await data('school.save', schoolProfile);
    const staff = await seedStaff(raw, 3);
    await setCaps(data);
    await data('projects.create', {
      certificateId: WEB_CERT,
      year: 2026,
      levels: ['junior'],
      majorIds: [staff.majors[0].id],
      teacherIds: [],
      roomIds: [],
      siteIds: [],
      plannedStudents: [],
      hardwareChecks: [],
    });
    const ids = await addStudents(data, 4);
    const { signupId } = await signUp(
      data,
      [
        { certificateId: WEB_CERT, level: 'junior', examDate: '2026-05-10', fee: 480 },
        { certificateId: WEB_CERT, level: 'intermediate', examDate: '2026-06-10', fee: 600 },
      ],
      [
        ...ids.map((student) => ({ student, batch: 0 })),
        { student: ids[3], batch: 1, payer: 'student' as const },
      ],
    );
    const status = (students: number[], to: string) =>
      data('exams.signups.setStatus', { ids: students.map((s) => signupId(s, 0)), status: to });
    await status(ids, 'paid');
    await status([ids[0], ids[1], ids[2]], 'examined');
    await status([ids[0], ids[2]], 'passed');
    await status([ids[1]], 'failed');
    await status([ids[3]], 'withdrawn');
    // Two weekly reports overdue at the host's clock.
    await data('weekly.saveSettings', {
      pilotStart: '2026-02-16',
      cadence: 'weekly',
      dueWeekday: 5,
      dueTime: '17:00',
    });

    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
    await expect(page.getByTestId('dashboard-signed-up')).toContainText('4');
    const examRows = page.getByTestId('dashboard-exams').locator('.ant-table-row');
    await expect(examRows).toHaveCount(2);
    await expect(examRows.first()).toContainText('Web前端开发 · 初级');
    await expect(examRows.first()).toContainText('66.7%');
    const violations = page.getByTestId('dashboard-violations').locator('.ant-list-item');
    await expect(violations).toHaveCount(3);
    await expect(violations.nth(0)).toContainText('周报：严重（2 期逾期未报送）');
    await expect(violations.nth(1)).toContainText('1 名试点学生没有由学校承担或财政补助的考核');
    await expect(violations.nth(2)).toContainText('资格自查');
    await expect(page.getByTestId('chart-weekly')).toBeVisible();
    await attachScreenshot(page, testInfo, 'dashboard');

    // Each chart saves as a PNG.
    const downloading = page.waitForEvent('download');
    await page.getByTestId('chart-exams').getByRole('button', { name: '导出图片' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('报名、参考与通过人次.png');
    const saved = testInfo.outputPath('chart.png');
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(1, 4).toString('latin1')).toBe('PNG');

    // The rule-13 problem opens the ledger's rule check, which names the student; the ledger
    // holds as many live sign-ups as 首页 counts.
    await violations.nth(1).getByRole('button', { name: '去处理' }).click();
    await expect(page).toHaveURL(/#\/fees\/rules$/);
    await expect(page.getByRole('tabpanel')).toContainText('学生4');
    await page.getByRole('tab', { name: '汇总' }).click();
    // 3 junior sign-ups school-paid at ¥480 and one self-paid 中级 at ¥600.
    await expect(page.getByTestId('totals-all')).toContainText('4');
    await expect(page.getByTestId('totals-all')).toContainText('¥2,040.00');
    await openPage(page, '首页');
    await expect(page.getByText('学校承担与财政补助').locator('..')).toContainText('¥1,440.00');
    await expect(violations).toHaveCount(3);
  });
});

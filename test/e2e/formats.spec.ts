import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { attachScreenshot, openPage } from '../harness/antd';
import { WEB_CERT } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { webHostCall } from '../harness/seedStaff';
import { loadWorkbook, sheetTable } from '../harness/sheets';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from '../harness/webHost';

test.describe('上报数据中心', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;

  test.beforeEach(async () => {
    temp = makeTempDir('pilotdesk-e2e-formats-');
    host = await startWebHostProcess(temp.dir);
  });

  test.afterEach(async () => {
    await host.stop();
    temp.remove();
  });

  test('试点项目 exports 课证融通关联关系数据 with its courses, read back', async ({
    page,
    request,
  }, testInfo) => {
    const call = webHostCall(request, host);
    expect((await call('school.save', schoolProfile)).ok).toBe(true);
    const created = await call('projects.create', {
      certificateId: WEB_CERT,
      year: 2020,
      levels: ['junior'],
      majorIds: [],
      teacherIds: [],
      roomIds: [],
      siteIds: [],
      courses: [
        { courseNo: 'RJ1001', courseName: 'JavaScript 程序设计' },
        { courseNo: 'RJ1002', courseName: '网页设计与制作' },
      ],
    });
    expect(created.ok).toBe(true);

    await page.goto(await host.launchUrl());
    await openPage(page, '试点项目');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '课证融通关联关系数据' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('课证融通关联关系数据（ODS_KZRTGLGXSJ）.xlsx');
    await expect(page.getByText('（2 条）')).toBeVisible();
    const wb = await loadWorkbook(readFileSync(await file.path()));
    const { header, rows } = sheetTable(wb.worksheets[0]!);
    expect(header).toEqual([
      '主键数据唯一性标识',
      '学校代码',
      '课程名称',
      '课程号',
      '证书号',
      '证书名称',
      '数据采集时间',
    ]);
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
});

import { type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import yauzl from 'yauzl';
import { readOwnZip } from '../../electron/core/io/zip';
import type { FileOffer } from '../../shared/contract/files';
import { webPaths } from '../../shared/contract/webAccess';
import { attachScreenshot, openDialog, openPage, openApp, pressInConfirm } from '../harness/antd';
import { pdfPages } from '../harness/documents';
import { makeZip } from '../harness/files';
import { schoolProfile } from '../harness/seed';
import type { Call } from '../harness/seedStaff';
import { softwareMajor } from '../harness/majors';
import type { RunningWebHost } from '../harness/webHost';
import { expect, test } from '../harness/webHostTest';
import { bareProject } from '../harness/seedProject';

async function data<T>(call: Call, name: string, input: unknown): Promise<T> {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.data as T;
}

/** Ticks the seeded project's row on 申报材料. */
async function tickProject(page: Page): Promise<void> {
  await page
    .getByRole('row', { name: /Web前端开发/ })
    .getByRole('checkbox')
    .check();
}

/** A school with one project that is complete apart from its files (so it fails the check). */
async function seed(call: Call): Promise<{ id: number }> {
  await data(call, 'school.save', schoolProfile);
  const major = await data<{ id: number }>(call, 'majors.save', softwareMajor);
  const teacherIds: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const teacher = await data<{ id: number }>(call, 'teachers.save', {
      name: `教师${i + 1}`,
      gender: 'male',
      staffNo: `T${String(i + 1).padStart(4, '0')}`,
      title: '讲师',
      majorId: major.id,
      fullTime: true,
      dualQualified: i < 4,
      canTeachIndependently: true,
      assessor: false,
    });
    teacherIds.push(teacher.id);
  }
  const certificates = await data<{ id: number }[]>(call, 'catalogue.list', {
    search: 'Web前端开发',
  });
  return data<{ id: number }>(
    call,
    'projects.create',
    bareProject(certificates[0].id, 2020, { majorIds: [major.id], teacherIds }),
  );
}

/** The school seeded through `call`, then the app opened on 申报材料; the seeded project. */
async function openPackages(page: Page, host: RunningWebHost, call: Call) {
  const project = await seed(call);
  await openApp(page, await host.launchUrl());
  await openPage(page, '申报材料');
  return project;
}

test.describe('申报材料', () => {
  test('a failing project exports as 草稿 after 确定, and the download verifies', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openPackages(page, host, hostCall);
    await expect(page.getByTestId('package-export')).toBeDisabled();
    await tickProject(page);

    await page.getByTestId('package-export').click();
    await expect(page.getByTestId('package-draft-confirm')).toContainText('Web前端开发 · 2020');
    const downloading = page.waitForEvent('download');
    await pressInConfirm(page);
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      /^湖北示例职业技术学院_Web前端开发_1\+X证书试点申报材料_\d{8}_草稿\.zip$/,
    );
    await expect(page.getByTestId('package-done')).toContainText('草稿');

    const saved = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');
    await page.getByTestId('package-verify').locator('input[type=file]').setInputFiles(saved);
    await expect(page.getByTestId('verify-report')).toContainText('校验通过');
    await expect(page.getByTestId('verify-problems')).toContainText('草稿');
    await attachScreenshot(page, testInfo, 'package');

    await page
      .getByTestId('package-verify')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'bad.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from('garbage'),
      });
    await expect(page.getByTestId('verify-error')).toContainText('不是有效的 zip');
  });

  test('打印申报表 and 打印实施方案 open each document’s PDF in a new tab of the browser', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    await openPackages(page, host, hostCall);
    await expect(page.getByTestId('package-print-plan')).toBeDisabled();
    await tickProject(page);
    for (const [button, title] of [
      // The seeded project fails its self-check: what prints is marked 草稿.
      ['package-print-form', '1+X证书制度试点申报表（草稿）'],
      ['package-print-plan', `${schoolProfile.name}1+X证书制度试点实施方案（草稿）`],
    ] as const) {
      const opening = page.waitForEvent('popup');
      const answered = page.waitForResponse((r) => r.url().endsWith('package.documentPdf'));
      await page.getByTestId(button).click();
      const tab = await opening;
      // The tab shows the PDF the core made for this click (Chromium's PDF viewer on its blob).
      await tab.waitForURL(/^blob:/);
      const { data } = (await (await answered).json()) as { data: { contentBase64: string } };
      const pdf = testInfo.outputPath(`${button}.pdf`);
      writeFileSync(pdf, Buffer.from(data.contentBase64, 'base64'));
      // A long title wraps: read the lines as one text.
      expect(
        pdfPages(pdf)
          .flatMap((p) => p.lines.map((l) => l.text))
          .join(''),
      ).toContain(title);
      await tab.close();
    }
  });

  test('兼容旧版 Windows 解压 writes GBK names without the UTF-8 flag, and the download still verifies', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    test.setTimeout(120_000);
    await openPackages(page, host, hostCall);
    await tickProject(page);
    await page.getByRole('checkbox', { name: '兼容旧版 Windows 解压（GBK 文件名）' }).check();
    await page.getByTestId('package-export').click();
    await expect(page.getByTestId('package-draft-confirm')).toContainText('Web前端开发 · 2020');
    const downloading = page.waitForEvent('download');
    await pressInConfirm(page);
    // The page's own verdict first: a failure then shows its message, not a silent wait.
    await expect(page.getByTestId('package-draft-confirm')).toHaveCount(0);
    await expect(page.getByTestId('package-done')).toContainText('草稿');
    const download = await downloading;
    const saved = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(saved);

    // Names as older Windows reads them: GBK bytes, no UTF-8 flag.
    const names = await new Promise<string[]>((resolve, reject) => {
      yauzl.open(saved, { decodeStrings: false }, (err, zip) => {
        if (err) return reject(err);
        const all: string[] = [];
        zip.on('entry', (e: yauzl.Entry) => {
          expect(e.generalPurposeBitFlag & 0x800).toBe(0);
          all.push(iconv.decode(e.fileName as unknown as Buffer, 'gbk'));
        });
        zip.on('end', () => resolve(all));
      });
    });
    expect(names).toEqual(expect.arrayContaining(['申报表（草稿）.pdf', '实施方案（草稿）.docx']));

    await page.getByTestId('package-verify').locator('input[type=file]').setInputFiles(saved);
    await expect(page.getByTestId('verify-report')).toContainText('校验通过');
    await attachScreenshot(page, testInfo, 'package-gbk');
  });

  test('取消 during an export: a message, no download, no file', async ({
    host,
    workDir,
    page,
    hostCall: call,
  }, testInfo) => {
    await openPackages(page, host, call);
    await tickProject(page);
    // The export's call is held in the browser until 取消 has been answered, so the core always
    // sees 取消 first: the order a busy machine can produce, made certain (an export racing its
    // 取消 made this test flaky). Cancelling mid-work is proven in test/core/package.test.ts.
    let cancelAnswered!: () => void;
    const cancelSeen = new Promise<void>((resolve) => (cancelAnswered = resolve));
    page.on('response', (response) => {
      if (response.url().endsWith('/package.cancel')) cancelAnswered();
    });
    await page.route('**/package.build', async (route) => {
      await cancelSeen;
      await route.continue();
    });
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('package-export').click();
    await pressInConfirm(page);

    await expect(page.getByTestId('package-progress')).toBeVisible();
    await page.getByTestId('package-cancel').click();
    await expect(page.getByTestId('package-cancelled')).toContainText('已取消');
    await expect(page.getByTestId('package-progress')).toBeHidden();
    await expect(page.getByTestId('package-done')).toHaveCount(0);
    await expect(page.getByTestId('package-export')).toBeEnabled();
    await attachScreenshot(page, testInfo, 'package-cancelled');
    // The page saves a package only when the export answers with one; 已取消 is that same
    // answer's refusal, so no download can follow it.
    expect(downloads).toEqual([]);
    const exportsDir = path.join(workDir, 'exports');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
  });

  test('标记为已提交 keeps the downloaded zip read-only with its SHA-256; downloading it back gives the same bytes; later edits are listed', async ({
    host,
    workDir,
    page,
    hostCall: call,
  }, testInfo) => {
    test.setTimeout(180_000);
    const project = await openPackages(page, host, call);
    const submitted = page.getByTestId('submitted-packages');
    await expect(submitted).toContainText('还没有已提交的材料包');
    await tickProject(page);
    await page.getByTestId('package-export').click();
    const downloading = page.waitForEvent('download');
    await pressInConfirm(page);
    const sent = testInfo.outputPath('sent.zip');
    await (await downloading).saveAs(sent);
    const sentBytes = readFileSync(sent);
    const sha = createHash('sha256').update(sentBytes).digest('hex');

    // A draft: marking it asks first.
    await page.getByTestId('package-mark-submitted').click();
    await expect(openDialog(page)).toContainText('是草稿材料包');
    await pressInConfirm(page, /仍标记为已提交/);
    await expect(page.getByText(/已留存已提交的材料包：/)).toBeVisible();
    await expect(page.getByTestId('package-mark-submitted')).toBeDisabled();
    const row = submitted.locator('.ant-table-row');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('submitted-sha256')).toContainText(sha);
    await expect(row.getByTestId('submitted-file-state')).toHaveText('文件完好');
    await expect(row).toContainText('Web前端开发 · 2020');
    await expect(row).toContainText('提交后未修改');

    // The kept copy: in submitted/, read-only, byte for byte what was downloaded.
    const keptDir = path.join(workDir, 'submitted');
    const [kept] = readdirSync(keptDir);
    expect(readFileSync(path.join(keptDir, kept)).equals(sentBytes)).toBe(true);
    expect(statSync(path.join(keptDir, kept)).mode & 0o777).toBe(0o400);

    const again = page.waitForEvent('download');
    await row.getByTestId('submitted-download').click();
    const back = testInfo.outputPath('back.zip');
    await (await again).saveAs(back);
    expect(readFileSync(back).equals(sentBytes)).toBe(true);

    // An edit after the submission shows in the list (after a reload of the page).
    const current = await data<{ certificateId: number; majorIds: number[]; teacherIds: number[] }>(
      call,
      'projects.get',
      { id: project.id },
    );
    await data(call, 'projects.update', {
      id: project.id,
      data: bareProject(current.certificateId, 2020, {
        majorIds: current.majorIds,
        teacherIds: current.teacherIds.slice(1),
      }),
    });
    await page.reload();
    await openPage(page, '申报材料');
    await submitted.getByTestId('submitted-changes').click();
    await expect(page.getByTestId('project-changes')).toContainText('教师1（T0001）');
    await attachScreenshot(page, testInfo, 'submitted-packages');
  });
  test('校验材料包 shows a duplicate-entry package and a foreign manifest without crashing', async ({
    host,
    page,
    hostCall: call,
  }, testInfo) => {
    const project = await seed(call);
    const built = await data<FileOffer>(call, 'package.build', {
      projectIds: [project.id],
      acceptDraft: true,
    });
    const fetched = await page.request.get(`${host.origin}${webPaths.download}${built.token}`);
    expect(fetched.status()).toBe(200);
    const entries = (await readOwnZip(await fetched.body())).map((e) => [e.name, e.data] as const);
    const pdf = entries.find(([name]) => name.endsWith('.pdf'))!;
    await openApp(page, await host.launchUrl());
    await openPage(page, '申报材料');
    const pick = page.getByTestId('package-verify').locator('input[type=file]');
    const zip = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/zip', buffer });

    await pick.setInputFiles(zip('重复条目.zip', makeZip([...entries, pdf])));
    await expect(page.getByTestId('verify-report')).toContainText('校验未通过');
    await expect(page.getByTestId('verify-report')).toContainText('湖北示例职业技术学院');
    await expect(page.getByTestId('verify-problems')).toContainText(
      `条目“${pdf[0]}”在材料包中出现了 2 次。`,
    );
    await attachScreenshot(page, testInfo, 'verify-duplicates');

    await pick.setInputFiles(
      zip('外来材料包.zip', makeZip({ 'manifest.json': '{"formatVersion":1,"files":[]}' })),
    );
    await expect(page.getByTestId('verify-report')).toContainText('校验未通过');
    await expect(page.getByTestId('verify-problems')).toContainText(
      '缺少：软件版本（appVersion）、生成时间（createdAt）、材料包类型（kind）、草稿标记（draft）、学校（school）',
    );
    await expect(page.getByText('此页面出现错误')).toHaveCount(0);
    await attachScreenshot(page, testInfo, 'verify-foreign');
  });

  test('a page that crashes keeps the sidebar working, and 重新加载此页 mounts it again', async ({
    host,
    page,
    hostCall,
  }, testInfo) => {
    await seed(hostCall);
    // An answer the page cannot render (a manifest without its school) stands in for a bug.
    const brokenAnswer = () =>
      page.route(
        '**/api/invoke/package.verify',
        (route) =>
          route.fulfill({
            json: {
              ok: true,
              data: {
                ok: false,
                fileName: 'x.zip',
                manifest: {},
                missing: [],
                extra: [],
                changed: [],
                problems: [],
                checkedFiles: 0,
              },
            },
          }),
        { times: 1 },
      );
    const crash = async () => {
      await brokenAnswer();
      await page
        .getByTestId('package-verify')
        .locator('input[type=file]')
        .setInputFiles({ name: 'x.zip', mimeType: 'application/zip', buffer: makeZip({ a: 'b' }) });
      await expect(page.getByText('此页面出现错误')).toBeVisible();
    };
    await openApp(page, await host.launchUrl());
    await openPage(page, '申报材料');
    await crash();
    await expect(page.getByRole('button', { name: '重新加载此页' })).toBeVisible();
    await attachScreenshot(page, testInfo, 'page-crashed');

    // The rest of the app is alive: another page opens, and coming back shows this one again.
    await openPage(page, '学校信息');
    await expect(page.getByText('此页面出现错误')).toHaveCount(0);
    await openPage(page, '申报材料');
    await expect(page.getByTestId('package-verify')).toBeVisible();

    await crash();
    await page.getByRole('button', { name: '重新加载此页' }).click();
    await expect(page.getByRole('heading', { level: 3, name: '申报材料' })).toBeVisible();
    await expect(page.getByTestId('package-verify')).toBeVisible();
    await expect(page.getByTestId('verify-report')).toHaveCount(0);
    await expect(page.getByText('此页面出现错误')).toHaveCount(0);
  });
});

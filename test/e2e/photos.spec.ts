import { readFileSync } from 'node:fs';
import { readOwnZip } from '../../electron/core/io/zip';
import { attachScreenshot, openPage } from '../harness/antd';
import { examDayStart } from '../harness/fees';
import { makePdf } from '../harness/files';
import { makeJpeg, makePng } from '../harness/photos';
import { residentId } from '../harness/students';
import { openFirstBatchWith } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

test.describe('考生照片', () => {
  test('photos picked on the batch page are checked file by file, imported, exported and shown on the student', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const students = await examDayStart(call, 3, { school: false });
    const id = (n: number) => residentId('20050301', n);

    await openFirstBatchWith(page, await host.launchUrl(), call, students);
    await page.getByTestId('open-photos').click();
    const panel = page.getByTestId('photo-panel');
    await expect(panel.getByTestId('photo-counts')).toHaveText(
      '本批次 3 名考生，已有照片 0 人，缺 3 人',
    );
    await expect(panel.getByTestId('photo-rules')).toContainText(
      '要求：40–200 KB，至少 295×413 像素',
    );

    await panel.getByTestId('photo-files').setInputFiles([
      { name: `学生1_${id(1)}.jpg`, mimeType: 'image/jpeg', buffer: makeJpeg(295, 413, 80) },
      { name: '2023000002.png', mimeType: 'image/png', buffer: makePng(300, 420, 80) },
      { name: `${id(3)}.jpg`, mimeType: 'image/jpeg', buffer: makeJpeg(600, 450, 90) },
    ]);
    await expect(panel.getByTestId('photo-report-summary')).toHaveText(
      '可导入 2 张，替换已有照片 0 张，与已有照片相同 0 张，有问题 1 张',
    );
    await expect(
      panel.getByTestId('photo-report').locator('tr', { hasText: `${id(3)}.jpg` }),
    ).toContainText('不是竖版照片：600×450，证件照应高大于宽');
    await attachScreenshot(page, testInfo, 'photos-report');
    // Checked but not imported: Esc and 关闭 ask first; 继续编辑 keeps the report.
    await page.keyboard.press('Escape');
    const ask = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await panel.getByRole('button', { name: /关\s*闭/ }).click();
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await expect(panel.getByTestId('photo-report-summary')).toBeVisible();
    await panel.getByTestId('photo-import').click();
    await expect(page.getByText('已导入 2 张照片')).toBeVisible();
    await expect(panel.getByTestId('photo-counts')).toHaveText(
      '本批次 3 名考生，已有照片 2 人，缺 1 人',
    );
    await expect(panel.getByTestId('photo-missing')).toContainText('学生3');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('photo-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'Web前端开发 初级 · 2020年11月15日 第一批 考生照片.zip',
    );
    const entries = await readOwnZip(readFileSync((await download.path())!));
    expect(entries.map((e) => e.name)).toEqual([
      `学生1_${id(1)}.jpg`,
      `学生2_${id(2)}.png`,
      '缺少照片名单.xlsx',
    ]);

    // 其他材料: a 申请表 for 学生1; the checklist counts who still lacks each paper.
    await panel.getByRole('tab', { name: '其他材料' }).click();
    await expect(panel.getByTestId('documents-missing')).toHaveText(
      '尚缺：职业技能等级证书申请表 3 人，身份证扫描件 3 人，在读证明 3 人',
    );
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      panel.getByTestId('doc-upload-2023000001-application_form').click(),
    ]);
    await chooser.setFiles({
      name: '学生1申请表.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('申请表'),
    });
    await expect(page.getByText('已保存学生1的职业技能等级证书申请表')).toBeVisible();
    await expect(panel.getByTestId('documents-missing')).toHaveText(
      '尚缺：职业技能等级证书申请表 2 人，身份证扫描件 3 人，在读证明 3 人',
    );
    await attachScreenshot(page, testInfo, 'photos-documents');
    await panel.getByRole('button', { name: /关\s*闭/ }).click();

    await openPage(page, '学生');
    await page.getByTestId('student-edit-2023000001').click();
    await expect(page.getByTestId('student-photo')).toBeVisible();
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('student-edit-2023000003').click();
    await expect(page.getByTestId('student-photo-none')).toBeVisible();
    await attachScreenshot(page, testInfo, 'photos-student');
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readOwnZip } from '../../electron/core/io/zip';
import { attachScreenshot, openPage, openApp } from '../harness/antd';
import { examDayStart, signUp, WEB_CERT } from '../harness/fees';
import { makeZip } from '../harness/files';
import { loadWorkbook } from '../harness/sheets';
import { openBatch } from '../harness/uiFlows';
import { expect, test } from '../harness/webHostTest';

test.describe('考核报名材料包', () => {
  test('导出报名材料包 on the batch page downloads a zip that 校验材料包 accepts and 标记为已提交 keeps', async ({
    host,
    page,
    call,
  }, testInfo) => {
    const students = await examDayStart(call, 3);
    const examDate = '2020-11-15';
    const batch = { certificateId: WEB_CERT, level: 'junior' as const, examDate, fee: 480 };
    await signUp(
      call,
      [
        { ...batch, name: '第一批' },
        { ...batch, name: '空批次', examDate: '2020-12-20' },
      ],
      students.map((student) => ({ student, batch: 0 })),
    );

    await openApp(page, await host.launchUrl());
    // The empty batch cannot be exported: the button says why.
    await openBatch(page, '空批次');
    await expect(page.getByTestId('batch-package-export')).toBeDisabled();
    await page.getByRole('button', { name: '返回批次列表' }).click();

    await openBatch(page, '第一批');
    await expect(page.getByTestId('signups-table').locator('tbody tr.ant-table-row')).toHaveCount(
      3,
    );
    await attachScreenshot(page, testInfo, 'batch-detail');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('batch-package-export').click();
    const download = await downloading;
    const fileName = '湖北示例职业技术学院_Web前端开发初级_20201115_第一批_考核报名材料.zip';
    expect(download.suggestedFilename()).toBe(fileName);
    await expect(page.getByText(`已导出 ${fileName}`)).toBeVisible();
    await page.mouse.move(0, 0);
    await attachScreenshot(page, testInfo, 'batch-package-export');

    // What the user got: both sheets with the three candidates, and the batch manifest.
    const saved = testInfo.outputPath(fileName);
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    const files = new Map((await readOwnZip(bytes)).map((e) => [e.name, e.data]));
    expect([...files.keys()]).toEqual(['manifest.json', '考生信息上传表.xlsx', '费用明细表.xlsx']);
    const upload = (await loadWorkbook(files.get('考生信息上传表.xlsx')!)).worksheets[0];
    expect(upload.getColumn(5).values.slice(2)).toEqual(['2023000001', '2023000002', '2023000003']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).toMatchObject({ kind: 'batch', batch: { name: '第一批', signups: 3 } });

    // 标记为已提交 keeps exactly the zip downloaded; 申报材料 lists it as a batch package.
    await page.getByTestId('batch-package-mark-submitted').click();
    await expect(page.getByTestId('batch-package-mark-submitted')).toBeDisabled();

    // 申报材料 → 校验材料包 accepts it and says what it is; a changed byte is flagged.
    await openPage(page, '申报材料');
    const kept = page.getByTestId('submitted-packages').locator('.ant-table-row');
    await expect(kept).toHaveCount(1);
    await expect(kept).toContainText('考核报名材料包');
    await expect(kept.getByTestId('submitted-sha256')).toContainText(
      createHash('sha256').update(bytes).digest('hex'),
    );
    await expect(kept.getByTestId('submitted-file-state')).toHaveText('文件完好');
    const verifyCard = page.getByTestId('package-verify');
    await verifyCard.locator('input[type=file]').setInputFiles(saved);
    await expect(page.getByTestId('verify-report')).toContainText('校验通过：2 个文件与清单一致');
    await expect(page.getByTestId('verify-batch')).toHaveText(
      '考核报名材料包：Web前端开发 初级 · 考核日期 2020年11月15日 · 3 人报名',
    );
    await attachScreenshot(page, testInfo, 'batch-package-verified');

    const tampered = Buffer.from(files.get('考生信息上传表.xlsx')!);
    tampered[Math.floor(tampered.length / 2)] ^= 1;
    files.set('考生信息上传表.xlsx', tampered);
    await verifyCard.locator('input[type=file]').setInputFiles({
      name: 'changed.zip',
      mimeType: 'application/zip',
      buffer: makeZip(Object.fromEntries(files)),
    });
    await expect(page.getByTestId('verify-report')).toContainText('校验未通过');
    await expect(page.getByTestId('verify-changed')).toContainText('考生信息上传表.xlsx');
  });
});

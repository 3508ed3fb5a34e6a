import { downloadProblemRows } from '../harness/uiFlows';
import { readFileSync } from 'node:fs';
import { type Page } from '@playwright/test';
import { Document, Packer, Paragraph } from 'docx';
import {
  attachScreenshot,
  openDialog,
  openPage,
  openConfirm,
  textLines,
  openApp,
  answerUnsaved,
} from '../harness/antd';
import { softwareMajor } from '../harness/majors';
import { loadWorkbook, sheetTable, xlsxBytes } from '../harness/sheets';
import { rosterHeader, rosterRows, withBadCheckChar } from '../harness/students';
import { type RunningWebHost } from '../harness/webHost';
import { expect, test } from '../harness/webHostTest';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens 学生 → 从名单导入 and picks a roster of `rows` under the usual header: the dialog. */
async function previewRoster(page: Page, host: RunningWebHost, rows: string[][]) {
  await openApp(page, await host.launchUrl());
  await openPage(page, '学生');
  await page.getByRole('button', { name: '从名单导入' }).click();
  await page.locator('.ant-modal input[type=file]').setInputFiles({
    name: '名单.xlsx',
    mimeType: XLSX_MIME,
    buffer: await xlsxBytes({ rows: [[...rosterHeader], ...rows] }),
  });
  return page.getByRole('dialog').filter({ hasText: '导入学生名单' });
}

test.describe('学生名单导入：真实学校的表格', () => {
  test('a 合计 row, a pasted row, a bad check digit and a dashed phone: grouped, problem rows downloaded, the valid rows imported', async ({
    host,
    page,
    call,
  }, testInfo) => {
    await call('majors.save', softwareMajor);

    // Title in row 1, header in row 2: rows[i] is file row 3 + i.
    const rows = rosterRows(8, { majors: ['软件技术'] });
    const bad = withBadCheckChar(rows[2][2]); // file row 5
    const broken = rows.map((r) => [...r]);
    broken[2][2] = bad.id;
    broken[5][7] = '138-6189 0164';
    const sheet = [
      ['2023 级试点学生名单'],
      [...rosterHeader],
      ...broken,
      [...broken[3]], // pasted twice
      ['合计', '', '', '', '', '', '', '共 8 人'],
    ];

    await openApp(page, await host.launchUrl());
    await openPage(page, '学生');
    await page.getByRole('button', { name: '从名单导入' }).click();
    const dialog = openDialog(page);
    const templateDownload = page.waitForEvent('download');
    await dialog.getByTestId('import-template').click();
    const template = await templateDownload;
    expect(template.suggestedFilename()).toBe('学生名单导入模板.xlsx');
    const templateBytes = readFileSync(await template.path());
    const templateBook = await loadWorkbook(templateBytes);
    expect(templateBook.worksheets.map((w) => w.name)).toEqual(['学生名单', '说明']);
    expect(sheetTable(templateBook.worksheets[0]).rows).toHaveLength(1);
    // Picked as downloaded, the template's example row is skipped, and the preview says so.
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: template.suggestedFilename(),
      mimeType: XLSX_MIME,
      buffer: templateBytes,
    });
    await expect(dialog.getByTestId('import-summary')).toHaveText('表头下方没有数据行。');
    await expect(dialog.getByTestId('import-skipped')).toHaveText(
      '已跳过模板的示例行 1 行，它们不是数据行。',
    );
    await dialog.getByRole('button', { name: '重新选择文件' }).click();

    // The roster kept as a Word table is picked first: the file is named as a Word document.
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '学生名单.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await Packer.toBuffer(
        new Document({ sections: [{ children: [new Paragraph('学号 姓名 身份证号')] }] }),
      ),
    });
    await expect(dialog.getByRole('alert')).toContainText(
      '文件“学生名单.docx”是 Word 文档，不是表格',
    );

    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '名单.xlsx',
      mimeType: XLSX_MIME,
      buffer: await xlsxBytes({ rows: sheet }),
    });

    await expect(dialog.getByTestId('import-summary')).toContainText(
      '共 8 行：可导入 7 行（新增 7，更新 0），有错误 1 行。',
    );
    await expect(dialog.getByTestId('import-skipped')).toHaveText(
      '已跳过合计/小计行 1 行，它们不是数据行。完全相同的重复行 1 行已合并，只导入一次。',
    );
    const errors = dialog.getByTestId('import-errors');
    await expect(errors.getByTestId('import-group')).toHaveText([/身份证号码校验位错误\s*1 行/]);
    await expect(errors.locator('tbody tr').first().locator('td')).toHaveText([
      '5',
      rows[2][0],
      rows[2][1],
      bad.id,
      `校验位应为 ${bad.expected}，实际为 ${bad.actual}`,
    ]);
    await expect(dialog.getByTestId('import-warnings').getByTestId('import-group')).toHaveText([
      /完全相同的重复行（已合并）\s*1 行/,
    ]);
    await expect(dialog.getByTestId('import-commit')).toBeDisabled();
    // At 1280×720 the preview is taller than the window: it scrolls inside the dialog, and the
    // ways to finish stay on screen without scrolling the page.
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect(dialog.locator('.ant-modal-body')).toHaveJSProperty('scrollTop', 0);
    expect(
      await dialog.locator('.ant-modal-body').evaluate((e) => e.scrollHeight > e.clientHeight),
    ).toBe(true);
    await expect(dialog.getByTestId('import-skip-invalid')).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByTestId('import-download-problems')).toBeInViewport({ ratio: 1 });
    await attachScreenshot(page, testInfo, 'import-roster-grouped');

    // 下载问题行: the file's own columns between 行号 and 问题, read back with ExcelJS.
    const problems = await downloadProblemRows(page, dialog, '名单-问题行.xlsx');
    expect(problems.header).toEqual(['行号', ...rosterHeader, '问题']);
    expect(problems.rows).toHaveLength(1);
    expect(problems.rows[0][0]).toBe(5);
    expect(problems.rows[0][3]).toBe(bad.id);
    expect(String(problems.rows[0].at(-1))).toContain(`校验位应为 ${bad.expected}`);

    // 仅导入无误的 7 行, after saying what stays out.
    await dialog.getByTestId('import-skip-invalid').click();
    const confirm = await openConfirm(page);
    await expect(confirm).toContainText('将导入 7 行；另有 1 行有错误，不会导入');
    await confirm.getByRole('button', { name: '确定导入' }).click();
    await expect(dialog.getByText('导入完成：新增 7 条，更新 0 条。')).toBeVisible();
    await expect(dialog.getByText('有错误的 1 行未导入。')).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();

    await expect(page.getByText('共 7 条')).toBeVisible();
    await expect(page.getByTestId('students-table')).toContainText(rows[5][1]);
    await expect(page.getByTestId('students-table')).not.toContainText(rows[2][1]);
    const saved = (await call('students.list', { search: rows[5][0] })) as {
      items: { phone: string }[];
    };
    expect(saved.items[0].phone).toBe('13861890164');
  });

  test('a long roster previews a page of rows at a time; another page comes from the core', async ({
    host,
    page,
    call,
  }) => {
    // The coordinator's screen, where 试点学生 and the pages' “•••” used to wrap.
    await page.setViewportSize({ width: 1366, height: 768 });
    await call('majors.save', softwareMajor);
    const rows = rosterRows(1205, { majors: ['软件技术'] });
    const dialog = await previewRoster(page, host, rows);
    await expect(dialog.getByTestId('import-summary')).toContainText('共 1,205 行');
    await expect(dialog.getByRole('button', { name: '导入 1,205 行' })).toBeVisible();
    const table = dialog.getByTestId('import-rows');
    expect(await textLines(table.locator('thead th', { hasText: '试点学生' }))).toBe(1);
    const firstCell = table.locator('tbody tr.ant-table-row').first().locator('td').first();
    // Header in row 1: the first data row is file row 2.
    await expect(firstCell).toHaveText('2');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(20);
    await dialog.locator('.ant-pagination-item-3').click();
    await expect(firstCell).toHaveText('42');
    expect(
      await textLines(dialog.locator('.ant-pagination-jump-next .ant-pagination-item-ellipsis')),
    ).toBe(1);
    await dialog.locator('.ant-pagination-item-61').click();
    await expect(firstCell).toHaveText('1202');
    await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(5);
    await expect(table.locator('tbody tr.ant-table-row').first()).toContainText(rows[1200][0]);
    await expect(dialog.getByTestId('import-summary')).toContainText('共 1,205 行');
  });
  test('two rows with one 学号 but different people are laid side by side, the differing cells marked', async ({
    host,
    page,
    call,
  }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await call('majors.save', softwareMajor);
    const rows = rosterRows(5, { majors: ['软件技术'] });
    // File row 3's 学号 typed again for someone else (another name and ID number): file row 6.
    const other = [rows[1][0], '王小明', rows[4][2], rows[4][3], ...rows[1].slice(4)];
    const dialog = await previewRoster(page, host, [...rows.slice(0, 4), other]);

    const errors = dialog.getByTestId('import-errors');
    await expect(errors.getByTestId('import-group')).toHaveText([/学号重复但内容不同\s*2 行/]);
    const comparison = errors.getByTestId('import-comparison');
    await expect(comparison.locator('thead th')).toContainText(['行号', '学号', '姓名']);
    const lines = comparison.locator('tbody tr.ant-table-row');
    await expect(lines).toHaveCount(2);
    await expect(lines.locator('td:first-child')).toHaveText(['3', '6']);
    const changed = [1, 2, 3].filter((c) => rows[1][c] !== other[c]);
    await expect(lines.nth(0).locator('[data-diff]')).toHaveText(changed.map((c) => rows[1][c]));
    await expect(lines.nth(1).locator('[data-diff]')).toHaveText(changed.map((c) => other[c]));
    // Every column is there, yet the dialog does not scroll sideways at 1280 px.
    const body = dialog.locator('.ant-modal-body');
    expect(await body.evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
    await attachScreenshot(page, testInfo, 'import-roster-clash-side-by-side');
  });

  test('按名称新建这些专业: two unknown majors get codes in one dialog, and the preview matches them', async ({
    host,
    page,
    call,
  }, testInfo) => {
    await call('majors.save', softwareMajor);
    // rosterRows names majors by threes: rows 1–2 and 9 软件技术, 3–5 护理, 6–8 大数据技术.
    const rows = rosterRows(9, { majors: ['软件技术', '护理', '大数据技术'] });
    const dialog = await previewRoster(page, host, rows);
    const warnings = dialog.getByTestId('import-warnings');
    await expect(warnings.getByTestId('import-group')).toHaveText([/专业未匹配\s*6 行/]);

    await warnings.getByTestId('import-majors-from-names').click();
    const create = page.getByRole('dialog').filter({ hasText: '按名称新建专业' });
    const table = create.getByTestId('majors-from-names');
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.locator('tbody tr').nth(0)).toContainText('护理 3 行');
    await expect(table.locator('tbody tr').nth(1)).toContainText('大数据技术 3 行');
    // The school's majors are 高职专科: the new ones start at that level.
    await expect(table.locator('tbody tr').nth(0)).toContainText('高职专科');

    // Codes are not invented: 保存 without them names the row and the field.
    await create.getByRole('button', { name: /保\s*存/ }).click();
    await expect(create.getByText('第 1 行（护理）：请填写专业代码')).toBeVisible();
    await expect(create.getByText('第 2 行（大数据技术）：请填写专业代码')).toBeVisible();

    await create.getByLabel('护理 专业代码').fill('520201');
    // Esc over typed codes asks first; 继续编辑 keeps them.
    await page.keyboard.press('Escape');
    await answerUnsaved(page, '继续编辑');
    await expect(create.getByLabel('护理 专业代码')).toHaveValue('520201');

    // A code already saved is refused by the core, naming the row; nothing is created.
    await create.getByLabel('大数据技术 专业代码').fill(softwareMajor.code);
    await create.getByRole('button', { name: /保\s*存/ }).click();
    await expect(
      create.getByText('第 2 行（大数据技术）：专业代码 510203 已被专业“软件技术”使用，未保存。'),
    ).toBeVisible();
    expect(((await call('majors.list', {})) as unknown[]).length).toBe(1);

    await create.getByLabel('大数据技术 专业代码').fill('510205');
    await attachScreenshot(page, testInfo, 'import-roster-majors-from-names');
    await create.getByRole('button', { name: /保\s*存/ }).click();
    await expect(create).toBeHidden();

    // The preview ran again: every 专业 now matches, so the group is gone.
    await expect(dialog.getByTestId('import-summary')).toContainText('共 9 行：可导入 9 行');
    await expect(dialog.getByText('专业未匹配')).toHaveCount(0);
    const majors = (await call('majors.list', {})) as { id: number; code: string; name: string }[];
    expect(majors.map((m) => `${m.code} ${m.name}`)).toEqual([
      '510203 软件技术',
      '510205 大数据技术',
      '520201 护理',
    ]);

    await dialog.getByTestId('import-commit').click();
    await expect(dialog.getByText('导入完成：新增 9 条，更新 0 条。')).toBeVisible();
    const nursing = (await call('students.list', { search: rows[3][0] })) as {
      items: { majorId: number | null }[];
    };
    expect(nursing.items[0].majorId).toBe(majors.find((m) => m.name === '护理')?.id);
  });
});

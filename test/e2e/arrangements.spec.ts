import { type Page, type Response } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { attachScreenshot, choose, openApp } from '../harness/antd';
import { expectDashboardExamFigures } from '../harness/uiFlows';
import { ocrPdfPage, pdfImages, pdfPages, type PdfPage } from '../harness/documents';
import { pilot } from '../harness/pageCore';
import { schoolProfile } from '../harness/seed';
import { makeJpeg, makePng } from '../harness/photos';
import { loadWorkbook, sheetTable, xlsxBytes } from '../harness/sheets';
import { residentId } from '../harness/students';
import { expect, test } from '../harness/webHostTest';

const classes = ['软件2001班', '软件2002班', '网络2001班'];

/**
 * Three 实训室 of 40 工位, the certificate Web前端开发 and a 初级 batch, and 120 students in three
 * classes of 40, all signed up.
 */
async function seed(page: Page) {
  const rooms: { id: number; name: string }[] = [];
  for (const name of ['实训楼301', '实训楼302', '实训楼303']) {
    rooms.push(
      await pilot(page, 'rooms.save', { name, areaM2: 120, workstations: 40, equipment: [] }),
    );
  }
  const [web] = await pilot<{ id: number }[]>(page, 'catalogue.list', { search: 'Web前端开发' });
  const batch = await pilot<{ id: number }>(page, 'exams.batches.save', {
    certificateId: web.id,
    level: 'junior',
    examForm: 'paper',
    name: '第一批',
    examDate: '2020-11-15',
    siteId: null,
    siteText: '实训楼三楼',
    fee: 0,
    capacity: null,
  });
  const students = Array.from({ length: 120 }, (_, i) => ({
    studentNo: `2020${String(i + 1).padStart(6, '0')}`,
    name: `考生${String(i + 1).padStart(3, '0')}`,
    idType: 'resident',
    idNumber: residentId('20040301', i + 1),
    gender: (i + 1) % 2 === 1 ? 'male' : 'female',
    majorId: null,
    className: classes[i % 3],
    entryYear: 2020,
    pilot: false,
  }));
  const ids = await page.evaluate(async (list) => {
    const out: number[] = [];
    for (const s of list) {
      const r = await window.pilot!.invoke('students.save' as never, s as never);
      if (!r.ok) throw new Error(r.error.message);
      out.push((r.data as { id: number }).id);
    }
    return out;
  }, students);
  await pilot(page, 'exams.signups.create', { batchId: batch.id, studentIds: ids, confirm: true });
  return { batchId: batch.id, students, rooms };
}

/** Clicks a print button and returns the PDF the core made, written to a file. */
async function printed(page: Page, testId: string, handler: string, file: string) {
  const opening = page.waitForEvent('popup');
  const answered = page.waitForResponse((r: Response) => r.url().endsWith(handler));
  await page.getByTestId(testId).click();
  const tab = await opening;
  await tab.waitForURL(/^blob:/);
  const { data } = (await (await answered).json()) as { data: { contentBase64: string } };
  writeFileSync(file, Buffer.from(data.contentBase64, 'base64'));
  await tab.close();
  return pdfPages(file);
}

test.describe('考场编排', () => {
  test('120 candidates in three rooms: arrange by class, print tickets and sign-in sheets', async ({
    host,
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await openApp(page, await host.launchUrl());
    const { batchId, students } = await seed(page);

    // From the batch page to its 考场编排.
    await page.goto(`${page.url().split('#')[0]}#/exams/${batchId}`);
    await page.getByTestId('open-arrangement').click();
    await expect(page.getByText('考场编排 · Web前端开发 初级')).toBeVisible();
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 0 / 120 名考生，座位共 0 个',
    );

    // Three rooms from the 实训室 list (capacity from 工位数), one session.
    for (let i = 0; i < 3; i += 1) {
      await page.getByRole('button', { name: '添加考场' }).click();
      await choose(page, `room-training-${i}`, `实训楼30${i + 1}`);
      await expect(page.locator(`#room-capacity-${i}`)).toHaveValue('40');
    }
    await page.getByRole('button', { name: '添加场次' }).click();
    // A date that is none and a time out of range: refused, naming the session.
    await page.locator('#session-date-0').fill('2020/13/15');
    await page.locator('#session-start-0').fill('25:00');
    await page.getByTestId('setup-save').click();
    await expect(page.getByText(/第 1 场的日期：日期无效：没有13月/)).toBeVisible();
    await expect(page.getByText(/第 1 场的开始时间“25:00”无效/)).toBeVisible();
    // Typed as people type them: 2020/11/15 and 9:00.
    await page.locator('#session-date-0').fill('2020/11/15');
    await page.locator('#session-start-0').fill('9:00');
    await page.locator('#batch-code').fill('2011');
    await page.getByTestId('setup-save').click();
    await expect(page.locator('#session-date-0')).toHaveValue('2020年11月15日');
    await expect(page.locator('#session-start-0')).toHaveValue('09:00');
    await expect(page.getByText('考场与场次已保存')).toBeVisible();
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 0 / 120 名考生，座位共 120 个',
    );

    // Too small a room first: the core says how many seats are missing.
    await page.locator('#room-capacity-2').fill('39');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 0 / 120 名考生，座位共 119 个',
    );
    await page.getByTestId('arrange').click();
    await expect(page.getByText(/还差 1 个座位/)).toBeVisible();
    // A capacity typed and not saved: arranging says to save first, and arranges nothing.
    await page.locator('#room-capacity-2').fill('40');
    await page.getByTestId('arrange').click();
    await expect(
      page.getByText(/考场与场次有未保存的修改：请先点击“保存考场与场次”/),
    ).toBeVisible();
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 0 / 120 名考生，座位共 119 个',
    );
    await page.locator('#room-capacity-2').fill('40');
    await page.getByTestId('setup-save').click();
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 0 / 120 名考生，座位共 120 个',
    );

    await page.getByTestId('arrange').click();
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 120 / 120 名考生，座位共 120 个',
    );
    const counts = page.getByTestId('arrangement-counts');
    for (const room of ['实训楼301', '实训楼302', '实训楼303']) {
      await expect(counts).toContainText(`${room} 第1场：40/40`);
    }
    const table = page.getByTestId('arrangement-table');
    await expect(page.getByText('共 120 条')).toBeVisible();
    // 原班: the first class (软件2001班) fills the first room from seat 1, in 学号 order.
    const first = table.locator('tbody tr.ant-table-row').first();
    await expect(first).toContainText('2020000001');
    await expect(first).toContainText('实训楼301');
    await expect(first).toContainText('20110101');
    await attachScreenshot(page, testInfo, 'arrangement-arranged');

    // 调座 with a seat typed: Esc asks; 放弃 from 取消 leaves the seat as it was.
    await page.getByTestId('move-2020000001').click();
    const moveDialog = page.getByRole('dialog').filter({ hasText: '调整座位' });
    await moveDialog.locator('#move-seat').fill('7');
    await page.keyboard.press('Escape');
    const askLeave = page.getByRole('dialog').filter({ hasText: '放弃未保存的修改？' });
    await askLeave.getByRole('button', { name: '继续编辑' }).click();
    await expect(moveDialog.locator('#move-seat')).toHaveValue('7');
    await moveDialog.getByRole('button', { name: /取\s*消/ }).click();
    await askLeave.getByRole('button', { name: /放\s*弃/ }).click();
    await expect(moveDialog).toBeHidden();
    await expect(first).toContainText('20110101');

    // 准考证, four to a page: every name and seat number is on them.
    await choose(page, 'tickets-per-page', '每页 4 张');
    await expect(
      page.locator('.ant-select', { has: page.locator('#tickets-per-page') }),
    ).toContainText('每页 4 张');
    const ticketFile = testInfo.outputPath('tickets.pdf');
    const tickets = await printed(page, 'print-tickets', 'arrangements.ticketsPdf', ticketFile);
    expect(tickets).toHaveLength(30);
    const ticketText = tickets.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n');
    for (const s of students) expect(ticketText).toContain(s.name);
    for (let seat = 1; seat <= 40; seat += 1) expect(ticketText).toContain(`${seat}号`);
    expect(ticketText).toContain('考生须知');
    expect(ticketText).not.toContain(students[0].idNumber);
    await expect(page.getByText(/准考证打印于/)).toBeVisible();

    // 考场签到表: per room, 12 rows to an A4 page (room for the photo): four pages each.
    const signInFile = testInfo.outputPath('sign-in.pdf');
    const signIn = await printed(page, 'print-sign-in', 'arrangements.signInPdf', signInFile);
    expect(signIn).toHaveLength(12);
    const signInText = signIn.map((p) => p.lines.map((l) => l.text).join('\n')).join('\n');
    for (const s of students) expect(signInText).toContain(s.name);
    expect(signInText).toContain('考生签名');
    // The pages as a person sees them (rendered and read back by OCR): the first sign-in sheet
    // lists 实训楼301's first twelve seats, the first ticket page its first four candidates.
    const firstRoom = students.filter((_, i) => i % 3 === 0);
    const signInSeen = ocrPdfPage(signInFile, 1);
    for (const s of firstRoom.slice(0, 12)) expect(signInSeen).toContain(s.name);
    expect(signInSeen).toContain('实训楼301');
    const ticketSeen = ocrPdfPage(ticketFile, 1);
    for (const s of firstRoom.slice(0, 4)) expect(ticketSeen).toContain(s.name);
    expect(ticketSeen).toContain('准考证');

    // Rearranging after printing asks first.
    await page.locator('label', { hasText: '打乱' }).click();
    await page.locator('#arrangement-seed').fill('2026');
    await page.getByTestId('arrange').click();
    const ask = page.getByRole('dialog').filter({ hasText: '准考证已打印' });
    await expect(ask).toContainText('需要重新打印');
    await ask.getByRole('button', { name: '仍然修改' }).click();
    await expect(page.getByText('准考证打印于')).toHaveCount(0);
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 120 / 120 名考生，座位共 120 个',
    );
    await attachScreenshot(page, testInfo, 'arrangement-mixed');

    // Printed again: the organization's 准考证号 imported after that ask first.
    await printed(page, 'print-tickets', 'arrangements.ticketsPdf', ticketFile);
    await expect(page.getByText(/准考证打印于/)).toBeVisible();

    // The organization's 准考证号 imported: they win over the generated ones.
    await page.getByTestId('import-admission').click();
    const dialog = page.locator('.ant-modal-content').filter({ hasText: '导入准考证号 ·' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: '准考证号.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxBytes({
        rows: [
          ['考生姓名', '身份证号码', '准考证号'],
          [students[0].name, students[0].idNumber, 'HB-2020-0001'],
          [students[1].name, students[1].idNumber, 'HB-2020-0002'],
        ],
      }),
    });
    await expect(dialog.getByTestId('import-summary')).toContainText('共 2 行：可导入 2 行');
    await dialog.getByRole('button', { name: '导入 2 行' }).click();
    const askImport = page.getByRole('dialog').filter({ hasText: '准考证已打印' });
    await expect(askImport).toContainText('需要重新打印');
    await askImport.getByRole('button', { name: /取\s*消/ }).click();
    await expect(dialog).toContainText('准考证已打印，已取消导入，未做任何更改');
    await dialog.getByRole('button', { name: '导入 2 行' }).click();
    await askImport.getByRole('button', { name: '仍然修改' }).click();
    await expect(dialog.getByText(/导入完成：新下发 2 条/)).toBeVisible();
    await dialog.getByRole('button', { name: /关\s*闭/ }).click();
    await page.getByPlaceholder('按姓名、学号或准考证号搜索').fill('HB-2020');
    const imported = table.locator('tbody tr.ant-table-row');
    await expect(imported).toHaveCount(2);
    await expect(imported.first()).toContainText('评价组织下发');

    // A new 准考证号 pattern would renumber the printed tickets: asks, and cancelling keeps them.
    type Plan = { ticketPattern: string; candidates: { admissionNo: string }[] };
    const numbersBefore = (await pilot<Plan>(page, 'arrangements.get', { batchId })).candidates;
    await page.locator('#ticket-pattern').fill('{批次}{序号:4}');
    await page.getByTestId('setup-save').click();
    const askSetup = page.getByRole('dialog').filter({ hasText: '准考证已打印' });
    await expect(askSetup).toContainText('需要重新打印');
    await askSetup.getByRole('button', { name: /取\s*消/ }).click();
    await expect(askSetup).toHaveCount(0);
    // Not saved: the typed rule stays in the field and the core keeps the old one. (Whether a
    // 已保存 toast shows is no proof: the earlier save's toast can still be on the page.)
    await expect(page.locator('#ticket-pattern')).toHaveValue('{批次}{序号:4}');
    const kept = await pilot<Plan>(page, 'arrangements.get', { batchId });
    expect(kept.ticketPattern).toBe('{批次}{考场}{座位}');
    expect(kept.candidates).toEqual(numbersBefore);
  });

  test('an arranged batch: photos from a folder on the tickets, 门贴, 考场安排表, attendance in seat order, 首页', async ({
    host,
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    await openApp(page, await host.launchUrl());
    const { batchId, students, rooms } = await seed(page);
    // With the school saved, 首页 shows the figures (a fresh install opens on 学校信息).
    await pilot(page, 'school.save', schoolProfile);
    await pilot(page, 'arrangements.setup', {
      batchId,
      rooms: rooms.map((r) => ({ roomId: r.id, name: r.name, capacity: 40 })),
      sessions: [{ date: '2020-11-15', start: '09:00', end: '11:00' }],
      ticketPattern: '{批次}{考场}{座位}',
      batchCode: '2011',
    });
    await pilot(page, 'arrangements.run', { batchId, mode: 'class', seed: 1 });

    // Photos from a folder as the camera left it: two good ones, a landscape one, a note file.
    const folder = testInfo.outputPath('照片');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, `${students[0].idNumber}.jpg`), makeJpeg(295, 413, 80));
    writeFileSync(path.join(folder, `${students[3].idNumber}.png`), makePng(300, 420, 80));
    writeFileSync(path.join(folder, `${students[6].idNumber}.jpg`), makeJpeg(600, 450, 90));
    writeFileSync(path.join(folder, '说明.txt'), '照片按身份证号命名');
    await page.goto(`${page.url().split('#')[0]}#/exams/${batchId}`);
    await page.getByTestId('open-photos').click();
    const panel = page.getByTestId('photo-panel');
    await panel.getByTestId('photo-folder').setInputFiles(folder);
    await expect(page.getByText('已略过 1 个不是图片或 zip 的文件：说明.txt')).toBeVisible();
    await expect(panel.getByTestId('photo-report-summary')).toHaveText(
      '可导入 2 张，替换已有照片 0 张，与已有照片相同 0 张，有问题 1 张',
    );
    await expect(
      panel.getByTestId('photo-report').locator('tr', { hasText: `${students[6].idNumber}.jpg` }),
    ).toContainText('不是竖版照片');
    await panel.getByTestId('photo-import').click();
    await expect(panel.getByTestId('photo-counts')).toHaveText(
      '本批次 120 名考生，已有照片 2 人，缺 118 人',
    );
    await panel.getByRole('button', { name: /关\s*闭/ }).click();

    // 准考证 and 签到表 carry the two photos, each on the page of its candidate.
    await page.getByTestId('open-arrangement').click();
    await expect(page.getByTestId('arrangement-summary')).toHaveText(
      '已安排 120 / 120 名考生，座位共 120 个',
    );
    const pagesWith = (pages: PdfPage[], name: string) =>
      pages.flatMap((p, i) => (p.lines.some((l) => l.text.includes(name)) ? [i + 1] : []));
    const photoPages = (file: string) => pdfImages(file).map((i) => i.page);
    const ticketFile = testInfo.outputPath('tickets.pdf');
    const tickets = await printed(page, 'print-tickets', 'arrangements.ticketsPdf', ticketFile);
    expect(photoPages(ticketFile)).toEqual([
      ...pagesWith(tickets, students[0].name),
      ...pagesWith(tickets, students[3].name),
    ]);
    const signInFile = testInfo.outputPath('sign-in.pdf');
    const signIn = await printed(page, 'print-sign-in', 'arrangements.signInPdf', signInFile);
    expect(new Set(photoPages(signInFile))).toEqual(
      new Set([...pagesWith(signIn, students[0].name), ...pagesWith(signIn, students[3].name)]),
    );

    // 门贴: every page names its room; a room's pages list its forty names.
    const door = await printed(
      page,
      'print-door',
      'arrangements.doorPdf',
      testInfo.outputPath('door.pdf'),
    );
    const doorText = door.map((p) => p.lines.map((l) => l.text).join('\n'));
    const roomNames = ['实训楼301', '实训楼302', '实训楼303'];
    for (const text of doorText) expect(roomNames.filter((r) => text.includes(r))).toHaveLength(1);
    for (const [i, room] of roomNames.entries()) {
      const roomText = doorText.filter((text) => text.includes(room)).join('\n');
      for (const s of students.filter((_, n) => n % 3 === i)) expect(roomText).toContain(s.name);
    }

    // 考场安排表: 120 rows, the first room's first seat is the first student of 软件2001班.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('arrangement-sheet').click(),
    ]);
    expect(download.suggestedFilename()).toContain('考场安排表');
    const wb = await loadWorkbook(readFileSync((await download.path())!));
    const { header, rows: sheetRows } = sheetTable(wb.getWorksheet('考场安排')!);
    const col = (title: string) => header.findIndex((h) => h === title);
    expect(sheetRows).toHaveLength(120);
    expect(new Set(sheetRows.map((r) => r[col('准考证号')])).size).toBe(120);
    expect(sheetRows[0][col('姓名')]).toBe(students[0].name);

    // 考勤登记 in seat order: 实训楼301's seats 1, 2, 3 are 考生001, 004, 007 (软件2001班).
    await page.goto(`${page.url().split('#')[0]}#/exams/${batchId}`);
    await page.getByTestId('open-attendance').click();
    await expect(page.getByText('本批次尚未编排考场座位，暂按学号排列。')).toHaveCount(0);
    const rows = page.getByTestId('attendance-table').locator('tbody tr.ant-table-row');
    for (const [i, n] of [0, 3, 6].entries()) {
      await expect(rows.nth(i)).toContainText(students[n].studentNo);
      await expect(rows.nth(i)).toContainText(`${i + 1}`);
    }
    await rows.nth(1).getByText('缺考').click();
    await rows.nth(2).getByText('违纪').click();
    await page.getByTestId('attendance-rest-present').click();
    await page.getByTestId('attendance-save').click();
    // Saved when the drafts are gone (the 已保存考勤 toast may come and go before a busy check).
    await expect(page.getByTestId('attendance-save')).toHaveText('没有更改');
    await expect(page.getByTestId('attendance-counts')).toHaveText(
      '应考 120 人，实考 118 人，缺考 1 人，违纪 1 人',
    );
    await attachScreenshot(page, testInfo, 'arranged-attendance');
    await page.getByRole('button', { name: '退出考勤登记' }).click();
    await expect(page.getByTestId('batch-attendance')).toHaveText(
      '应考 120 人，实考 118 人，缺考 1 人，违纪 1 人',
    );

    await expectDashboardExamFigures(page, { 报名: '120', 已考: '118', 缺考: '1', 违纪: '1' });
  });
});

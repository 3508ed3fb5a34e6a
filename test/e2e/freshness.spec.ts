import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { Core } from '../../electron/core';
import { choose, chooseMany, openPage, openApp } from '../harness/antd';
import { makePdf } from '../harness/files';
import { addStudents, setCaps, signUp, WEB_CERT, dataCall } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { webHostCall } from '../harness/seedStaff';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from '../harness/webHost';

/**
 * Views never go stale: every list and verdict follows a change made anywhere in the app (the
 * editor, another page, another window) without a reload.
 */
test.describe('every view is fresh after a change anywhere', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost | undefined;

  /** The web host with one 2020 Web前端开发 project, written through its handlers. */
  async function start(
    request: APIRequestContext,
    options: Parameters<typeof seedCompleteProject>[1],
  ) {
    host = await startWebHostProcess(temp.dir);
    // The seed only calls `dispatch`: the web host's answers have the same shape.
    const core = { dispatch: webHostCall(request, host) } as unknown as Core;
    await seedCompleteProject(core, options);
    return host;
  }

  const selfCheckTag = (page: Page) => page.getByTestId('selfcheck-tag');

  async function openProjectList(page: Page, running: RunningWebHost) {
    await openApp(page, await running.launchUrl());
    await openPage(page, '试点项目');
    await expect(selfCheckTag(page)).toHaveAttribute('data-level', 'fail');
    await expect(selfCheckTag(page)).toContainText('1 项不符合');
  }

  test.beforeEach(() => {
    temp = makeTempDir('pilotdesk-e2e-fresh-');
  });

  test.afterEach(async () => {
    await host?.stop();
    host = undefined;
    temp.remove();
  });

  test('a project fixed in another window turns 符合 in the list on screen', async ({
    page,
    context,
    request,
  }) => {
    test.slow(); // two windows on a shared machine
    // Nine of the school's ten teachers on the project: rule 5 needs ten.
    const running = await start(request, { teachers: 10, projectTeachers: 9 });
    await openProjectList(page, running);

    const other = await context.newPage();
    // A tab of its own: sessions are per tab, so it opens its own launch link.
    await other.goto(await running.launchUrl());
    await openPage(other, '试点项目');
    await other.getByText('Web前端开发', { exact: false }).first().click();
    await chooseMany(
      other,
      other.locator('.ant-select', { has: other.locator('#project-teacherIds') }),
      '教师10（T0010）',
    );
    await other.getByRole('button', { name: /保\s*存/ }).click();
    await expect(other.getByText('试点项目已保存')).toBeVisible();

    // The first window was not touched: its list follows on its own.
    await expect(selfCheckTag(page)).toHaveAttribute('data-level', /pass|warn/);
    await expect(selfCheckTag(page)).not.toContainText(/[1-9] 项不符合/);
  });

  test('the talent training plan uploaded in the editor: 返回列表 shows the project fixed', async ({
    page,
    request,
  }) => {
    await openProjectList(page, await start(request, { attachment: null }));

    await page.getByText('Web前端开发', { exact: false }).first().click();
    const panel = page.locator('[data-testid^="attachments-project-"]');
    await choose(page, `${await panel.getAttribute('data-testid')}-kind`, '人才培养方案');
    await panel.locator('input[type=file]').setInputFiles({
      name: '人才培养方案.pdf',
      mimeType: 'application/pdf',
      buffer: makePdf('talent training plan'),
    });
    await expect(
      page.getByTestId('live-selfcheck').getByTestId('verdict-project.talentTrainingPlan'),
    ).toHaveAttribute('data-level', 'pass');

    await page.getByRole('button', { name: '返回列表' }).click();
    await expect(selfCheckTag(page)).toHaveAttribute('data-level', /pass|warn/);
    await expect(selfCheckTag(page)).not.toContainText(/[1-9] 项不符合/);
  });

  test('费用台账 on screen follows sign-ups made in another window, and its totals with them', async ({
    page,
    request,
  }) => {
    host = await startWebHostProcess(temp.dir);
    const data = dataCall(webHostCall(request, host));
    await data('school.save', schoolProfile);
    await setCaps(data);
    const students = await addStudents(data, 3);

    await openApp(page, await host.launchUrl());
    await openPage(page, '费用台账');
    await expect(page.getByTestId('fees-summary')).toHaveText('共 0 条有效报名，费用合计 ¥0.00');

    await signUp(
      data,
      [{ certificateId: WEB_CERT, level: 'junior', examDate: '2026-05-10', fee: 480 }],
      students.map((student) => ({ student, batch: 0 })),
    );
    await expect(page.getByTestId('fees-summary')).toHaveText(
      '共 3 条有效报名，费用合计 ¥1,440.00',
    );
  });
});

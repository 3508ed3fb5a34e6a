import { expect, test, type Locator, type Page } from '@playwright/test';
import { planSections } from '../../shared/domain/implementationPlan';
import {
  answerUnsaved,
  anyErrorOf,
  errorOf,
  openDialog,
  unsavedQuestion,
  openApp,
} from '../harness/antd';
import { addStudents, dataCall, setCaps, signUp, WEB_CERT, type DataCall } from '../harness/fees';
import { schoolProfile } from '../harness/seed';
import { webHostCall } from '../harness/seedStaff';
import { makeTempDir, startWebHostProcess, type RunningWebHost } from '../harness/webHost';
import { softwareMajor } from '../harness/majors';
import { bareProject } from '../harness/seedProject';

/**
 * Nothing typed is lost: every editor of the app (pages, dialogs, drawers), and every way out of
 * it — sidebar, 返回, Esc, the X, 取消, reload or closing the tab — asks “放弃未保存的修改？”;
 * 继续编辑 keeps the text, 放弃 leaves.
 */

/** Reloading or closing the tab: the browser's own leave-page question, refused. */
async function refuseUnload(page: Page) {
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const shown = await dialog;
  expect(shown.type()).toBe('beforeunload');
  await shown.dismiss();
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 3, name });
const sidebar = (page: Page, label: string) => page.getByRole('menuitem', { name: label }).click();

interface Seeded {
  projectId: number;
  batchId: number;
}

/** A school with one project, two pilot students signed up for one batch, and weekly settings. */
async function seed(call: DataCall): Promise<Seeded> {
  await call('school.save', schoolProfile);
  const major = (await call('majors.save', softwareMajor)) as { id: number };
  await setCaps(call);
  const project = (await call(
    'projects.create',
    bareProject(WEB_CERT, 2026, { majorIds: [major.id] }),
  )) as { id: number };
  await addStudents(call, 2);
  const { batchIds } = await signUp(
    call,
    [{ certificateId: WEB_CERT, level: 'junior', examDate: '2026-05-10', fee: 300 }],
    [
      { student: 1, batch: 0 },
      { student: 2, batch: 0 },
    ],
  );
  await call('weekly.saveSettings', {
    pilotStart: '2026-03-02',
    cadence: 'weekly',
    dueWeekday: 5,
    dueTime: '17:00',
  });
  return { projectId: project.id, batchId: batchIds[0] };
}

test.describe('未保存的修改', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;
  let seeded: Seeded;

  test.beforeEach(async ({ request }) => {
    temp = makeTempDir('pilotdesk-e2e-');
    host = await startWebHostProcess(temp.dir);
    seeded = await seed(dataCall(webHostCall(request, host)));
  });

  test.afterEach(async () => {
    await host.stop();
    temp.remove();
  });

  const open = async (page: Page, route: string) =>
    openApp(page, `${await host.launchUrl()}#/${route}`);

  test('学校信息: the sidebar and closing the tab ask; 继续编辑 keeps, 放弃 leaves, 保存 clears', async ({
    page,
  }) => {
    await open(page, 'school');
    const address = page.locator('#school-address');
    // The first page of a fresh host may take a while on a busy machine.
    await expect(page.locator('#school-name')).toHaveValue(schoolProfile.name, { timeout: 30_000 });

    // Saved: leaving does not ask.
    await address.fill('宜昌市西陵区学院路 1 号');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText('学校信息已保存')).toBeVisible();
    await sidebar(page, '专业');
    await expect(heading(page, '专业')).toBeVisible();

    await sidebar(page, '学校信息');
    await address.fill('未保存的地址');
    await sidebar(page, '专业');
    await answerUnsaved(page, '继续编辑');
    await expect(heading(page, '学校信息')).toBeVisible();
    await expect(address).toHaveValue('未保存的地址');

    await refuseUnload(page);
    await expect(address).toHaveValue('未保存的地址');

    await sidebar(page, '首页');
    await answerUnsaved(page, '放弃');
    await expect(heading(page, '首页')).toBeVisible();
    await sidebar(page, '学校信息');
    await expect(address).toHaveValue('宜昌市西陵区学院路 1 号');
  });

  test('试点项目: 返回 and the sidebar ask; 继续编辑 keeps the text, 放弃 leaves', async ({
    page,
  }) => {
    await open(page, `projects/${seeded.projectId}`);
    const goals = page.locator(`#project-plan-${planSections[0]}`);
    await goals.fill('通过 1+X 证书推动课证融通。');
    await page.getByRole('button', { name: '返回列表' }).click();
    await answerUnsaved(page, '继续编辑');
    await expect(goals).toHaveValue('通过 1+X 证书推动课证融通。');

    await sidebar(page, '学生');
    await answerUnsaved(page, '继续编辑');
    await expect(goals).toHaveValue('通过 1+X 证书推动课证融通。');
    await refuseUnload(page);
    await expect(goals).toHaveValue('通过 1+X 证书推动课证融通。');

    await page.getByRole('button', { name: '返回列表' }).click();
    await answerUnsaved(page, '放弃');
    await expect(heading(page, '试点项目')).toBeVisible();
  });

  test('周报: the report and the settings drawer ask before their edits are thrown away', async ({
    page,
  }) => {
    await open(page, 'weekly/2026-03-02');
    const progress = page.locator('#weekly-progress');
    // The report's files hold what is saved: while typed text is not, they wait for it.
    const files = [
      page.getByRole('button', { name: '导出 Word' }),
      page.getByRole('button', { name: '导出 Excel' }),
      page.getByTestId('weekly-print'),
    ];
    for (const button of files) await expect(button).toBeEnabled();
    await progress.fill('本周完成了考前培训。');
    for (const button of files) await expect(button).toBeDisabled();
    await expect(files[0]).toHaveAttribute('title', /请先保存草稿/);
    await page.getByRole('button', { name: '返回周报列表' }).click();
    await answerUnsaved(page, '继续编辑');
    await expect(progress).toHaveValue('本周完成了考前培训。');
    await sidebar(page, '首页');
    await answerUnsaved(page, '继续编辑');
    await refuseUnload(page);
    await expect(progress).toHaveValue('本周完成了考前培训。');
    await page.getByRole('button', { name: '返回周报列表' }).click();
    await answerUnsaved(page, '放弃');
    await expect(heading(page, '周报')).toBeVisible();

    // The settings drawer: Esc, the X and the sidebar.
    await page.getByRole('button', { name: '周报设置' }).click();
    const drawer = page.locator('.ant-drawer-open');
    const dueTime = page.locator('#weekly-dueTime');
    await dueTime.fill('16:00');
    await dueTime.press('Escape');
    await answerUnsaved(page, '继续编辑');
    await expect(dueTime).toHaveValue('16:00');
    await drawer.locator('.ant-drawer-close').click();
    await answerUnsaved(page, '继续编辑');
    await expect(dueTime).toHaveValue('16:00');
    await drawer.locator('.ant-drawer-close').click();
    await answerUnsaved(page, '放弃');
    await expect(drawer).toHaveCount(0);
  });

  test('Esc in an open select or calendar closes only that popup, not the dialog', async ({
    page,
  }) => {
    await open(page, 'exams');
    await page.getByRole('button', { name: '新增考核批次' }).click();
    const box = openDialog(page);
    await box.locator('#batch_name').fill('第一批');

    await box.locator('#batch_certificateId').click();
    const dropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
    await expect(dropdown).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(dropdown).toHaveCount(0);
    await expect(unsavedQuestion(page)).toHaveCount(0);
    await expect(box).toBeVisible();

    await box.getByRole('button', { name: '从日历中选择' }).click();
    const calendar = page.locator('.ant-popover').filter({ visible: true });
    await expect(calendar.locator('.ant-picker-calendar')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(calendar).toHaveCount(0);
    await expect(unsavedQuestion(page)).toHaveCount(0);
    await expect(box.locator('#batch_name')).toHaveValue('第一批');
  });

  test('Esc and Enter in a field with suggestions (职称) act on them: Esc keeps what was typed, Enter picks without saving', async ({
    page,
  }) => {
    await open(page, 'teachers');
    await page.getByRole('button', { name: /新增教师/ }).click();
    const box = openDialog(page);
    const title = box.locator('#teacher_title');
    await title.pressSequentially('讲师');
    const suggestions = page.locator('.ant-select-dropdown').filter({ visible: true });
    await expect(suggestions).toHaveCount(1);
    await title.press('Escape');
    await expect(suggestions).toHaveCount(0);
    await expect(title).toHaveValue('讲师');
    await expect(unsavedQuestion(page)).toHaveCount(0);
    // With the suggestions closed, Esc reaches the dialog, which asks.
    await title.press('Escape');
    await answerUnsaved(page, '继续编辑');
    await expect(title).toHaveValue('讲师');
    // Enter with the suggestions open picks one and does not also save (a save of this form,
    // 工号 and 姓名 empty, would mark them); with them closed, Enter saves.
    await title.fill('副教');
    await expect(suggestions).toHaveCount(1);
    await title.press('ArrowDown');
    await title.press('Enter');
    await expect(title).toHaveValue('副教授');
    await expect(suggestions).toHaveCount(0);
    await expect(anyErrorOf(page, 'teacher_staffNo')).toHaveCount(0);
    await title.press('Enter');
    await expect(errorOf(page, 'teacher_staffNo')).toBeVisible();
    await expect(box).toBeVisible();
  });
});

test.describe('未保存的修改：对话框与抽屉', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: RunningWebHost;
  let seeded: Seeded;

  // Nothing is saved in these tests: one school serves them all.
  test.beforeAll(async ({ playwright }) => {
    temp = makeTempDir('pilotdesk-e2e-');
    host = await startWebHostProcess(temp.dir);
    const request = await playwright.request.newContext();
    seeded = await seed(dataCall(webHostCall(request, host)));
    await request.dispose();
  });

  test.afterAll(async () => {
    await host.stop();
    temp.remove();
  });

  const open = async (page: Page, route: string) =>
    openApp(page, `${await host.launchUrl()}#/${route}`);

  interface Editor {
    name: string;
    route: (s: Seeded) => string;
    open: (page: Page) => Promise<void>;
    field: string;
    /** The editor's box, where its X and 取消 are. */
    box: (page: Page) => Locator;
    close: string;
    /** What is typed into the field. */
    text?: string;
  }

  const inDialog = (page: Page) => openDialog(page);
  const inDrawer = (page: Page) => page.locator('.ant-drawer-open');
  const button = (label: string) => async (page: Page) => {
    await page.getByRole('button', { name: label }).click();
  };
  const dialog = (
    name: string,
    route: string | ((s: Seeded) => string),
    openIt: (page: Page) => Promise<void>,
    field: string,
  ): Editor => ({
    name,
    route: typeof route === 'string' ? () => route : route,
    open: openIt,
    field,
    box: inDialog,
    close: '.ant-modal-close',
  });
  const drawer = (name: string, route: string, label: string, field: string): Editor => ({
    name,
    route: () => route,
    open: button(label),
    field,
    box: inDrawer,
    close: '.ant-drawer-close',
  });

  const editors: Editor[] = [
    dialog('专业', 'majors', button('新增专业'), '#major_name'),
    dialog('教师', 'teachers', button('新增教师'), '#teacher_name'),
    dialog('学生', 'students', button('新增学生'), '#student_name'),
    dialog(
      '实习实训场所',
      'facilities',
      async (page) => {
        await page.getByRole('tab', { name: /实习实训场所/ }).click();
        await page.getByRole('button', { name: '新增场所' }).click();
      },
      '#site_name',
    ),
    dialog('考核批次', 'exams', button('新增考核批次'), '#batch_name'),
    {
      ...dialog(
        '考核结果',
        (s) => `exams/${s.batchId}`,
        async (page) => {
          await page.getByTestId('signup-result-2023000001').click();
        },
        '#result_score',
      ),
      text: '88',
    },
    dialog('费用协商', 'agreements', button('新增费用协商'), '#agreement_note'),
    dialog('考核站点', 'examSites', button('新增考核站点申请'), '#examSite_note'),
    dialog('缴费记录', 'fees/payments', button('新增缴费记录'), '#payment-invoice'),
    drawer('实训室', 'facilities', '新增实训室', '#room_name'),
    drawer('证书', 'catalogue', '新增证书', '#certificate-name'),
  ];

  for (const editor of editors) {
    test(`${editor.name}: Esc, the X, closing the tab and 取消 ask; untouched, it closes at once`, async ({
      page,
    }) => {
      await open(page, editor.route(seeded));
      await editor.open(page);
      const box = editor.box(page);
      const field = box.locator(editor.field);
      const typed = editor.text ?? '刚输入的内容';
      await field.fill(typed);

      await field.press('Escape');
      await answerUnsaved(page, '继续编辑');
      await expect(field).toHaveValue(typed);

      await box.locator(editor.close).first().click();
      await answerUnsaved(page, '继续编辑');
      await expect(field).toHaveValue(typed);

      await refuseUnload(page);
      await expect(field).toHaveValue(typed);

      await box.getByRole('button', { name: /取\s*消/ }).click();
      await answerUnsaved(page, '放弃');
      await expect(editor.box(page)).toHaveCount(0);

      // Nothing typed: the caret waits in its first field, and Esc closes it without asking.
      await editor.open(page);
      await expect(
        editor.box(page).locator('input:not([type="hidden"]):not([disabled]), textarea').first(),
      ).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(editor.box(page)).toHaveCount(0);
      await expect(unsavedQuestion(page)).toHaveCount(0);
    });
  }
});

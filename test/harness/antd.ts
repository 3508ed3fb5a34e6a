import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';

/**
 * Opens one Ant Design select (by its input id) and picks the option with that label. Retried:
 * on a busy machine a dialog still opening can swallow the first click on the select or option.
 */
export async function choose(page: Page, fieldId: string, option: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(`#${fieldId}`) });
  const openDropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
  await expect(async () => {
    if ((await openDropdown.count()) === 0) await select.click({ timeout: 3_000 });
    await page
      .locator(`.ant-select-item-option[title="${option}"]`)
      .filter({ visible: true })
      .click({ timeout: 3_000 });
    await expect(openDropdown).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/**
 * Adds one option to a multiple Ant Design select (its `.ant-select` element) and closes the
 * dropdown. Retried while the option is not among the chosen: on a busy machine a dropdown still
 * opening can swallow the click; a chosen option is never clicked again (that would remove it).
 */
export async function chooseMany(page: Page, select: Locator, option: string) {
  const chosen = select.locator(`.ant-select-selection-item[title="${option}"]`);
  const openDropdown = page.locator('.ant-select-dropdown').filter({ visible: true });
  await expect(async () => {
    if ((await chosen.count()) === 0) {
      if ((await openDropdown.count()) === 0) await select.click({ timeout: 3_000 });
      await openDropdown
        .locator(`.ant-select-item-option[title="${option}"]`)
        .click({ timeout: 3_000 });
    }
    await expect(chosen).toHaveCount(1, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(openDropdown).toHaveCount(0);
}

/**
 * Chooses options of a multiple select that searches by label, as a keyboard user does: types each
 * label and presses Enter. No option is clicked, so a long dropdown near the window's bottom that
 * re-aligns while the page scrolls cannot move away from the pointer (seen in CI).
 */
export async function typeToChoose(page: Page, fieldId: string, labels: readonly string[]) {
  const input = page.locator(`#${fieldId}`);
  const select = page.locator('.ant-select', { has: input });
  for (const label of labels) {
    // The search input is read-only until the select has focus.
    await input.focus();
    await input.fill(label);
    await expect(
      page.locator(`.ant-select-item-option-active[title="${label}"]`).filter({ visible: true }),
    ).toHaveCount(1);
    await input.press('Enter');
    // Hidden (+N) tags of a responsive select are rendered too, so this counts them as well.
    await expect(select.locator(`.ant-select-selection-item[title="${label}"]`)).toHaveCount(1);
  }
  await input.press('Escape');
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
}

/** The inline error shown under a form field. */
export const fieldError = (page: Page, text: string | RegExp) =>
  page.locator('.ant-form-item-explain-error').filter({ hasText: text });

/**
 * Every error under the form field with this id, one still fading out included: none left means
 * the dialog has stopped shrinking, so a button below it is where a click will land.
 */
export const anyErrorOf = (page: Page, fieldId: string) =>
  page
    .locator('.ant-form-item', { has: page.locator(`#${fieldId}`) })
    .locator('.ant-form-item-explain-error');

/** The inline error shown under the form field with this id. */
export const errorOf = (page: Page, fieldId: string) =>
  page
    .locator('.ant-form-item', { has: page.locator(`#${fieldId}`) })
    // Ant Design keeps a replaced message in the DOM while it fades out.
    .locator('.ant-form-item-explain-error:not(.ant-form-show-help-item-leave)');

/** The open modal dialog (Ant Design keeps closed ones in the DOM, hidden). */
export const openDialog = (page: Page) => page.getByRole('dialog').filter({ visible: true });

/** The question every way out of unsaved edits asks (sidebar, 返回, Esc, the X, 取消…). */
export const unsavedQuestion = (page: Page) =>
  page.getByRole('dialog', { name: '放弃未保存的修改？' });

/**
 * Waits until a dialog is shown and its opening zoom has ended: a button clicked while the dialog
 * still scales moves between mouse down and up, and the click is lost (seen in CI).
 */
async function zoomEnded(page: Page, dialog: Locator): Promise<void> {
  await expect(dialog).toBeVisible();
  await expect(dialog.and(page.locator('[class*="ant-zoom-"]'))).toHaveCount(0);
}

/** Answers “放弃未保存的修改？” and waits until it has gone. */
export async function answerUnsaved(page: Page, choice: '继续编辑' | '放弃') {
  const question = unsavedQuestion(page);
  await zoomEnded(page, question);
  await question.getByRole('button', { name: choice === '放弃' ? /放\s*弃/ : choice }).click();
  await expect(question).toHaveCount(0);
}

/**
 * After opening or reloading: the app has started. Its frame paints before the core's first
 * answer, so this waits for that answer (the status bar names the data folder) and for the page
 * it opened on; slow on a busy two-core machine.
 */
export async function appStarted(page: Page) {
  await expect(page.getByTestId('status-bar')).toContainText('数据文件夹', { timeout: 60_000 });
  await expect(page.getByRole('main').getByRole('status', { name: '正在打开…' })).toHaveCount(0, {
    timeout: 60_000,
  });
}

/**
 * Opens the app at a launch link (with an optional `#/route`) and waits until it has started: a
 * check right after `goto` would wait for the first frame with the short default timeout, which a
 * cold start on a busy machine outlasts (seen in CI).
 */
export async function openApp(page: Page, url: string) {
  await page.goto(url);
  await appStarted(page);
}

/** Opens a page from the sidebar. */
export async function openPage(page: Page, label: string) {
  await page.getByRole('menuitem', { name: label }).click();
  await expect(page.getByRole('heading', { level: 3, name: label })).toBeVisible();
}

/**
 * Listens to the page's console from now on; returns a function listing the errors and warnings
 * it logged, but for the browser's “Failed to load resource” lines.
 */
export function consoleProblems(page: Page): () => string[] {
  const logged: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') logged.push(m.text());
  });
  return () => logged.filter((e) => !e.startsWith('Failed to load resource'));
}

/** A full-page screenshot kept as a test artefact. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Types a date into a DateInput (e.g. 2020年9月1日), commits it with Enter, and waits until it shows it. */
export async function fillDate(page: Page, fieldId: string, text: string, shown = text) {
  const input = page.locator(`#${fieldId}`);
  await expect(async () => {
    await input.click();
    await input.fill(text);
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue(shown, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** Ticks a checkbox, retrying while a re-render swallows the click (slow, busy machines). */
export async function tick(checkbox: Locator) {
  await expect(async () => {
    if (!(await checkbox.isChecked())) await checkbox.click();
    await expect(checkbox).toBeChecked({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** The open confirmation (Modal.confirm), once its opening zoom has ended. */
export async function openConfirm(page: Page): Promise<Locator> {
  const confirm = page.locator('.ant-modal-confirm');
  await zoomEnded(page, confirm);
  return confirm;
}

/**
 * Presses a button (default 确定) of the confirmation on screen — a Modal.confirm or a
 * Popconfirm — once its opening zoom has ended, and waits until it has closed: a click while it
 * still scales is lost, and the confirmation stays open (seen in CI for both kinds).
 */
export async function pressInConfirm(page: Page, name: RegExp = /确\s*定/): Promise<void> {
  const confirm = page.locator('.ant-modal-confirm, .ant-popconfirm').filter({ visible: true });
  await zoomEnded(page, confirm);
  await confirm.getByRole('button', { name }).click();
  await expect(confirm).toHaveCount(0);
}

/**
 * Presses 还原 in the restore confirmation, once, and waits until the restore shows it is under way
 * (the dialog gone, or loading, 取消 disabled, or a picked file's upload progress). A confirm still
 * zooming in can swallow a click, so it waits for the opening motion to end first. No time window
 * of its own: on a busy machine the page may take seconds to answer while it sends a large file.
 */
export async function confirmRestore(page: Page): Promise<void> {
  const confirm = await openConfirm(page);
  await confirm.getByRole('button', { name: /还\s*原/ }).click();
  const notUnderWay = confirm.filter({
    hasNot: page.locator('.ant-btn-loading, button[disabled], [data-testid=upload-progress]'),
  });
  await expect(notUnderWay).toHaveCount(0);
}

/** How many lines an element's text takes on screen (1: it stays on one line). */
export const textLines = (locator: Locator) =>
  locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

/** Checks that every column title of a table stays on one line. */
export async function expectTitlesOnOneLine(table: Locator) {
  // `all()` does not wait: an undrawn table would pass with no titles measured.
  await expect(table.locator('thead th').first()).toBeVisible();
  for (const title of await table.locator('thead th').all()) {
    // A sortable column's caret pair sits on two rows: its title alone is measured.
    const words = (await title.locator('.ant-table-column-title').count())
      ? title.locator('.ant-table-column-title').last()
      : title;
    expect(await textLines(words), (await title.textContent()) ?? '').toBeLessThanOrEqual(1);
  }
}

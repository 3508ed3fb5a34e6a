import { expect, type Page } from '@playwright/test';

/** Opens one Ant Design select (by its input id) and picks the option with that label. */
export async function choose(page: Page, fieldId: string, option: string): Promise<void> {
  await page.locator('.ant-select', { has: page.locator(`#${fieldId}`) }).click();
  await page
    .locator(`.ant-select-item-option[title="${option}"]`)
    .filter({ visible: true })
    .click();
  await expect(page.locator('.ant-select-dropdown').filter({ visible: true })).toHaveCount(0);
}

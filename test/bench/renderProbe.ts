import type { Page } from '@playwright/test';

/** What a user does in the page: type into a text box, or click the option showing a text. */
export type PageAction = { typeInto: string; value: string } | { click: string; text: string };

/** The list wrapper and the attribute it sets once the result of the action is on screen. */
export interface ShownProbe {
  table: string;
  attribute: string;
  value: string;
}

/**
 * Time from the action's input event to the frame after the list shows its result: the
 * wrapper's attribute changes in the same commit as the rows, and the next animation frame is
 * the one that paints them.
 */
export function actionToRender(page: Page, action: PageAction, shown: ShownProbe): Promise<number> {
  return page.evaluate(
    ({ action, shown }) =>
      new Promise<number>((resolve, reject) => {
        const table = document.querySelector(shown.table);
        if (!table) return reject(new Error(`${shown.table} not shown`));
        let start = 0;
        const observer = new MutationObserver(() => {
          if (table.getAttribute(shown.attribute) !== shown.value) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        observer.observe(table, { attributes: true, attributeFilter: [shown.attribute] });
        if ('typeInto' in action) {
          const input = document.querySelector<HTMLInputElement>(action.typeInto);
          const setValue = Object.getOwnPropertyDescriptor(
            HTMLInputElement.prototype,
            'value',
          )?.set;
          if (!input || !setValue) return reject(new Error(`${action.typeInto} not shown`));
          start = performance.now();
          setValue.call(input, action.value);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          const option = [...document.querySelectorAll<HTMLElement>(action.click)].find(
            (el) => el.textContent === action.text,
          );
          if (!option) return reject(new Error(`${action.click} “${action.text}” not shown`));
          start = performance.now();
          option.click();
        }
      }),
    { action, shown },
  );
}

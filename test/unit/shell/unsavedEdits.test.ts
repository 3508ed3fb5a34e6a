import { describe, expect, it } from 'vitest';
import type { MessageBoxSyncOptions } from 'electron';
import { confirmUnload } from '../../../electron/main/unsavedEdits';

/** Runs the close handler with a person who picks `button`; true when the window may close. */
function closeWith(button: string): { closes: boolean; asked: MessageBoxSyncOptions[] } {
  const asked: MessageBoxSyncOptions[] = [];
  let closes = false;
  confirmUnload({ preventDefault: () => (closes = true) }, (options) => {
    asked.push(options);
    return options.buttons?.indexOf(button) ?? -1;
  });
  return { closes, asked };
}

describe('closing the window over unsaved edits', () => {
  it('asks the page’s question with 继续编辑 first (Esc and Enter keep the edits)', () => {
    const { asked } = closeWith('继续编辑');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.message).toBe('放弃未保存的修改？');
    expect(asked[0]?.buttons).toEqual(['继续编辑', '放弃']);
    expect(asked[0]?.defaultId).toBe(0);
    expect(asked[0]?.cancelId).toBe(0);
  });

  it('keeps the window open on 继续编辑 and closes it on 放弃', () => {
    expect(closeWith('继续编辑').closes).toBe(false);
    expect(closeWith('放弃').closes).toBe(true);
  });
});

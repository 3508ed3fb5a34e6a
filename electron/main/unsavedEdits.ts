import type { Event, MessageBoxSyncOptions } from 'electron';

/**
 * Closing the window over unsaved edits. The page's beforeunload handler refuses the unload;
 * Electron then shows nothing and keeps the window open, so the shell asks the page's own
 * question natively. This file imports only Electron's types, so tests drive it directly.
 */
export const discardQuestion: MessageBoxSyncOptions = {
  type: 'question',
  title: '放弃未保存的修改？',
  message: '放弃未保存的修改？',
  detail: '刚才填写或修改的内容还没有保存；放弃后将无法找回。',
  buttons: ['继续编辑', '放弃'],
  defaultId: 0,
  cancelId: 0,
  noLink: true,
};
const DISCARD = 1;

/** For webContents' will-prevent-unload: closes (preventDefault) only when 放弃 is chosen. */
export function confirmUnload(
  event: Pick<Event, 'preventDefault'>,
  ask: (options: MessageBoxSyncOptions) => number,
): void {
  if (ask(discardQuestion) === DISCARD) event.preventDefault();
}

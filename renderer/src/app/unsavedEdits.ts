import { create } from 'zustand';

interface UnsavedEditsState {
  /** The editors (forms, drawers, dialogs) that hold unsaved edits, by an id of each. */
  dirty: ReadonlySet<string>;
  /** The open “放弃未保存的修改？” question, answered by UnsavedEditsDialog. */
  question: ((discard: boolean) => void) | null;
  setDirty(id: string, dirty: boolean): void;
  /** Asks whether to throw edits away: true once the person picks 放弃. */
  ask(): Promise<boolean>;
}

/**
 * The one guard against losing typed work: every editor registers its unsaved edits here, and
 * every way out (sidebar, 返回, Esc, the X, reload or closing the window, restoring a backup)
 * asks through it first.
 */
export const useUnsavedEdits = create<UnsavedEditsState>((set, get) => ({
  dirty: new Set(),
  question: null,
  setDirty(id, dirty) {
    if (get().dirty.has(id) === dirty) return;
    const next = new Set(get().dirty);
    if (dirty) next.add(id);
    else next.delete(id);
    set({ dirty: next });
  },
  ask() {
    // A second way out while the question is open gets the same answer as the first.
    get().question?.(false);
    return new Promise<boolean>((resolve) =>
      set({
        question: (discard) => {
          set({ question: null });
          resolve(discard);
        },
      }),
    );
  },
}));

export const hasUnsavedEdits = () => useUnsavedEdits.getState().dirty.size > 0;

/** True when nothing anywhere is unsaved, or the person chose to throw it away. */
export async function confirmLeaveAll(): Promise<boolean> {
  return !hasUnsavedEdits() || useUnsavedEdits.getState().ask();
}

window.addEventListener('beforeunload', (event) => {
  // Reload, closing the tab, and (through Electron's will-prevent-unload) closing the window.
  if (hasUnsavedEdits()) event.preventDefault();
});

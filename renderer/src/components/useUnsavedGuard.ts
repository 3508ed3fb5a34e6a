import { useCallback, useEffect, useId } from 'react';
import { useUnsavedEdits } from '../app/unsavedEdits';

/**
 * Registers this editor's unsaved edits while `dirty` (leaving the page or the app then asks
 * first) and returns `guard`: it runs a way out of this editor (Esc, the X, 取消, 返回) at once
 * when nothing is unsaved, or after the person chooses 放弃.
 */
export function useUnsavedGuard(dirty: boolean): (leave: () => void) => void {
  const id = useId();
  const setDirty = useUnsavedEdits((s) => s.setDirty);
  useEffect(() => {
    setDirty(id, dirty);
    return () => setDirty(id, false);
  }, [id, dirty, setDirty]);
  return useCallback(
    (leave: () => void) => {
      if (!dirty) return leave();
      void useUnsavedEdits
        .getState()
        .ask()
        .then((discard) => {
          if (discard) {
            setDirty(id, false);
            leave();
          }
        });
    },
    [id, dirty, setDirty],
  );
}

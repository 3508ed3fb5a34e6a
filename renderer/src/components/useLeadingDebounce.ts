import { useEffect, useRef } from 'react';

/** Keystrokes closer together than this are sent as one search (the first one goes at once). */
export const SEARCH_DEBOUNCE_MS = 200;

/**
 * Search as the user types: the first keystroke after a pause is sent at once, later ones within
 * SEARCH_DEBOUNCE_MS are merged into one request; nothing is sent while an input method (拼音)
 * is still composing.
 */
export function useLeadingDebounce(apply: (value: string) => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const flush = () => {
    if (pending.current === null) {
      timer.current = null;
      return;
    }
    const value = pending.current;
    pending.current = null;
    apply(value);
    timer.current = setTimeout(flush, SEARCH_DEBOUNCE_MS);
  };
  return (value: string) => {
    if (timer.current === null) {
      apply(value);
      timer.current = setTimeout(flush, SEARCH_DEBOUNCE_MS);
    } else {
      pending.current = value;
    }
  };
}

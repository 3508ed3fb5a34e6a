import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/client';

/** Loads once and again whenever `version` (a number or key) changes; `retry` for the error state's button. */
export function useLoad<T>(load: () => Promise<T>, version: number | string = 0) {
  const [data, setData] = useState<T | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (result) => {
        if (!live) return;
        setData(result);
        setState('ready');
      },
      (e: unknown) => {
        if (!live) return;
        setError(messageOf(e));
        setState('error');
      },
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; version and attempt say when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, state, error, retry };
}

import { useCallback, useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  state: 'loading' | 'ready' | 'error';
  error: string | null;
  /** Loads again (the retry button of LoadState, or after a change elsewhere). */
  reload: () => void;
}

/** Loads a page's data once on mount, with the states LoadState shows. */
export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [state, setState] = useState<Loaded<T>['state']>('loading');
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
      (e: Error) => {
        if (!live) return;
        setError(e.message);
        setState('error');
      },
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `attempt` alone says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const reload = useCallback(() => {
    setState((s) => (s === 'ready' ? s : 'loading'));
    setAttempt((n) => n + 1);
  }, []);
  return { data, state, error, reload };
}

import { useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import type { HandlerInput, HandlerName, HandlerOutput } from '../../../shared/contract';
import { queryEntry, queryKey, watch, type QuerySnapshot, type QueryStatus } from './queryCache';

export interface QueryResult<T, I = unknown> extends QuerySnapshot<T> {
  /** The input `data` answers (with `keepPrevious`, an older one while the new one loads). */
  answers: I | null;
  /** Fetches again (the error state's 重试). */
  retry(): void;
}

const disabled: QuerySnapshot<never> = {
  data: null,
  state: 'loading',
  error: null,
  fetching: false,
};
const noSubscription = () => () => undefined;

/**
 * The one way a view reads the core: the answer of `name` for `input`, fetched when the view
 * opens and again whenever the core says data the handler reads has changed (anywhere in the
 * app). Views with equal queries share one fetch. `input` null: not yet (e.g. a new record).
 * `keepPrevious`: while the answer to a new input is on its way, the last one stays on screen
 * (paged lists).
 */
export function useQuery<N extends HandlerName>(
  name: N,
  input: HandlerInput<N> | null,
  options: { keepPrevious?: boolean } = {},
): QueryResult<HandlerOutput<N>, HandlerInput<N>> {
  const key = input === null ? null : queryKey(name, input);
  // The key says everything the input holds: a fresh object with equal content is one query.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const entry = useMemo(() => (input === null ? null : queryEntry(name, input)), [key]);
  const subscribe = useCallback(
    (listener: () => void) => (entry ? watch(entry, listener) : noSubscription()),
    [entry],
  );
  const snapshot = useSyncExternalStore(subscribe, () => entry?.snapshot ?? disabled) as
    QuerySnapshot<HandlerOutput<N>> | typeof disabled;
  const retry = useCallback(() => entry?.fetch(), [entry]);
  // The last answer shown, remembered the way React allows during render.
  const [previous, setPrevious] = useState<{
    data: HandlerOutput<N>;
    input: HandlerInput<N>;
  } | null>(null);
  if (options.keepPrevious && input && snapshot.data !== null && snapshot.data !== previous?.data) {
    setPrevious({ data: snapshot.data, input });
  }
  if (options.keepPrevious && snapshot.data === null && snapshot.state === 'loading' && previous) {
    return {
      data: previous.data,
      state: 'ready',
      error: null,
      fetching: true,
      answers: previous.input,
      retry,
    };
  }
  return { ...snapshot, answers: snapshot.data === null ? null : input, retry };
}

/** Several queries a view needs together: loading until all are ready, the first error. */
export function combined(...results: QueryResult<unknown, unknown>[]): {
  state: QueryStatus;
  error: string | null;
  retry(): void;
} {
  const failed = results.find((r) => r.state === 'error');
  return {
    state: failed ? 'error' : results.every((r) => r.state === 'ready') ? 'ready' : 'loading',
    error: failed?.error ?? null,
    retry: () => results.filter((r) => r.state === 'error').forEach((r) => r.retry()),
  };
}

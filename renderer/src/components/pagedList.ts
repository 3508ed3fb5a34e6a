import { messageOf } from '../api/client';
import type { LoadStatus } from './crudStore';

/** The list part of a store whose core searches, filters, sorts and pages. */
export interface PagedList<Q, R> {
  query: Q;
  /** The page on screen and the query that produced it (a newer request may be on its way). */
  result: R | null;
  shownQuery: Q | null;
  loadState: LoadStatus;
  loadError: string | null;
  /** A newer page is being fetched while the old one stays on screen. */
  fetching: boolean;
  /** Changes the query (back to page 1 unless the page itself changes) and fetches. */
  setQuery(patch: Partial<Q>): Promise<void>;
}

/**
 * That list part for a zustand store: its starting state and `fetchList` for the store's own
 * reload. Answers to older queries that arrive late are dropped.
 */
export function pagedList<Q extends { page: number }, R>(
  set: (partial: Partial<PagedList<Q, R>>) => void,
  get: () => PagedList<Q, R>,
  fetchPage: (query: Q) => Promise<R>,
  initial: Q,
) {
  let sequence = 0;
  const fetchList = async () => {
    const mine = ++sequence;
    const query = get().query;
    if (!get().fetching) set({ fetching: true });
    try {
      const result = await fetchPage(query);
      if (mine !== sequence) return;
      set({
        result,
        shownQuery: query,
        loadState: 'ready',
        loadError: null,
        fetching: false,
      });
    } catch (error) {
      if (mine !== sequence) return;
      set({ loadState: 'error', loadError: messageOf(error), fetching: false });
    }
  };
  const state: PagedList<Q, R> = {
    query: initial,
    result: null,
    shownQuery: null,
    loadState: 'idle',
    loadError: null,
    fetching: false,
    async setQuery(patch) {
      const page = patch.page ?? 1;
      set({ query: { ...get().query, ...patch, page }, fetching: true });
      await fetchList();
    },
  };
  return { state, fetchList };
}

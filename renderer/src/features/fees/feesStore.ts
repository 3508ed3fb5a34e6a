import { create } from 'zustand';
import type {
  FeeChangeInput,
  FeeChangeResult,
  LedgerParams,
} from '../../../../shared/contract/fees';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';

export type LedgerQuery = LedgerParams;

export const defaultLedgerQuery: LedgerQuery = {
  search: '',
  certificateIds: [],
  batchIds: [],
  payers: [],
  statuses: [],
  studentId: null,
  sortBy: 'id',
  sortOrder: 'desc',
  page: 1,
  pageSize: 50,
};

interface FeesState {
  /** The ledger's search, filters, sort and page; the core searches, filters, sorts and pages. */
  query: LedgerQuery;
  selected: number[];
  setSelected(ids: number[]): void;
  /** Changes the query (back to page 1 unless the page itself changes). */
  setQuery(patch: Partial<LedgerQuery>): void;
  change(input: FeeChangeInput): Promise<FeeChangeResult>;
}

export const useFeesStore = create<FeesState>((set, get) => ({
  query: defaultLedgerQuery,
  selected: [],
  setSelected: (selected) => set({ selected }),
  setQuery(patch) {
    set({ query: { ...get().query, ...patch, page: patch.page ?? 1 } });
  },
  async change(input) {
    const result = await mutate('fees.change', input);
    set({ selected: [] });
    return result;
  },
}));

/** The ledger page for the query (the last page stays on screen while the next loads). */
export function useLedgerPage() {
  const query = useFeesStore((s) => s.query);
  return useQuery('fees.ledger', query, { keepPrevious: true });
}

export const useLedgerFacets = () => useQuery('fees.facets', {});

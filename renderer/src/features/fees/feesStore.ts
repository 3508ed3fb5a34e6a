import { create } from 'zustand';
import type {
  FeeChangeInput,
  FeeChangeResult,
  LedgerFacets,
  LedgerParams,
  LedgerResult,
} from '../../../../shared/contract/fees';
import { invoke, messageOf } from '../../api/client';
import type { LoadStatus } from '../../components/crudStore';

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
  query: LedgerQuery;
  result: LedgerResult | null;
  /** The query that produced `result` (a newer request may be on its way). */
  shownQuery: LedgerQuery | null;
  facets: LedgerFacets | null;
  loadState: LoadStatus;
  loadError: string | null;
  fetching: boolean;
  selected: number[];
  /** Bumped after every change, so the other tabs reload. */
  version: number;
  setQuery(patch: Partial<LedgerQuery>): Promise<void>;
  setSelected(ids: number[]): void;
  reload(): Promise<void>;
  change(input: FeeChangeInput): Promise<FeeChangeResult>;
}

let sequence = 0;

/** The ledger tab's query and page; the core searches, filters, sorts and pages. */
export const useFeesStore = create<FeesState>((set, get) => {
  const fetchList = async () => {
    const mine = ++sequence;
    const query = get().query;
    if (!get().fetching) set({ fetching: true });
    try {
      const result = await invoke('fees.ledger', query);
      if (mine !== sequence) return;
      set({ result, shownQuery: query, loadState: 'ready', loadError: null, fetching: false });
    } catch (error) {
      if (mine !== sequence) return;
      set({ loadState: 'error', loadError: messageOf(error), fetching: false });
    }
  };
  return {
    query: defaultLedgerQuery,
    result: null,
    shownQuery: null,
    facets: null,
    loadState: 'idle',
    loadError: null,
    fetching: false,
    selected: [],
    version: 0,
    async setQuery(patch) {
      const page = patch.page ?? 1;
      set({ query: { ...get().query, ...patch, page }, fetching: true });
      await fetchList();
    },
    setSelected: (selected) => set({ selected }),
    async reload() {
      if (get().loadState !== 'ready') set({ loadState: 'loading', loadError: null });
      try {
        const [facets] = await Promise.all([invoke('fees.facets', {}), fetchList()]);
        set({ facets });
      } catch (error) {
        set({ loadState: 'error', loadError: messageOf(error) });
      }
    },
    async change(input) {
      const result = await invoke('fees.change', input);
      set({ selected: [], version: get().version + 1 });
      await get().reload();
      return result;
    },
  };
});

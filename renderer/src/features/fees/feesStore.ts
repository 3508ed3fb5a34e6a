import { create } from 'zustand';
import type {
  FeeChangeInput,
  FeeChangeResult,
  LedgerFacets,
  LedgerParams,
  LedgerResult,
} from '../../../../shared/contract/fees';
import { invoke, messageOf } from '../../api/client';
import { pagedList, type PagedList } from '../../components/pagedList';

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

interface FeesState extends PagedList<LedgerQuery, LedgerResult> {
  facets: LedgerFacets | null;
  selected: number[];
  /** Bumped after every change, so the other tabs reload. */
  version: number;
  setSelected(ids: number[]): void;
  reload(): Promise<void>;
  change(input: FeeChangeInput): Promise<FeeChangeResult>;
}

/** The ledger tab's query and page; the core searches, filters, sorts and pages. */
export const useFeesStore = create<FeesState>((set, get) => {
  const list = pagedList(set, get, (query) => invoke('fees.ledger', query), defaultLedgerQuery);
  return {
    ...list.state,
    facets: null,
    selected: [],
    version: 0,
    setSelected: (selected) => set({ selected }),
    async reload() {
      if (get().loadState !== 'ready') set({ loadState: 'loading', loadError: null });
      try {
        const [facets] = await Promise.all([invoke('fees.facets', {}), list.fetchList()]);
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

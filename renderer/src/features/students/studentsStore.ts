import { create } from 'zustand';
import type { ImportResult } from '../../../../shared/contract/imports';
import type {
  MatchMajorsResult,
  Student,
  StudentFacets,
  StudentListParams,
  StudentListResult,
  StudentSaveInput,
} from '../../../../shared/contract/students';
import type { Usage } from '../../../../shared/contract/usage';
import { invoke, messageOf } from '../../api/client';
import type { LoadStatus } from '../../components/crudStore';

/** Everything the list query holds; the core does the searching, filtering, sorting and paging. */
export type StudentQuery = StudentListParams;

export const defaultQuery: StudentQuery = {
  search: '',
  majors: [],
  classNames: [],
  entryYears: [],
  genders: [],
  pilot: null,
  idWarningsOnly: false,
  sortBy: 'studentNo',
  sortOrder: 'asc',
  page: 1,
  pageSize: 50,
};

interface StudentsState {
  query: StudentQuery;
  /** The page on screen and the query that produced it (a newer request may be on its way). */
  result: StudentListResult | null;
  shownQuery: StudentQuery | null;
  facets: StudentFacets | null;
  loadState: LoadStatus;
  loadError: string | null;
  /** A newer page is being fetched while the old one stays on screen. */
  fetching: boolean;
  saving: boolean;
  /** Changes the query (back to page 1 unless the page itself changes) and fetches. */
  setQuery(patch: Partial<StudentQuery>): Promise<void>;
  reload(): Promise<void>;
  save(input: StudentSaveInput): Promise<Student>;
  usage(id: number): Promise<Usage>;
  remove(id: number, force: boolean): Promise<void>;
  matchMajors(): Promise<MatchMajorsResult>;
  imported(result: ImportResult): Promise<void>;
}

let sequence = 0;

export const useStudentsStore = create<StudentsState>((set, get) => {
  const fetchList = async () => {
    const mine = ++sequence;
    const query = get().query;
    if (!get().fetching) set({ fetching: true });
    try {
      const result = await invoke('students.list', query);
      // Answers to older queries that arrive late are dropped.
      if (mine !== sequence) return;
      set({ result, shownQuery: query, loadState: 'ready', loadError: null, fetching: false });
    } catch (error) {
      if (mine !== sequence) return;
      set({ loadState: 'error', loadError: messageOf(error), fetching: false });
    }
  };
  const fetchFacets = async () => {
    try {
      set({ facets: await invoke('students.facets', {}) });
    } catch (error) {
      set({ loadState: 'error', loadError: messageOf(error) });
    }
  };

  return {
    query: defaultQuery,
    result: null,
    shownQuery: null,
    facets: null,
    loadState: 'idle',
    loadError: null,
    fetching: false,
    saving: false,
    async setQuery(patch) {
      const page = patch.page ?? 1;
      set({ query: { ...get().query, ...patch, page }, fetching: true });
      await fetchList();
    },
    async reload() {
      if (get().loadState !== 'ready') set({ loadState: 'loading', loadError: null });
      await Promise.all([fetchList(), fetchFacets()]);
    },
    async save(input) {
      set({ saving: true });
      try {
        const saved = await invoke('students.save', input);
        void get().reload();
        return saved;
      } finally {
        set({ saving: false });
      }
    },
    usage: (id) => invoke('students.usage', { id }),
    async remove(id, force) {
      await invoke('students.delete', { id, force });
      await get().reload();
    },
    async matchMajors() {
      const result = await invoke('students.matchMajors', {});
      await get().reload();
      return result;
    },
    async imported() {
      await get().reload();
    },
  };
});

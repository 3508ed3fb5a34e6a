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
import { pagedList, type PagedList } from '../../components/pagedList';

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

interface StudentsState extends PagedList<StudentQuery, StudentListResult> {
  facets: StudentFacets | null;
  saving: boolean;
  reload(): Promise<void>;
  save(input: StudentSaveInput): Promise<Student>;
  usage(id: number): Promise<Usage>;
  remove(id: number, force: boolean): Promise<void>;
  matchMajors(): Promise<MatchMajorsResult>;
  imported(result: ImportResult): Promise<void>;
}

export const useStudentsStore = create<StudentsState>((set, get) => {
  const list = pagedList(set, get, (query) => invoke('students.list', query), defaultQuery);
  const fetchFacets = async () => {
    try {
      set({ facets: await invoke('students.facets', {}) });
    } catch (error) {
      set({ loadState: 'error', loadError: messageOf(error) });
    }
  };

  return {
    ...list.state,
    facets: null,
    saving: false,
    async reload() {
      if (get().loadState !== 'ready') set({ loadState: 'loading', loadError: null });
      await Promise.all([list.fetchList(), fetchFacets()]);
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

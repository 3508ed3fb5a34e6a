import { create } from 'zustand';
import type {
  Student,
  StudentListParams,
  StudentSaveInput,
} from '../../../../shared/contract/students';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';

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
  /** The list's search, filters, sort and page, kept while the person visits other pages. */
  query: StudentQuery;
  saving: boolean;
  /** Changes the query (back to page 1 unless the page itself changes). */
  setQuery(patch: Partial<StudentQuery>): void;
  save(input: StudentSaveInput): Promise<Student>;
}

export const useStudentsStore = create<StudentsState>((set, get) => ({
  query: defaultQuery,
  saving: false,
  setQuery(patch) {
    set({ query: { ...get().query, ...patch, page: patch.page ?? 1 } });
  },
  async save(input) {
    set({ saving: true });
    try {
      return await mutate('students.save', input);
    } finally {
      set({ saving: false });
    }
  },
}));

/** The page of students for the query (the last page stays on screen while the next loads). */
export function useStudentList() {
  const query = useStudentsStore((s) => s.query);
  return useQuery('students.list', query, { keepPrevious: true });
}

export const useStudentFacets = () => useQuery('students.facets', {}).data;

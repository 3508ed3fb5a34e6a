import type { SignupSortKey } from '../../../../shared/contract/exams';
import type { SignupStatus } from '../../../../shared/domain/exams';

/** What a batch's sign-up list asks the core for: the filters, the order and the page. */
export interface SignupQuery {
  statuses: SignupStatus[];
  search: string;
  sortBy: SignupSortKey;
  sortOrder: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export const initialSignupQuery: SignupQuery = {
  statuses: [],
  search: '',
  sortBy: 'studentNo',
  sortOrder: 'asc',
  page: 1,
  pageSize: 50,
};

import type { ExamSiteSaveInput } from '../../../../shared/contract/examSites';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const examSitesApi = {
  save: (input: ExamSiteSaveInput) => mutate('examSites.save', input),
  // Nothing refers to an application: its delete needs no usage check (the page confirms).
  usage: () => Promise.resolve({ refs: [], summary: '' }),
  remove: (id: number) => mutate('examSites.delete', { id }),
};

export const useExamSites = () => useCrud(useQuery('examSites.list', {}), examSitesApi);

/** The places a batch or an application can name: the school's 实训室 and 实习实训场所. */
export function usePlaces() {
  const rooms = useQuery('rooms.list', {}).data ?? [];
  const sites = useQuery('sites.list', {}).data ?? [];
  return { rooms, sites };
}

import type { AgreementSaveInput } from '../../../../shared/contract/agreements';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const agreementsApi = {
  save: (input: AgreementSaveInput) => mutate('agreements.save', input),
  // Nothing refers to an agreement: its delete needs no usage check.
  usage: () => Promise.resolve({ refs: [], summary: '' }),
  remove: (id: number) => mutate('agreements.delete', { id }),
};

export const useAgreements = () => useCrud(useQuery('agreements.list', {}), agreementsApi);

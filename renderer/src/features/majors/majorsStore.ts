import type { MajorSaveInput } from '../../../../shared/contract/majors';
import { invoke } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const majorsApi = {
  save: (input: MajorSaveInput) => mutate('majors.save', input),
  usage: (id: number) => invoke('majors.usage', { id }),
  remove: (id: number, force: boolean) => mutate('majors.delete', { id, force }),
};

export const useMajors = () => useCrud(useQuery('majors.list', {}), majorsApi);

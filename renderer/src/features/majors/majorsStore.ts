import type { MajorSaveInput } from '../../../../shared/contract/majors';
import { invoke } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const majorsApi = {
  save: (input: MajorSaveInput) => invoke('majors.save', input),
  usage: (id: number) => invoke('majors.usage', { id }),
  remove: (id: number, force: boolean) => invoke('majors.delete', { id, force }),
};

export const useMajors = () => useCrud(useQuery('majors.list', {}), majorsApi);

import type { Major, MajorSaveInput } from '../../../../shared/contract/majors';
import { invoke } from '../../api/client';
import { createCrudStore } from '../../components/crudStore';

export const useMajorsStore = createCrudStore<Major, MajorSaveInput>({
  list: () => invoke('majors.list', {}),
  save: (input) => invoke('majors.save', input),
  usage: (id) => invoke('majors.usage', { id }),
  remove: (id, force) => invoke('majors.delete', { id, force }),
});

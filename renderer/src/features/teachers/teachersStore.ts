import type { TeacherSaveInput } from '../../../../shared/contract/teachers';
import { invoke } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const teachersApi = {
  save: (input: TeacherSaveInput) => mutate('teachers.save', input),
  usage: (id: number) => invoke('teachers.usage', { id }),
  remove: (id: number, force: boolean) => mutate('teachers.delete', { id, force }),
};

export const useTeachers = () => useCrud(useQuery('teachers.list', {}), teachersApi);

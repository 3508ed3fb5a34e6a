import type { Teacher, TeacherSaveInput } from '../../../../shared/contract/teachers';
import { invoke } from '../../api/client';
import { createCrudStore } from '../../components/crudStore';

export const useTeachersStore = createCrudStore<Teacher, TeacherSaveInput>({
  list: () => invoke('teachers.list', {}),
  save: (input) => invoke('teachers.save', input),
  usage: (id) => invoke('teachers.usage', { id }),
  remove: (id, force) => invoke('teachers.delete', { id, force }),
});

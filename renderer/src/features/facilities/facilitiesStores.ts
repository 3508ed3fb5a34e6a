import type { RoomSaveInput, TrainingRoom } from '../../../../shared/contract/rooms';
import type { SiteSaveInput, TrainingSite } from '../../../../shared/contract/sites';
import { invoke } from '../../api/client';
import { createCrudStore } from '../../components/crudStore';

export const useRoomsStore = createCrudStore<TrainingRoom, RoomSaveInput>({
  list: () => invoke('rooms.list', {}),
  save: (input) => invoke('rooms.save', input),
  usage: (id) => invoke('rooms.usage', { id }),
  remove: (id, force) => invoke('rooms.delete', { id, force }),
});

export const useSitesStore = createCrudStore<TrainingSite, SiteSaveInput>({
  list: () => invoke('sites.list', {}),
  save: (input) => invoke('sites.save', input),
  usage: (id) => invoke('sites.usage', { id }),
  remove: (id, force) => invoke('sites.delete', { id, force }),
});

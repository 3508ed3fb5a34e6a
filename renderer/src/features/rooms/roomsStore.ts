import type { RoomSaveInput } from '../../../../shared/contract/rooms';
import { invoke } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const roomsApi = {
  save: (input: RoomSaveInput) => mutate('rooms.save', input),
  usage: (id: number) => invoke('rooms.usage', { id }),
  remove: (id: number, force: boolean) => mutate('rooms.delete', { id, force }),
};

export const useRooms = () => useCrud(useQuery('rooms.list', {}), roomsApi);

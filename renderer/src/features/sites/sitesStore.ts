import type { SiteSaveInput } from '../../../../shared/contract/sites';
import { invoke } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const sitesApi = {
  save: (input: SiteSaveInput) => mutate('sites.save', input),
  usage: (id: number) => invoke('sites.usage', { id }),
  remove: (id: number, force: boolean) => mutate('sites.delete', { id, force }),
};

export const useSites = () => useCrud(useQuery('sites.list', {}), sitesApi);

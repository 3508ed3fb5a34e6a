import type { BatchSaveInput } from '../../../../shared/contract/exams';
import { invoke } from '../../api/client';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const batchesApi = {
  save: (input: BatchSaveInput) => mutate('exams.batches.save', input),
  usage: (id: number) => invoke('exams.batches.usage', { id }),
  remove: (id: number, force: boolean) => mutate('exams.batches.delete', { id, force }),
};

export const useBatches = () => useCrud(useQuery('exams.batches.list', {}), batchesApi);

/** What the batch and agreement forms choose from: certificates in use (not archived) and sites. */
export function useExamRefs() {
  const certificates = useQuery('catalogue.list', {}).data ?? [];
  const sites = useQuery('sites.list', {}).data ?? [];
  return { certificates, sites };
}

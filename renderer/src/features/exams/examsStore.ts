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

/**
 * What the batch and agreement forms choose from: certificates in use (not archived). The places
 * (实训室, 实习实训场所) come from examSites/places.tsx.
 */
export function useExamRefs() {
  const certificates = useQuery('catalogue.list', {}).data ?? [];
  return { certificates };
}

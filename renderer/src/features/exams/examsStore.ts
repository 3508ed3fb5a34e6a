import type { AgreementSaveInput, BatchSaveInput } from '../../../../shared/contract/exams';
import { invoke } from '../../api/client';
import { useQuery } from '../../api/useQuery';
import { useCrud } from '../../components/crudStore';

const batchesApi = {
  save: (input: BatchSaveInput) => invoke('exams.batches.save', input),
  usage: (id: number) => invoke('exams.batches.usage', { id }),
  remove: (id: number, force: boolean) => invoke('exams.batches.delete', { id, force }),
};

const agreementsApi = {
  save: (input: AgreementSaveInput) => invoke('exams.agreements.save', input),
  usage: () => Promise.resolve({ refs: [], summary: '' }),
  remove: (id: number) => invoke('exams.agreements.delete', { id }),
};

export const useBatches = () => useCrud(useQuery('exams.batches.list', {}), batchesApi);
export const useAgreements = () => useCrud(useQuery('exams.agreements.list', {}), agreementsApi);

/** What the batch and agreement forms choose from: certificates in use (not archived) and sites. */
export function useExamRefs() {
  const certificates = useQuery('catalogue.list', {}).data ?? [];
  const sites = useQuery('sites.list', {}).data ?? [];
  return { certificates, sites };
}

import { create } from 'zustand';
import type { Certificate } from '../../../../shared/contract/catalogue';
import type {
  AgreementSaveInput,
  BatchSaveInput,
  ExamBatch,
  FeeAgreement,
} from '../../../../shared/contract/exams';
import type { TrainingSite } from '../../../../shared/contract/sites';
import { invoke, messageOf } from '../../api/client';
import { createCrudStore } from '../../components/crudStore';

export const useBatchesStore = createCrudStore<ExamBatch, BatchSaveInput>({
  list: () => invoke('exams.batches.list', {}),
  save: (input) => invoke('exams.batches.save', input),
  usage: (id) => invoke('exams.batches.usage', { id }),
  remove: (id, force) => invoke('exams.batches.delete', { id, force }),
});

export const useAgreementsStore = createCrudStore<FeeAgreement, AgreementSaveInput>({
  list: () => invoke('exams.agreements.list', {}),
  save: (input) => invoke('exams.agreements.save', input),
  usage: () => Promise.resolve({ refs: [], summary: '' }),
  remove: (id) => invoke('exams.agreements.delete', { id }),
});

interface RefsState {
  /** Certificates in use (not archived), with their levels and caps. */
  certificates: Certificate[];
  sites: TrainingSite[];
  error: string | null;
  load(): Promise<void>;
}

/** What the batch and agreement forms choose from: the catalogue and the school's sites. */
export const useExamRefs = create<RefsState>((set) => ({
  certificates: [],
  sites: [],
  error: null,
  async load() {
    try {
      const [certificates, sites] = await Promise.all([
        invoke('catalogue.list', {}),
        invoke('sites.list', {}),
      ]);
      set({ certificates, sites, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));

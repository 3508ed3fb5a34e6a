import { create } from 'zustand';
import type { Certificate, CertificateDataInput } from '../../../../shared/contract/catalogue';
import { invoke } from '../../api/client';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

export interface CatalogueFilter {
  includeArchived: boolean;
  search: string;
}

interface CatalogueState {
  certificates: Certificate[];
  filter: CatalogueFilter;
  loadState: LoadState;
  loadError: string | null;
  /** Id of the certificate whose archive/unarchive is running. */
  busyId: number | null;
  load(filter?: Partial<CatalogueFilter>): Promise<void>;
  /** Resolves to the saved certificate; rejects with PilotError (field details included). */
  save(input: CertificateDataInput, id?: number): Promise<Certificate>;
  setArchived(id: number, archived: boolean): Promise<Certificate>;
}

let loadSequence = 0;

export const useCatalogueStore = create<CatalogueState>((set, get) => ({
  certificates: [],
  filter: { includeArchived: false, search: '' },
  loadState: 'idle',
  loadError: null,
  busyId: null,
  async load(change) {
    const filter = { ...get().filter, ...change };
    const sequence = ++loadSequence;
    set({ filter, loadState: get().loadState === 'ready' ? 'ready' : 'loading', loadError: null });
    try {
      const certificates = await invoke('catalogue.list', filter);
      // A slower, older search must not overwrite a newer one.
      if (sequence === loadSequence) set({ certificates, loadState: 'ready' });
    } catch (error) {
      if (sequence === loadSequence)
        set({ loadState: 'error', loadError: (error as Error).message });
    }
  },
  async save(input, id) {
    const saved =
      id === undefined
        ? await invoke('catalogue.create', input)
        : await invoke('catalogue.update', { ...input, id });
    await get().load();
    return saved;
  },
  async setArchived(id, archived) {
    set({ busyId: id });
    try {
      const result = await invoke(archived ? 'catalogue.archive' : 'catalogue.unarchive', { id });
      await get().load();
      return result;
    } finally {
      set({ busyId: null });
    }
  },
}));

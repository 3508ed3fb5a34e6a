import { create } from 'zustand';
import type { Certificate, CertificateDataInput } from '../../../../shared/contract/catalogue';
import { mutate } from '../../api/queryCache';
import { useQuery } from '../../api/useQuery';

export interface CatalogueFilter {
  includeArchived: boolean;
  search: string;
}

interface CatalogueState {
  filter: CatalogueFilter;
  /** Id of the certificate whose archive/unarchive is running. */
  busyId: number | null;
  setFilter(change: Partial<CatalogueFilter>): void;
  /** Resolves to the saved certificate; rejects with PilotError (field details included). */
  save(input: CertificateDataInput, id?: number): Promise<Certificate>;
  setArchived(id: number, archived: boolean): Promise<Certificate>;
}

export const useCatalogueStore = create<CatalogueState>((set, get) => ({
  filter: { includeArchived: false, search: '' },
  busyId: null,
  setFilter(change) {
    set({ filter: { ...get().filter, ...change } });
  },
  save: (input, id) =>
    id === undefined
      ? mutate('catalogue.create', input)
      : mutate('catalogue.update', { ...input, id }),
  async setArchived(id, archived) {
    set({ busyId: id });
    try {
      return await mutate(archived ? 'catalogue.archive' : 'catalogue.unarchive', { id });
    } finally {
      set({ busyId: null });
    }
  },
}));

/** The certificates the filter finds (the last answer stays on screen while a search runs). */
export function useCertificates() {
  const filter = useCatalogueStore((s) => s.filter);
  return useQuery('catalogue.list', filter, { keepPrevious: true });
}

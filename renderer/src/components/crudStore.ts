import { create } from 'zustand';
import type { Usage } from '../../../shared/contract/usage';
import { messageOf } from '../api/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CrudApi<T extends { id: number }, SaveInput> {
  list(): Promise<T[]>;
  save(input: SaveInput): Promise<T>;
  usage(id: number): Promise<Usage>;
  remove(id: number, force: boolean): Promise<unknown>;
}

export interface CrudState<T extends { id: number }, SaveInput> {
  items: T[];
  loadState: LoadStatus;
  loadError: string | null;
  saving: boolean;
  load(): Promise<void>;
  /** Resolves to the saved row; rejects with PilotError (field details included). */
  save(input: SaveInput): Promise<T>;
  usage(id: number): Promise<Usage>;
  remove(id: number, force: boolean): Promise<void>;
}

/** A zustand store for one list the core owns: load, save (create or update), usage, delete. */
export function createCrudStore<T extends { id: number }, SaveInput>(api: CrudApi<T, SaveInput>) {
  return create<CrudState<T, SaveInput>>((set, get) => ({
    items: [],
    loadState: 'idle',
    loadError: null,
    saving: false,
    async load() {
      set({ loadState: get().loadState === 'ready' ? 'ready' : 'loading', loadError: null });
      try {
        set({ items: await api.list(), loadState: 'ready' });
      } catch (error) {
        set({ loadState: 'error', loadError: messageOf(error) });
      }
    },
    async save(input) {
      set({ saving: true });
      try {
        const saved = await api.save(input);
        const items = get().items;
        const exists = items.some((item) => item.id === saved.id);
        set({
          items: exists
            ? items.map((item) => (item.id === saved.id ? saved : item))
            : [...items, saved],
        });
        return saved;
      } finally {
        set({ saving: false });
      }
    },
    usage: (id) => api.usage(id),
    async remove(id, force) {
      await api.remove(id, force);
      set({ items: get().items.filter((item) => item.id !== id) });
    },
  }));
}

import { create } from 'zustand';
import type { SchoolProfile, SchoolProfileInput } from '../../../../shared/contract/school';
import { invoke, PilotError } from '../../api/client';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface SchoolState {
  profile: SchoolProfile | null;
  loadState: LoadState;
  loadError: string | null;
  saving: boolean;
  load(): Promise<void>;
  /** Resolves to the saved profile; rejects with PilotError (field details included). */
  save(input: SchoolProfileInput): Promise<SchoolProfile>;
}

export const useSchoolStore = create<SchoolState>((set) => ({
  profile: null,
  loadState: 'idle',
  loadError: null,
  saving: false,
  async load() {
    set({ loadState: 'loading', loadError: null });
    try {
      set({ profile: await invoke('school.get', {}), loadState: 'ready' });
    } catch (error) {
      set({ loadState: 'error', loadError: (error as Error).message });
    }
  },
  async save(input) {
    set({ saving: true });
    try {
      const profile = await invoke('school.save', input);
      set({ profile });
      return profile;
    } catch (error) {
      throw error instanceof PilotError ? error : new Error(String(error));
    } finally {
      set({ saving: false });
    }
  },
}));

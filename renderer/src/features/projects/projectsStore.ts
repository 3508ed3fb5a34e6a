import { create } from 'zustand';
import type { Certificate } from '../../../../shared/contract/catalogue';
import type { Major } from '../../../../shared/contract/majors';
import type {
  Project,
  ProjectDataInput,
  ProjectSummary,
} from '../../../../shared/contract/projects';
import type { TrainingRoom } from '../../../../shared/contract/rooms';
import type { TrainingSite } from '../../../../shared/contract/sites';
import type { Teacher } from '../../../../shared/contract/teachers';
import { invoke } from '../../api/client';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** What a project form picks from: the school's catalogue, majors, staff and facilities. */
export interface ReferenceData {
  certificates: Certificate[];
  majors: Major[];
  teachers: Teacher[];
  rooms: TrainingRoom[];
  sites: TrainingSite[];
}

/** Which project is open, and which field to show first (from a self-check link). */
export type Editing = { id: number | 'new'; focus?: string } | null;

interface ProjectsState {
  list: ProjectSummary[];
  listState: LoadState;
  listError: string | null;
  refs: ReferenceData | null;
  refsError: string | null;
  editing: Editing;
  loadList(): Promise<void>;
  loadRefs(): Promise<void>;
  open(editing: Editing): void;
  create(data: ProjectDataInput): Promise<Project>;
  update(id: number, data: ProjectDataInput): Promise<Project>;
  remove(id: number): Promise<void>;
  copyToYear(id: number, year: number): Promise<Project>;
}

export const useProjectsStore = create<ProjectsState>((set, get) => ({
  list: [],
  listState: 'idle',
  listError: null,
  refs: null,
  refsError: null,
  editing: null,
  async loadList() {
    if (get().listState !== 'ready') set({ listState: 'loading', listError: null });
    try {
      set({ list: await invoke('projects.list', {}), listState: 'ready' });
    } catch (error) {
      set({ listState: 'error', listError: (error as Error).message });
    }
  },
  async loadRefs() {
    try {
      const [certificates, majors, teachers, rooms, sites] = await Promise.all([
        invoke('catalogue.list', { includeArchived: true }),
        invoke('majors.list', {}),
        invoke('teachers.list', {}),
        invoke('rooms.list', {}),
        invoke('sites.list', {}),
      ]);
      set({ refs: { certificates, majors, teachers, rooms, sites }, refsError: null });
    } catch (error) {
      set({ refsError: (error as Error).message });
    }
  },
  open(editing) {
    set({ editing });
  },
  async create(data) {
    const project = await invoke('projects.create', data);
    await get().loadList();
    return project;
  },
  async update(id, data) {
    const project = await invoke('projects.update', { id, data });
    await get().loadList();
    return project;
  },
  async remove(id) {
    await invoke('projects.delete', { id });
    await get().loadList();
  },
  async copyToYear(id, year) {
    const project = await invoke('projects.copyToYear', { id, year });
    await get().loadList();
    return project;
  },
}));

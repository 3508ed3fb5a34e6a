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
import { useNavigation } from '../../app/navigationStore';

/** Opens a project (or a new one) in the editor, optionally at the field a verdict names. */
export function openProject(
  id: number | 'new' | null,
  focus?: string,
  options?: { force?: boolean },
) {
  const path = id === null ? 'projects' : focus ? `projects/${id}/${focus}` : `projects/${id}`;
  useNavigation.getState().go(path, options);
}

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

/** What a project form picks from: the school's catalogue, majors, staff and facilities. */
export interface ReferenceData {
  certificates: Certificate[];
  majors: Major[];
  teachers: Teacher[];
  rooms: TrainingRoom[];
  sites: TrainingSite[];
}

interface ProjectsState {
  list: ProjectSummary[];
  listState: LoadState;
  listError: string | null;
  refs: ReferenceData | null;
  refsError: string | null;
  loadList(): Promise<void>;
  loadRefs(): Promise<void>;
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

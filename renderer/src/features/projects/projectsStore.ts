import { useMemo } from 'react';
import type { Certificate } from '../../../../shared/contract/catalogue';
import type { Major } from '../../../../shared/contract/majors';
import type { TrainingRoom } from '../../../../shared/contract/rooms';
import type { TrainingSite } from '../../../../shared/contract/sites';
import type { Teacher } from '../../../../shared/contract/teachers';
import { combined, useQuery } from '../../api/useQuery';
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

/** What a project form picks from: the school's catalogue, majors, staff and facilities. */
export interface ReferenceData {
  certificates: Certificate[];
  majors: Major[];
  teachers: Teacher[];
  rooms: TrainingRoom[];
  sites: TrainingSite[];
}

/** The reference data, fresh after a change on any page; null until all of it is there. */
export function useProjectRefs() {
  const certificates = useQuery('catalogue.list', { includeArchived: true });
  const majors = useQuery('majors.list', {});
  const teachers = useQuery('teachers.list', {});
  const rooms = useQuery('rooms.list', {});
  const sites = useQuery('sites.list', {});
  const refs = useMemo<ReferenceData | null>(
    () =>
      certificates.data && majors.data && teachers.data && rooms.data && sites.data
        ? {
            certificates: certificates.data,
            majors: majors.data,
            teachers: teachers.data,
            rooms: rooms.data,
            sites: sites.data,
          }
        : null,
    [certificates.data, majors.data, teachers.data, rooms.data, sites.data],
  );
  return { refs, ...combined(certificates, majors, teachers, rooms, sites) };
}

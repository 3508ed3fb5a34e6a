import { useEffect } from 'react';
import { ProjectEditor } from './ProjectEditor';
import { ProjectList } from './ProjectList';
import { useProjectsStore } from './projectsStore';

/** 试点项目: the list, or one project open for editing. */
export function ProjectsPage() {
  const { editing, loadList } = useProjectsStore();
  useEffect(() => {
    void loadList();
  }, [loadList]);
  return editing ? (
    <ProjectEditor key={String(editing.id)} id={editing.id} focus={editing.focus} />
  ) : (
    <ProjectList />
  );
}

import { useNavigation } from '../../app/navigationStore';
import { ProjectEditor } from './ProjectEditor';
import { ProjectList } from './ProjectList';

/** 试点项目: the list (`#/projects`), or one project open (`#/projects/12`, `#/projects/new`). */
export function ProjectsPage() {
  const sub = useNavigation((s) => s.sub);
  const [idPart, focus] = sub.split('/');
  const id = idPart === 'new' ? 'new' : /^\d+$/.test(idPart ?? '') ? Number(idPart) : null;
  return id === null ? <ProjectList /> : <ProjectEditor key={String(id)} id={id} focus={focus} />;
}

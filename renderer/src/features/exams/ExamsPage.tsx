import { useNavigation } from '../../app/navigationStore';
import { BatchDetail } from './BatchDetail';
import { BatchList } from './BatchList';

/** 考核报名: the batch list (`#/exams`), or one batch's sign-ups (`#/exams/12`). */
export function ExamsPage() {
  const sub = useNavigation((s) => s.sub);
  const id = /^\d+$/.test(sub) ? Number(sub) : null;
  return id === null ? <BatchList /> : <BatchDetail key={id} id={id} />;
}

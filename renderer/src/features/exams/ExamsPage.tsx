import { useNavigation } from '../../app/navigationStore';
import { ArrangementPage } from '../arrangements/ArrangementPage';
import { BatchDetail } from './BatchDetail';
import { BatchList } from './BatchList';

/**
 * 考核报名: the batch list (`#/exams`), one batch's sign-ups (`#/exams/12`), or its 考场编排
 * (`#/exams/12/arrangement`).
 */
export function ExamsPage() {
  const sub = useNavigation((s) => s.sub);
  const arrangement = /^(\d+)\/arrangement$/.exec(sub);
  if (arrangement) {
    const batchId = Number(arrangement[1]);
    return <ArrangementPage key={batchId} batchId={batchId} />;
  }
  const id = /^\d+$/.test(sub) ? Number(sub) : null;
  return id === null ? <BatchList /> : <BatchDetail key={id} id={id} />;
}

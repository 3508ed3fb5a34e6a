import { useEffect } from 'react';
import { useNavigation } from '../../app/navigationStore';
import { BatchDetail } from './BatchDetail';
import { BatchList } from './BatchList';
import { useBatchesStore, useExamRefs } from './examsStore';

/** 考核报名: the batch list (`#/exams`), or one batch's sign-ups (`#/exams/12`). */
export function ExamsPage() {
  const sub = useNavigation((s) => s.sub);
  useEffect(() => {
    void useBatchesStore.getState().load();
    void useExamRefs.getState().load();
  }, []);
  const id = /^\d+$/.test(sub) ? Number(sub) : null;
  return id === null ? <BatchList /> : <BatchDetail key={id} id={id} />;
}

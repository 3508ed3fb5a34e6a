import { useRef, useState } from 'react';
import { invoke } from '../../api/client';
import { useTaskProgress } from '../../components/useTaskProgress';

/**
 * One package export at a time, as the application page and a batch's 导出报名材料包 run it: busy
 * and cancelling states, the core's progress, and 取消 through `package.cancel` (the running call
 * then rejects with CANCELLED and nothing is saved).
 */
export function usePackageTask() {
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const taskId = useRef<string | null>(null);
  const { progress, start, finish } = useTaskProgress(true);

  /** Runs `work` with a fresh task id; the states reset however it ends. */
  const run = async <T>(work: (taskId: string) => Promise<T>): Promise<T> => {
    setBusy(true);
    taskId.current = start();
    try {
      return await work(taskId.current);
    } finally {
      taskId.current = null;
      finish();
      setBusy(false);
      setCancelling(false);
    }
  };

  /** Asks the core to stop the running export; rejects when that request itself fails. */
  const cancel = async () => {
    if (!taskId.current) return;
    setCancelling(true);
    try {
      await invoke('package.cancel', { taskId: taskId.current });
    } catch (error) {
      setCancelling(false);
      throw error;
    }
  };

  return { busy, cancelling, progress, run, cancel };
}

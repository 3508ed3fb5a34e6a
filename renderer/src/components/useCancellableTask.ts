import { useRef, useState } from 'react';
import { invoke } from '../api/client';
import { useTaskProgress } from './useTaskProgress';

/** The handlers that stop long work by its task id (the running call rejects with CANCELLED). */
export type CancelHandler = 'package.cancel' | 'imports.cancel';

/**
 * One long call at a time that 取消 can stop — a package export, an import's preview or commit:
 * busy and cancelling states, the core's progress while `active`, and the cancel through
 * `cancelWith` (the running call then rejects with CANCELLED and nothing is saved).
 */
export function useCancellableTask(cancelWith: CancelHandler, active = true) {
  const [busy, setBusy] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const taskId = useRef<string | null>(null);
  const { progress, start, finish } = useTaskProgress(active);

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

  /** Asks the core to stop the running call; rejects when that request itself fails. */
  const cancel = async () => {
    if (!taskId.current) return;
    setCancelling(true);
    try {
      await invoke(cancelWith, { taskId: taskId.current });
    } catch (error) {
      setCancelling(false);
      throw error;
    }
  };

  return { busy, cancelling, progress, run, cancel };
}

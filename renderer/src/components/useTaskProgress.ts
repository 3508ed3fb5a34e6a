import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../shared/contract/events';
import { onPilotEvent } from '../api/client';

function newTaskId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `task-${Date.now()}-${Math.random().toString(36)}`;
}

/**
 * Follows the core's progress events for one call at a time: `start()` returns a fresh taskId to
 * pass to the handler; `progress` is the latest event for it (null when idle).
 */
export function useTaskProgress(active: boolean) {
  const current = useRef<string | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);

  useEffect(() => {
    if (!active) return undefined;
    return onPilotEvent((event) => {
      if (event.type === 'progress' && event.taskId === current.current) setProgress(event);
    });
  }, [active]);

  const start = useCallback(() => {
    const taskId = newTaskId();
    current.current = taskId;
    setProgress(null);
    return taskId;
  }, []);

  const finish = useCallback(() => {
    current.current = null;
    setProgress(null);
  }, []);

  return { progress, start, finish };
}

import { randomUUID } from 'node:crypto';
import type { EventSource } from '../events';

export type ProgressFn = (done: number) => void;

/**
 * Reports progress of one step as `progress` events: at 0, about every 2 %, and at the end, so
 * a 20,000-row import sends ~50 events rather than 20,000.
 */
export function progressReporter(
  events: EventSource,
  taskId: string,
  label: string,
  total: number,
  /** The step cannot be cancelled any more (see ProgressEvent.final). */
  final = false,
): ProgressFn {
  const step = Math.max(1, Math.ceil(total / 50));
  let last = -1;
  const report: ProgressFn = (done) => {
    if (done === last) return;
    if (done === 0 || done >= total || done - last >= step) {
      last = done;
      const at = Math.min(done, total);
      events.emit({ type: 'progress', taskId, label, done: at, total, ...(final && { final }) });
    }
  };
  report(0);
  return report;
}

export const newTaskId = (prefix: string) => `${prefix}-${randomUUID()}`;

import { setImmediate as nextTurn } from 'node:timers/promises';
import { CoreError } from '../errors';

/** One running piece of long work that the user can cancel by its task id. */
export interface CancellableTask {
  readonly signal: AbortSignal;
  /** Throws the task's CANCELLED error if it was cancelled. */
  check(): void;
  /**
   * Lets other calls (the cancel among them) run, then checks: await it between steps of work
   * that would otherwise hold the event loop.
   */
  checkpoint(): Promise<void>;
  end(): void;
}

export interface TaskRegistry {
  /** Starts tracking `taskId`; `cancelMessage` is what the work rejects with when cancelled. */
  begin(taskId: string, cancelMessage: string): CancellableTask;
  /** Cancels a running task; true when it was running. */
  cancel(taskId: string): boolean;
}

/** Ids cancelled before their work started (a cancel overtaking its call) are remembered. */
const EARLY_CANCELS_KEPT = 50;

export function createTaskRegistry(): TaskRegistry {
  const running = new Map<string, { controller: AbortController; error: CoreError }>();
  const early: string[] = [];
  return {
    begin(taskId, cancelMessage) {
      if (running.has(taskId)) {
        throw new CoreError('CONFLICT', `任务“${taskId}”已在进行中，请等它完成或取消后再试。`);
      }
      const controller = new AbortController();
      const error = new CoreError('CANCELLED', cancelMessage);
      const earlyAt = early.indexOf(taskId);
      if (earlyAt >= 0) {
        early.splice(earlyAt, 1);
        controller.abort(error);
      }
      const entry = { controller, error };
      running.set(taskId, entry);
      const check = () => {
        if (controller.signal.aborted) throw error;
      };
      return {
        signal: controller.signal,
        check,
        checkpoint: async () => {
          check();
          await nextTurn();
          check();
        },
        end: () => {
          if (running.get(taskId) === entry) running.delete(taskId);
        },
      };
    },
    cancel(taskId) {
      const entry = running.get(taskId);
      if (!entry) {
        early.push(taskId);
        if (early.length > EARLY_CANCELS_KEPT) early.shift();
        return false;
      }
      if (!entry.controller.signal.aborted) entry.controller.abort(entry.error);
      return true;
    },
  };
}

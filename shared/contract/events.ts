import * as z from 'zod';
import type { Topic } from './topics';

/** The id a page gives long work: it follows the work's progress events by it and cancels it with it. */
export const taskIdSchema = z
  .string({ error: '任务编号（taskId）无效' })
  .min(1, { error: '任务编号（taskId）无效' })
  .max(100, { error: '任务编号（taskId）过长' });

/** Events the core pushes to the page, e.g. progress of long work. */
export interface ProgressEvent {
  type: 'progress';
  taskId: string;
  label: string;
  done: number;
  total: number;
  /**
   * The step can no longer be cancelled: it runs to its end or, failing, rolls back as a whole
   * (an import's writes, one transaction the core cannot pause).
   */
  final?: true;
}

/** A call changed data: views that read any of these topics reload. */
export interface ChangedEvent {
  type: 'changed';
  topics: Topic[];
}

export type PilotEvent = ProgressEvent | ChangedEvent;

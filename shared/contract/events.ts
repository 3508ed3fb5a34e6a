import type { Topic } from './topics';

/** Events the core pushes to the page, e.g. progress of long work. */
export interface ProgressEvent {
  type: 'progress';
  taskId: string;
  label: string;
  done: number;
  total: number;
}

/** A call changed data: views that read any of these topics reload. */
export interface ChangedEvent {
  type: 'changed';
  topics: Topic[];
}

export type PilotEvent = ProgressEvent | ChangedEvent;

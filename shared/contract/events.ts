/** Events the core pushes to the page, e.g. progress of long work. */
export interface ProgressEvent {
  type: 'progress';
  taskId: string;
  label: string;
  done: number;
  total: number;
}

export type PilotEvent = ProgressEvent;

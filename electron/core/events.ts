import type { PilotEvent } from '../../shared/contract/events';

export type EventListener = (event: PilotEvent) => void;

/** The core's event source: hosts subscribe and forward events to the page. */
export interface EventSource {
  on(listener: EventListener): () => void;
  emit(event: PilotEvent): void;
}

export function createEventSource(): EventSource {
  const listeners = new Set<EventListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of listeners) listener(event);
    },
  };
}

import type { Envelope } from './errors';
import type { PilotEvent } from './events';

/** The single IPC channel for calls, and the one for events pushed from the core. */
export const INVOKE_CHANNEL = 'pilot:invoke';
export const EVENT_CHANNEL = 'pilot:event';

/**
 * The whole surface the renderer sees as `window.pilot`. Names and payloads are checked by the
 * hosts against the contract; this type is deliberately loose so the preload needs no zod.
 */
export interface PilotBridge {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(listener: (event: PilotEvent) => void): () => void;
}

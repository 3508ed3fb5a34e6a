import type {
  HandlerInput,
  HandlerName,
  HandlerOutput,
  PilotErrorShape,
  PilotEvent,
} from '../../../shared/contract';
import type { PilotBridge } from '../../../shared/contract/bridge';
import { createWebBridge } from './webBridge';

/** A failed call, carrying the host's Chinese message and field details. */
export class PilotError extends Error {
  readonly shape: PilotErrorShape;
  constructor(shape: PilotErrorShape) {
    super(shape.message);
    this.name = 'PilotError';
    this.shape = shape;
  }
}

function bridge(): PilotBridge {
  window.pilot ??= createWebBridge();
  return window.pilot;
}

/** The typed way to call the core: name and input are checked against the contract. */
export async function invoke<N extends HandlerName>(
  name: N,
  input: HandlerInput<N>,
): Promise<HandlerOutput<N>> {
  const envelope = await bridge().invoke(name, input);
  if (!envelope.ok) throw new PilotError(envelope.error);
  return envelope.data as HandlerOutput<N>;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Follows events the core pushes (progress of long work); returns the unsubscribe function. */
export function onPilotEvent(listener: (event: PilotEvent) => void): () => void {
  return bridge().on(listener);
}

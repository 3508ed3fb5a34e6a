import type {
  HandlerInput,
  HandlerName,
  HandlerOutput,
  PilotErrorShape,
  PilotEvent,
} from '../../../shared/contract';
import type { PilotBridge } from '../../../shared/contract/bridge';
import { hintText } from './errorHints';
import { createWebBridge } from './webBridge';

/** A failed call, carrying the host's Chinese message and its details, typed by its code. */
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

/** What to tell the user: the error's message, then the next step it hints at, if any. */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const hint = error instanceof PilotError ? error.shape.details?.hint : undefined;
  return hint ? `${error.message}${hintText(hint)}` : error.message;
}

/** Follows events the core pushes (progress of long work); returns the unsubscribe function. */
export function onPilotEvent(listener: (event: PilotEvent) => void): () => void {
  return bridge().on(listener);
}

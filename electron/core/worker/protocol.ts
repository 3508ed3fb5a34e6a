import { fileClock } from '../../web/clock';
import type { Envelope } from '../../../shared/contract/errors';
import type { PilotEvent } from '../../../shared/contract/events';
import type { ForwardedOffer } from '../io/downloads';
import type { LogLevel } from '../log';

/**
 * The messages between a host thread and the core running in a `worker_threads` worker. Calls
 * carry the contract's names and inputs; answers the contract's envelopes, unchanged.
 */

/** How the worker's core tells the time: functions cannot cross threads, so it is described. */
export type WorkerClock =
  | { kind: 'system' }
  /** The web host's `--clock-file` (tests): read on every call. */
  | { kind: 'file'; file: string }
  /** A fixed moment (tests). */
  | { kind: 'fixed'; iso: string };

/** The clock a description stands for (the worker's core and the host's download store share it). */
export function clockOf(clock: WorkerClock): () => Date {
  if (clock.kind === 'file') return fileClock(clock.file);
  if (clock.kind === 'fixed') {
    const at = new Date(clock.iso);
    return () => at;
  }
  return () => new Date();
}

/** What the worker needs to build its core (CoreOptions, in a form that can be cloned). */
export interface CoreWorkerData {
  dataDir: string;
  appVersion: string;
  clock: WorkerClock;
  nativeBinding?: string;
  role: 'primary' | 'reader';
  /** The host capabilities the host thread offers; each use is a message to it. */
  capabilities: 'openPath'[];
}

export type ToWorker =
  | { type: 'call'; id: number; name: unknown; input: unknown }
  | { type: 'backups'; id: number; op: 'tick' | 'idle' }
  | { type: 'capabilityAnswer'; id: number; value: string }
  | { type: 'close'; id: number };

export type FromWorker =
  | { type: 'ready'; dataDir: string; databasePath: string }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; envelope: Envelope<unknown> }
  | { type: 'done'; id: number; value?: unknown; error?: string }
  | { type: 'event'; event: PilotEvent }
  | { type: 'offer'; offer: ForwardedOffer }
  | { type: 'log'; level: LogLevel; message: string; data?: Record<string, unknown> }
  | { type: 'capability'; id: number; name: 'openPath'; folder: string };

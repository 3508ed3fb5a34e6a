import { Worker } from 'node:worker_threads';
import type * as Contract from '../../../shared/contract';
import type { Envelope } from '../../../shared/contract/errors';
import type { Dispatch } from '../dispatcher';
import { createEventSource, type EventSource } from '../events';
import { createDownloadStore, type DownloadStore } from '../io/downloads';
import type { Logger } from '../log';
import {
  clockOf,
  type CoreWorkerData,
  type FromWorker,
  type ToWorker,
  type WorkerClock,
} from './protocol';

/**
 * What a host needs of the core, whether it runs in the host's thread (`createCore`, tests) or
 * in a worker (`startCoreWorker`, both hosts): the one contract, its events, the offered files.
 */
export interface CoreClient {
  dispatch: Dispatch;
  events: Pick<EventSource, 'on'>;
  /** Offered files; the host serves `GET /api/download/<token>` from here. */
  downloads: Pick<DownloadStore, 'take'>;
  dataDir: string;
  backups: { tick(): Promise<unknown>; idle(): Promise<void> };
  close(): void | Promise<void>;
}

export interface CoreWorkerOptions {
  /** The bundled worker entry (coreWorker.mjs or .cjs beside the host's bundle). */
  workerFile: string;
  dataDir: string;
  appVersion: string;
  clock: WorkerClock;
  /** The host thread's clock for the download store's expiry: the core's by default. */
  hostClock?: () => Date;
  nativeBinding?: string;
  log: Logger;
  /** What only the host thread can do for the core (Electron: show a folder). */
  host?: { openPath?: (folder: string) => Promise<string> };
  /**
   * Start a second core that answers reads while the first runs long work (default true). It
   * starts with the first call.
   */
  reader?: boolean;
  /** Each core thread's JavaScript heap limit (MB); `CORE_HEAP_LIMIT_MB` by default. */
  heapLimitMb?: number;
}

/**
 * Each core thread's JavaScript heap limit. Without one, V8 lets garbage pile up while memory is
 * plentiful: a 60,000-row import then peaked at 350–460 MB for the whole web host, though what it
 * holds is under 100 MB; with this limit it stays near 325 MB. A 60,000-row import
 * still fits with room to spare; work that needs more stops with the `outOfMemory` message below.
 */
export const CORE_HEAP_LIMIT_MB = 192;

/** A core whose worker is still opening the data file: calls made meanwhile wait for it. */
export interface StartingCore extends CoreClient {
  /** Settles once the core has opened (and migrated) the data file; rejects saying why not. */
  ready: Promise<void>;
}

/** Calls that swap the data file: the reader closes its connection first and reopens after. */
const SWAPS_DATA_FILE = new Set(['backup.restore', 'backup.restoreFile']);

const WORKER_GONE =
  '程序的数据处理线程意外退出，这次操作没有完成。请重试；若反复出现，请重新启动 1+X试点工作台。';
const outOfMemory = (limitMb: number) =>
  `这次操作需要的内存超过了上限（${limitMb} MB），已停止，没有完成；之前保存的数据不受影响。若是在导入文件，请把它拆成几个较小的文件分别导入。`;

/**
 * The contract, for its topic map: loaded with the first call that may go to the reader, not
 * with the host, whose start would otherwise wait ~250 ms for its zod schemas to be built.
 */
let contract: Promise<typeof Contract> | undefined;

/** A call the reader may answer: it writes nothing and needs none of the first core's state. */
export async function readerMayAnswer(name: unknown): Promise<boolean> {
  const { handlerTopics, isHandlerName } = await (contract ??= import('../../../shared/contract'));
  if (!isHandlerName(name) || name.startsWith('backup.')) return false;
  const topics = handlerTopics[name] as { writes?: readonly string[] };
  return (topics.writes ?? []).length === 0;
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  /** Calls sent and not yet answered. */
  pending: Map<number, (message: FromWorker) => void>;
  closing: boolean;
  /** It stopped because its heap limit was reached, not for an unknown reason. */
  outOfMemory: boolean;
}

/** `launchCoreWorker`, resolved once the core has opened the data file. */
export async function startCoreWorker(options: CoreWorkerOptions): Promise<CoreClient> {
  const core = launchCoreWorker(options);
  try {
    await core.ready;
  } catch (error) {
    await core.close();
    throw error;
  }
  return core;
}

/**
 * Runs the core in a `worker_threads` worker and answers the same contract: the host keeps
 * its routing, guards and the download endpoint on its own thread. Reads that arrive while the
 * worker is busy (a 60,000-row import preview, a package export) go to a second worker on the
 * same data file, so they are answered without waiting for the long work. Returns at once, so
 * a host can start serving while the core opens the file (`ready`).
 */
export function launchCoreWorker(options: CoreWorkerOptions): StartingCore {
  const events = createEventSource();
  const hostClock = options.hostClock ?? clockOf(options.clock);
  const downloads = createDownloadStore(() => hostClock().getTime());
  let nextId = 1;
  let closed = false;
  const heapLimitMb = options.heapLimitMb ?? CORE_HEAP_LIMIT_MB;

  function spawn(role: CoreWorkerData['role']): Thread {
    const workerData: CoreWorkerData = {
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      clock: options.clock,
      nativeBinding: options.nativeBinding,
      role,
      capabilities: options.host?.openPath ? ['openPath'] : [],
    };
    const worker = new Worker(options.workerFile, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb },
    });
    const pending = new Map<number, (message: FromWorker) => void>();
    const thread: Thread = {
      worker,
      pending,
      closing: false,
      outOfMemory: false,
      ready: Promise.resolve(),
    };
    thread.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            resolve();
            return;
          case 'failed':
            reject(new Error(message.message));
            return;
          case 'event':
            events.emit(message.event);
            return;
          case 'offer':
            downloads.hold(message.offer);
            return;
          case 'log':
            options.log(message.level, message.message, { ...message.data, thread: role });
            return;
          case 'capability':
            void (options.host?.openPath?.(message.folder) ?? Promise.resolve('')).then(
              (value) => send(thread, { type: 'capabilityAnswer', id: message.id, value }),
              (error: unknown) =>
                send(thread, { type: 'capabilityAnswer', id: message.id, value: String(error) }),
            );
            return;
          case 'answer':
          case 'done': {
            const settle = pending.get(message.id);
            pending.delete(message.id);
            settle?.(message);
            return;
          }
        }
      });
      worker.on('error', (error) => {
        if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          thread.outOfMemory = true;
        }
        options.log('error', 'core worker failed', { role, error: String(error?.stack ?? error) });
        reject(error);
      });
      worker.on('exit', (code) => {
        if (!thread.closing) options.log('error', 'core worker exited', { role, code });
        reject(new Error(WORKER_GONE));
        if (primary === thread) primary = undefined;
        if (reader === thread) reader = undefined;
        for (const settle of pending.values()) {
          settle({ type: 'answer', id: 0, envelope: gone(thread.outOfMemory) });
        }
        pending.clear();
      });
    });
    // A failed start is reported by whoever awaits `ready`; never as an unhandled rejection.
    thread.ready.catch(() => undefined);
    return thread;
  }

  const gone = (outOfMemoryStop = false): Envelope<unknown> => ({
    ok: false,
    error: {
      code: 'INTERNAL',
      message: outOfMemoryStop ? outOfMemory(heapLimitMb) : WORKER_GONE,
    },
  });

  function send(thread: Thread, message: ToWorker): void {
    thread.worker.postMessage(message);
  }

  function request(thread: Thread, make: (id: number) => ToWorker): Promise<FromWorker> {
    const id = nextId++;
    return new Promise<FromWorker>((resolve) => {
      thread.pending.set(id, resolve);
      try {
        send(thread, make(id));
      } catch (error) {
        thread.pending.delete(id);
        resolve({
          type: 'answer',
          id,
          envelope: {
            ok: false,
            error: {
              code: 'VALIDATION',
              message: `请求内容无法交给数据处理线程（${(error as Error).message}），未做任何改动。`,
            },
          },
        });
      }
    });
  }

  async function call(thread: Thread, name: unknown, input: unknown): Promise<Envelope<unknown>> {
    try {
      await thread.ready;
    } catch {
      return gone();
    }
    const answer = await request(thread, (id) => ({ type: 'call', id, name, input }));
    return answer.type === 'answer' ? answer.envelope : gone();
  }

  async function stop(thread: Thread | undefined): Promise<void> {
    if (!thread) return;
    thread.closing = true;
    try {
      await thread.ready;
      await request(thread, (id) => ({ type: 'close', id }));
    } catch {
      // it never started: nothing to close
    }
    await thread.worker.terminate();
  }

  const first = spawn('primary');
  let primary: Thread | undefined = first;
  let reader: Thread | undefined;
  const readerWanted = options.reader ?? true;
  const ready = first.ready;
  let started = false;
  ready.then(
    () => (started = true),
    () => undefined, // reported by whoever awaits `ready`
  );
  const currentPrimary = (): Thread => {
    primary ??= spawn('primary');
    return primary;
  };

  /** Calls swapping the data file now: no reader opens it meanwhile. */
  let swapping = 0;

  const dispatch: Dispatch = async (name, input) => {
    if (closed) return gone();
    const first = currentPrimary();
    if (SWAPS_DATA_FILE.has(String(name))) {
      // The reader lets go of the file before it is swapped (Windows cannot replace an open
      // file) and opens the new one with the next call.
      swapping += 1;
      try {
        const stopping = reader;
        reader = undefined;
        await stop(stopping);
        return await call(first, name, input);
      } finally {
        swapping -= 1;
      }
    }
    if (readerWanted && swapping === 0 && started) {
      // Started with the first call after the first core has started, not beside it (both
      // starting at once would slow the app's start), so it is ready before the first long work.
      const second = (reader ??= spawn('reader'));
      if (first.pending.size > 0 && (await readerMayAnswer(name))) {
        try {
          await second.ready;
          return await call(second, name, input);
        } catch {
          // The reader could not start: the first core answers, after its work.
          if (reader === second) reader = undefined;
        }
      }
    }
    return call(first, name, input);
  };

  return {
    ready,
    dispatch,
    events,
    downloads,
    dataDir: options.dataDir,
    backups: {
      async tick() {
        const answer = await request(currentPrimary(), (id) => ({
          type: 'backups',
          id,
          op: 'tick',
        }));
        return answer.type === 'done' ? answer.value : null;
      },
      async idle() {
        await request(currentPrimary(), (id) => ({ type: 'backups', id, op: 'idle' }));
      },
    },
    async close() {
      closed = true;
      await Promise.all([stop(reader), stop(primary)]);
      reader = undefined;
      primary = undefined;
      downloads.clear();
    },
  };
}

import { parentPort, workerData } from 'node:worker_threads';
import type { HostCapabilities } from '../context';
import { createCore, type Core } from '../index';
import { newDownloadToken, type DownloadStore } from '../io/downloads';
import type { Logger } from '../log';
import { clockOf, type CoreWorkerData, type FromWorker, type ToWorker } from './protocol';

/**
 * The core in a `worker_threads` worker (bundled beside each host's bundle: coreWorker.mjs for the
 * web host, coreWorker.cjs for Electron): answers calls by message, sends its events, logs and
 * download offers to the host thread, and asks the host thread for what only it can do (open a
 * folder).
 */

if (!parentPort) throw new Error('worker/entry.ts runs only as a worker thread');
const port = parentPort;
const data = workerData as CoreWorkerData;

const post = (message: FromWorker) => port.postMessage(message);

const log: Logger = (level, message, extra) => {
  try {
    post({ type: 'log', level, message, data: extra });
  } catch {
    post({ type: 'log', level, message, data: { data: String(JSON.stringify(extra)) } });
  }
};

/**
 * Offers go to the host thread's store, which serves the download: the token is made here so
 * the call can answer at once, and the offer message is posted before that answer.
 */
const downloads: DownloadStore = {
  offer(file, meta, options = {}) {
    const token = newDownloadToken();
    const { fileName, mime, size } = meta;
    post({
      type: 'offer',
      offer: { token, file, meta: { fileName, mime, size }, temporary: options.temporary ?? false },
    });
    return { ...meta, token };
  },
  take: () => undefined,
  clear: () => undefined,
};

let nextCapabilityId = 1;
const capabilityAnswers = new Map<number, (value: string) => void>();
const host: HostCapabilities = {};
if (data.capabilities.includes('openPath')) {
  host.openPath = (folder) =>
    new Promise<string>((resolve) => {
      const id = nextCapabilityId++;
      capabilityAnswers.set(id, resolve);
      post({ type: 'capability', id, name: 'openPath', folder });
    });
}

function open(): Core | undefined {
  try {
    return createCore({
      dataDir: data.dataDir,
      clock: clockOf(data.clock),
      log,
      appVersion: data.appVersion,
      nativeBinding: data.nativeBinding,
      host,
      downloads,
      role: data.role,
    });
  } catch (error) {
    // The host reports it (a data file from a newer version, a failed migration) and stops.
    post({ type: 'failed', message: (error as Error)?.message ?? String(error) });
    return undefined;
  }
}

async function answer(core: Core, message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'call': {
      const envelope = await core.dispatch(message.name, message.input);
      try {
        post({ type: 'answer', id: message.id, envelope });
      } catch (error) {
        post({
          type: 'answer',
          id: message.id,
          envelope: {
            ok: false,
            error: {
              code: 'INTERNAL',
              message: `操作“${String(message.name)}”的结果无法传回界面（${(error as Error).message}）。`,
            },
          },
        });
      }
      return;
    }
    case 'backups': {
      try {
        const value = message.op === 'tick' ? await core.backups.tick() : await core.backups.idle();
        post({ type: 'done', id: message.id, value: value ?? null });
      } catch (error) {
        post({ type: 'done', id: message.id, error: String(error) });
      }
      return;
    }
    case 'capabilityAnswer': {
      capabilityAnswers.get(message.id)?.(message.value);
      capabilityAnswers.delete(message.id);
      return;
    }
    case 'close': {
      if (data.role === 'primary') await core.backups.idle();
      core.close();
      post({ type: 'done', id: message.id });
      port.close();
      return;
    }
  }
}

const core = open();
if (core) {
  core.events.on((event) => post({ type: 'event', event }));
  port.on('message', (message: ToWorker) => void answer(core, message));
  post({ type: 'ready', dataDir: core.dataDir, databasePath: core.databasePath });
} else {
  port.close(); // the failure is posted first; the thread then ends
}

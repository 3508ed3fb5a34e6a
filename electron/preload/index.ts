import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, type PilotBridge } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract/errors';
import type { PilotEvent } from '../../shared/contract/events';

// The page gets exactly two functions; no ipcRenderer, no generic send(channel).
const pilot = {
  invoke: (name: string, input: unknown) =>
    ipcRenderer.invoke(INVOKE_CHANNEL, name, input) as Promise<Envelope<unknown>>,
  on: (listener: (event: PilotEvent) => void) => {
    const wrapped = (_event: Electron.IpcRendererEvent, payload: PilotEvent) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    };
  },
} satisfies PilotBridge;

contextBridge.exposeInMainWorld('pilot', pilot);

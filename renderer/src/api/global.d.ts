import type { PilotBridge } from '../../../shared/contract/bridge';

declare global {
  interface Window {
    /** Provided by the Electron preload; installed by the web bridge in the browser. */
    pilot?: PilotBridge;
  }
}

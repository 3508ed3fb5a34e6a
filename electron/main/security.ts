import type {
  Event,
  HandlerDetails,
  PermissionCheckHandlerHandlerDetails,
  WebContents,
  WebFrameMain,
  WebPreferences,
} from 'electron';

/**
 * Every setting of Electron's security checklist as a plain value or function, so unit tests
 * check exactly what the shell uses. This file imports only Electron's types.
 */

/** The page is served from this privileged custom scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'pilotdesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click would open links in a new window; the window-open handler denies those too.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Sites the app may open in the system browser: the national platform and the ministry. */
export const externalLinkAllowList: readonly string[] = [
  'vslc.ncb.edu.cn',
  'www.moe.gov.cn',
  'jyt.hubei.gov.cn',
];

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.username === '' &&
    parsed.password === '' &&
    externalLinkAllowList.includes(parsed.hostname)
  );
}

export type OpenExternal = (url: string) => unknown;

/** `window.open` and target=_blank: never a new Electron window; allowed sites go to the browser. */
export function handleWindowOpen(
  details: Pick<HandlerDetails, 'url'>,
  openExternal: OpenExternal,
): { action: 'deny' } {
  if (isAllowedExternalUrl(details.url)) void openExternal(details.url);
  return { action: 'deny' };
}

/** Any navigation away from the loaded page is stopped; allowed sites go to the browser. */
export function guardNavigation(
  event: Pick<Event, 'preventDefault'>,
  url: string,
  openExternal: OpenExternal,
): void {
  event.preventDefault();
  if (isAllowedExternalUrl(url)) void openExternal(url);
}

/** Camera, microphone, notifications, geolocation…: the app needs none of them. */
export function denyPermissionRequest(
  _webContents: WebContents,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

export function denyPermissionCheck(
  _webContents: WebContents | null,
  _permission: string,
  _origin: string,
  _details: PermissionCheckHandlerHandlerDetails,
): boolean {
  return false;
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    // Compare scheme and host: WHATWG URL gives custom schemes an opaque origin ('null').
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** The web contents events the shell hardens, as a plain interface so tests can drive them. */
export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: Event, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
  setWindowOpenHandler(handler: (details: HandlerDetails) => { action: 'deny' }): void;
}

export function hardenWebContents(contents: HardenableContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, openExternal));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, openExternal));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => handleWindowOpen(details, openExternal));
}

import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/contract/csp';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  denyPermissionCheck,
  denyPermissionRequest,
  guardNavigation,
  handleWindowOpen,
  hardenWebContents,
  isAllowedExternalUrl,
  isTrustedSender,
  secureWebPreferences,
  type HardenableContents,
} from '../../../electron/main/security';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/preload.cjs');
  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });
  it('keeps web security on and dangerous features off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
  it('allows scripts only from the app itself: no eval, no inline, no remote', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/https?:/);
  });
});

describe('external links', () => {
  it.each([
    ['https://vslc.ncb.edu.cn/', true],
    ['http://www.moe.gov.cn/jyb_xxgk/index.html', true],
    ['https://evil.example.com/', false],
    ['https://vslc.ncb.edu.cn.evil.com/', false],
    ['https://user:pw@vslc.ncb.edu.cn/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it('window.open never opens an Electron window; allowed sites go to the system browser', () => {
    const openExternal = vi.fn();
    expect(handleWindowOpen({ url: 'https://vslc.ncb.edu.cn/' }, openExternal)).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledWith('https://vslc.ncb.edu.cn/');
    expect(handleWindowOpen({ url: 'https://evil.example.com/' }, openExternal)).toEqual({
      action: 'deny',
    });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('navigation is always prevented', () => {
    const openExternal = vi.fn();
    const event = { preventDefault: vi.fn() };
    guardNavigation(event, 'https://evil.example.com/', openExternal);
    guardNavigation(event, `${APP_ORIGIN}/other.html`, openExternal);
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      denyPermissionRequest({} as never, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(denyPermissionCheck(null, permission, APP_ORIGIN, {} as never)).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only the app page in the top frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html#/school`, parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example.com/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: {} as never })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('hardenWebContents', () => {
  it('wires navigation, redirect, webview and window-open guards', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (name: string, listener: never) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: never) => (openHandler = handler),
    } as unknown as HardenableContents;
    hardenWebContents(contents, vi.fn());

    expect([...listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
    for (const listener of listeners.values()) {
      const event = { preventDefault: vi.fn() };
      listener(event, 'https://evil.example.com/');
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(openHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../electron/core/paths';
import { isAllowedHost, isAllowedOrigin, singleHeader } from '../../../electron/web/guards';
import { parseWebOptions } from '../../../electron/web/options';
import { resolveStaticPath } from '../../../electron/web/static';

describe('web host guards', () => {
  it('accepts only this machine by name and port (DNS rebinding)', () => {
    expect(isAllowedHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedHost('localhost:5000', 5000)).toBe(true);
    expect(isAllowedHost('127.0.0.1:5001', 5000)).toBe(false);
    expect(isAllowedHost('evil.example.com:5000', 5000)).toBe(false);
    expect(isAllowedHost(undefined, 5000)).toBe(false);
  });

  it('accepts only the page itself as Origin', () => {
    expect(isAllowedOrigin('http://127.0.0.1:5000', 5000)).toBe(true);
    expect(isAllowedOrigin('http://evil.example.com', 5000)).toBe(false);
    expect(isAllowedOrigin('null', 5000)).toBe(false);
    expect(isAllowedOrigin(undefined, 5000)).toBe(false);
  });

  it('reads a header sent once, never a repeated one', () => {
    expect(singleHeader('abc')).toBe('abc');
    expect(singleHeader(['abc', 'def'])).toBeUndefined();
    expect(singleHeader(undefined)).toBeUndefined();
  });

  it('keeps static paths inside the renderer folder', () => {
    const root = path.resolve('/srv/renderer');
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/a.js')).toBe(path.join(root, 'assets', 'a.js'));
    expect(resolveStaticPath(root, '/../secret')).toBeUndefined();
    expect(resolveStaticPath(root, '/%2e%2e/secret')).toBeUndefined();
    expect(resolveStaticPath(root, '/a%00.js')).toBeUndefined();
    expect(resolveStaticPath(root, '/%E0%A4%A')).toBeUndefined();
  });
});

describe('parseWebOptions', () => {
  it('reads flags, and environment variables as defaults', () => {
    expect(parseWebOptions(['--port', '8080', '--data-dir', '/d', '--no-open'], {})).toEqual({
      port: 8080,
      dataDir: '/d',
      open: false,
      clockFile: null,
    });
    expect(parseWebOptions(['--port=0'], { PILOT_DATA_DIR: '/e', PILOT_NO_OPEN: '1' })).toEqual({
      port: 0,
      dataDir: '/e',
      open: false,
      clockFile: null,
    });
    expect(parseWebOptions([], { PILOT_PORT: '9000' }).port).toBe(9000);
  });

  it('refuses unknown flags and bad ports in Chinese', () => {
    expect(() => parseWebOptions(['--bogus'], {})).toThrow('未知参数');
    expect(() => parseWebOptions(['--port', '70000'], {})).toThrow('端口号无效');
    expect(() => parseWebOptions(['--port'], {})).toThrow('缺少取值');
  });
});

describe('defaultDataDir', () => {
  it('matches Electron userData per platform, never Documents', () => {
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/PilotDesk');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/PilotDesk');
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/PilotDesk',
    );
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u'),
    ).toContain('PilotDesk');
  });
});

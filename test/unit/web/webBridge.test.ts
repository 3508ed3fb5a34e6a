import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hostError } from '../../../renderer/src/api/hostErrors';
import { createWebBridge } from '../../../renderer/src/api/webBridge';
import { SESSION_HEADER, webPaths } from '../../../shared/contract/webAccess';

/**
 * A tiny server that answers `/<status>` (and `/api/invoke/<status>`) with that status and a
 * Chinese text, as the web host does; `/api/invoke/ok` with a result envelope.
 */
let server: http.Server;
let base: string;
const sessions: (string | undefined)[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const name = (req.url ?? '').slice(1).replace(webPaths.invoke.slice(1), '');
    sessions.push(req.headers[SESSION_HEADER] as string | undefined);
    if (name === 'ok') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, data: { saved: 1 } }));
      return;
    }
    const status = Number(name);
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(status === 599 ? '' : `主机说明 ${status}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const answer = async (status: number) => hostError(await fetch(`${base}/${status}`));

describe('the web bridge reads a non-2xx answer by its status', () => {
  it('401 and 403 are refusals, told in the host’s own words', async () => {
    expect(await answer(401)).toEqual({ code: 'FORBIDDEN', message: '主机说明 401' });
    expect(await answer(403)).toEqual({ code: 'FORBIDDEN', message: '主机说明 403' });
  });

  it('413 is too large: the host’s words (its limit), then that nothing changed', async () => {
    expect(await answer(413)).toEqual({
      code: 'TOO_LARGE',
      message: '主机说明 413未做任何改动。请换用较小的文件，或分批操作。',
    });
  });

  it('404 and 405 are program faults, not refusals, naming the status and the host’s text', async () => {
    for (const status of [404, 405]) {
      const error = await answer(status);
      expect(error.code).toBe('INTERNAL');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain(`主机说明 ${status}`);
    }
  });

  it('5xx is the host failing, even without a text', async () => {
    const failed = await answer(500);
    expect(failed).toMatchObject({ code: 'INTERNAL' });
    expect(failed.message).toContain('本机服务出错（HTTP 500）：主机说明 500');
    expect((await answer(599)).message).toContain('本机服务出错（HTTP 599）：没有说明');
  });
});

describe('the web bridge’s invoke', () => {
  // The browser the bridge runs in: same-origin relative URLs and the tab's session storage.
  const realFetch = globalThis.fetch;
  beforeAll(() => {
    vi.stubGlobal('sessionStorage', { getItem: () => 'tab-secret' });
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
      realFetch(new URL(url, base), init),
    );
  });
  afterAll(() => vi.unstubAllGlobals());

  it('passes a result through and turns a status into its error, with the session header', async () => {
    const bridge = createWebBridge();
    expect(await bridge.invoke('ok', {})).toEqual({ ok: true, data: { saved: 1 } });
    expect(await bridge.invoke('413', {})).toMatchObject({
      ok: false,
      error: { code: 'TOO_LARGE' },
    });
    expect(await bridge.invoke('403', {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '主机说明 403' },
    });
    expect(sessions.slice(-3)).toEqual(['tab-secret', 'tab-secret', 'tab-secret']);
  });

  it('says the host cannot be reached when nothing answers', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    vi.stubGlobal('fetch', (url: string, init?: RequestInit) =>
      realFetch(new URL(url, `http://127.0.0.1:${port}`), init),
    );
    const result = await createWebBridge().invoke('ok', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!result.ok && result.error.message).toContain('无法连接本机服务');
  });
});

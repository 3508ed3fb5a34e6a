import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { createTestCore, type TestCore } from '../harness/core';

const TOKEN = 'test-token-0123456789abcdef';
let t: TestCore;
let host: WebHost;
let origin: string;

beforeAll(async () => {
  t = createTestCore();
  const rendererDir = path.join(t.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>PilotDesk</title>');
  writeFileSync(path.join(t.dataDir, 'secret.txt'), 'secret');
  host = await startWebHost({ core: t.core, rendererDir, port: 0, token: TOKEN });
  origin = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  t.dispose();
});

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP, so tests can send the Host and Origin headers a browser would not let them forge. */
function request(
  method: string,
  urlPath: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        agent: false,
        method,
        path: urlPath,
        headers: { host: `127.0.0.1:${host.port}`, ...headers },
      },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (data += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }),
        );
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const authed = { 'x-pilot-token': TOKEN };
const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(
    'POST',
    `/api/invoke/${name}`,
    { ...authed, origin, 'content-type': 'application/json', ...headers },
    JSON.stringify(input),
  );

const validProfile = {
  name: '某职业学院',
  kind: 'higher_vocational',
  demonstrationLevel: 'none',
  city: '武汉市',
};

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('answers 403 to any request without the launch token', async () => {
    expect((await request('GET', '/')).status).toBe(403);
    expect((await request('GET', '/?token=wrong')).status).toBe(403);
    const noToken = await request(
      'POST',
      '/api/invoke/school.get',
      { origin, 'content-type': 'application/json' },
      '{}',
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body).toContain('启动令牌');
  });

  it('trades the launch token for an HttpOnly, SameSite=Strict cookie and serves the page with it', async () => {
    const launch = await request('GET', `/?token=${TOKEN}`);
    expect(launch.status).toBe(302);
    expect(launch.headers.location).toBe('/');
    const cookie = launch.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request('GET', '/', { cookie: cookie.split(';')[0] });
    expect(page.status).toBe(200);
    expect(page.body).toContain('PilotDesk');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('rejects a foreign Host header (DNS rebinding), even with the token', async () => {
    const res = await request('GET', '/', { ...authed, host: `evil.example.com:${host.port}` });
    expect(res.status).toBe(403);
  });

  it('rejects calls from a wrong or missing Origin', async () => {
    expect((await call('school.get', {}, { origin: 'http://evil.example.com' })).status).toBe(403);
    const noOrigin = await request(
      'POST',
      '/api/invoke/school.get',
      { ...authed, 'content-type': 'application/json' },
      '{}',
    );
    expect(noOrigin.status).toBe(403);
  });

  it('validates payloads with the same dispatcher and writes nothing on error', async () => {
    const bad = await call('school.save', { ...validProfile, code: '123' });
    expect(JSON.parse(bad.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'code' }] } },
    });
    const notJson = await request(
      'POST',
      '/api/invoke/school.save',
      { ...authed, origin },
      '{not json',
    );
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await call('school.dropAll', {});
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_HANDLER' },
    });
    expect(JSON.parse((await call('school.get', {})).body)).toEqual({ ok: true, data: null });

    const good = await call('school.save', validProfile);
    expect(JSON.parse(good.body)).toMatchObject({ ok: true, data: { name: '某职业学院' } });
  });

  it('refuses bodies over the size limit', async () => {
    // The host answers 413 and drops the connection, possibly before the client finishes sending.
    const outcome = await call('school.save', { name: 'x'.repeat(65 * 1024 * 1024) }).then(
      (res) => res.status,
      (error: NodeJS.ErrnoException) => error.code,
    );
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(outcome);
    expect(JSON.parse((await call('school.get', {})).body)).toMatchObject({ ok: true });
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      expect((await request('GET', p, authed)).status, p).toBe(404);
    }
  });

  it('streams core events to the page as server-sent events', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/events',
          headers: { host: `127.0.0.1:${host.port}`, ...authed },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            data += chunk;
            if (data.includes('connected')) {
              t.core.events.emit({
                type: 'progress',
                taskId: 't1',
                label: '导入',
                done: 5,
                total: 10,
              });
            }
            const match = /data: (.*)\n\n/.exec(data);
            if (match) {
              resolve(match[1]);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(await received)).toEqual({
      type: 'progress',
      taskId: 't1',
      label: '导入',
      done: 5,
      total: 10,
    });
  });
});

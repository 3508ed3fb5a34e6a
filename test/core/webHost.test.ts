import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/server';
import { UPLOADS_DIR } from '../../electron/core/dataFiles';
import type { FileOffer } from '../../shared/contract/files';
import { INPUT_HEADER } from '../../shared/contract/webAccess';
import { createTestCore, type TestCore } from '../harness/core';

const TOKEN = 'test-token-0123456789abcdef';
let t: TestCore;
let host: WebHost;
let origin: string;
/** The host's clock for ticket expiry; tests move it. */
let now = Date.parse('2026-03-01T08:00:00Z');
/** The session the launch token was exchanged for, as the first page would. */
let secret: string;

beforeAll(async () => {
  t = createTestCore();
  const rendererDir = path.join(t.dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>PilotDesk</title>');
  writeFileSync(path.join(t.dataDir, 'secret.txt'), 'secret');
  host = await startWebHost({
    core: t.core,
    rendererDir,
    port: 0,
    token: TOKEN,
    clock: () => new Date(now),
  });
  origin = `http://127.0.0.1:${host.port}`;
  const exchange = await request('POST', '/api/session', { 'x-pilot-launch': TOKEN, origin });
  expect(exchange.status).toBe(200);
  secret = (JSON.parse(exchange.body) as { secret: string }).secret;
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
  body?: string | Buffer,
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

const authed = () => ({ 'x-pilot-session': secret });
const call = (name: string, input: unknown, headers: Record<string, string> = {}) =>
  request(
    'POST',
    `/api/invoke/${name}`,
    { ...authed(), origin, 'content-type': 'application/json', ...headers },
    JSON.stringify(input),
  );

/** A ticket asked for with `headers` (the session's by default). */
async function ticketFor(
  ticketPath: string,
  headers: Record<string, string> = authed(),
): Promise<RawResponse> {
  return request(
    'POST',
    '/api/ticket',
    { ...headers, origin, 'content-type': 'application/json' },
    JSON.stringify({ path: ticketPath }),
  );
}
const ticketOf = (res: RawResponse) => (JSON.parse(res.body) as { ticket: string }).ticket;

/** The status the event stream answers with this ticket; the stream is closed straight away. */
function eventsStatus(ticket: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port: host.port,
        agent: false,
        path: `/api/events?ticket=${encodeURIComponent(ticket)}`,
        headers: { host: `127.0.0.1:${host.port}` },
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      },
    );
    req.on('error', reject);
  });
}

const exchange = (launchToken: string) =>
  request('POST', '/api/session', { 'x-pilot-launch': launchToken, origin });

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

  it('serves the page itself to this machine, but no API call without a session', async () => {
    const page = await request('GET', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('PilotDesk');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
    const noSession = await request(
      'POST',
      '/api/invoke/school.get',
      { origin, 'content-type': 'application/json' },
      '{}',
    );
    expect(noSession.status).toBe(403);
    expect(noSession.body).toContain('会话');
    // Neither the printed launch token nor the old header opens the API.
    expect((await call('school.get', {}, { 'x-pilot-session': TOKEN })).status).toBe(403);
    expect((await call('school.get', {}, { 'x-pilot-session': '' })).status).toBe(403);
    const oldHeader = await request(
      'POST',
      '/api/invoke/school.get',
      { 'x-pilot-token': TOKEN, origin, 'content-type': 'application/json' },
      '{}',
    );
    expect(oldHeader.status).toBe(403);
  });

  it('trusts no cookie: a cookie never authorises, and a planted one does not break the session', async () => {
    const cookies = [`pilotdesk_token_${host.port}=${TOKEN}`, `x-pilot-session=${secret}`];
    for (const cookie of cookies) {
      const res = await request(
        'POST',
        '/api/invoke/school.get',
        { cookie, origin, 'content-type': 'application/json' },
        '{}',
      );
      expect(res.status, cookie).toBe(403);
    }
    expect((await request('GET', '/api/events', { cookie: cookies[0] })).status).toBe(403);
    const planted = await call('school.get', {}, { cookie: `pilotdesk_token_${host.port}=bogus` });
    expect(JSON.parse(planted.body)).toMatchObject({ ok: true });
    // Answers set no cookie either.
    expect(planted.headers['set-cookie']).toBeUndefined();
  });

  it('spends the launch token on its first exchange: the URL in history is worthless after', async () => {
    // beforeAll exchanged it, as the first page does.
    const again = await exchange(TOKEN);
    expect(again.status).toBe(403);
    expect(again.body).toContain('链接已失效，请重新启动 1+X试点工作台');
    expect((await exchange('wrong')).status).toBe(403);
    expect((await exchange('')).status).toBe(403);
    // The page at the launch URL still loads; it is the exchange that refuses.
    expect((await request('GET', `/?token=${TOKEN}`)).status).toBe(200);
  });

  it('keeps the session secret working for every later call (a reload sends it again)', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect(JSON.parse((await call('school.get', {})).body)).toMatchObject({ ok: true });
    }
  });

  it('a launch link asked for by a session opens one more session (another tab), once', async () => {
    const link = await ticketFor('/api/session');
    expect(link.status).toBe(200);
    const opened = await exchange(ticketOf(link));
    expect(opened.status).toBe(200);
    const second = (JSON.parse(opened.body) as { secret: string }).secret;
    expect(second).not.toBe(secret);
    const res = await call('school.get', {}, { 'x-pilot-session': second });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
    expect((await exchange(ticketOf(link))).status).toBe(403);
    // The exchange also needs the page's Origin, like every call.
    const link2 = ticketOf(await ticketFor('/api/session'));
    const foreign = await request('POST', '/api/session', {
      'x-pilot-launch': link2,
      origin: 'http://127.0.0.1:1',
    });
    expect(foreign.status).toBe(403);
  });

  it('issues tickets only to a session, and only for the paths that need them', async () => {
    expect((await ticketFor('/api/events', {})).status).toBe(403);
    expect((await ticketFor('/api/events', { 'x-pilot-session': TOKEN })).status).toBe(403);
    const other = await ticketFor('/api/invoke/backup.download');
    expect(other.status).toBe(400);
    expect(other.body).toContain('票据只能用于');
  });

  it('a ticket works once, and only on the path it was issued for', async () => {
    const ticket = ticketOf(await ticketFor('/api/events'));
    expect(await eventsStatus(ticket)).toBe(200);
    expect(await eventsStatus(ticket)).toBe(403);
    // A launch link is no key to the event stream, and an event ticket opens no session.
    expect(await eventsStatus(ticketOf(await ticketFor('/api/session')))).toBe(403);
    expect((await exchange(ticketOf(await ticketFor('/api/events')))).status).toBe(403);
    expect(await eventsStatus('made-up')).toBe(403);
  });

  it('refuses a ticket after its 60 seconds, and a spent attempt does not revive it', async () => {
    const early = ticketOf(await ticketFor('/api/events'));
    const late = ticketOf(await ticketFor('/api/events'));
    const lateLink = ticketOf(await ticketFor('/api/session'));
    now += 59_000;
    expect(await eventsStatus(early)).toBe(200);
    now += 2_000;
    expect(await eventsStatus(late)).toBe(403);
    expect((await exchange(lateLink)).status).toBe(403);
    now -= 2_000;
    expect(await eventsStatus(late)).toBe(403);
  });

  it('rejects a foreign Host header (DNS rebinding), even with the token', async () => {
    const res = await request('GET', '/', { host: `evil.example.com:${host.port}` });
    expect(res.status).toBe(403);
    const rebound = await call('school.get', {}, { host: `evil.example.com:${host.port}` });
    expect(rebound.status).toBe(403);
  });

  it('rejects calls from a wrong or missing Origin', async () => {
    expect((await call('school.get', {}, { origin: 'http://evil.example.com' })).status).toBe(403);
    const noOrigin = await request(
      'POST',
      '/api/invoke/school.get',
      { ...authed(), 'content-type': 'application/json' },
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
      { ...authed(), origin },
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

  it('takes an upload piece as the request body, the rest of its input in a header', async () => {
    const begun = JSON.parse(
      (await call('uploads.begin', { fileName: '备份.sqlite', size: 6 })).body,
    );
    const { uploadId } = begun.data as { uploadId: string };
    const piece = (inputHeader: string, bytes: Buffer) =>
      request(
        'POST',
        '/api/invoke/uploads.chunk',
        {
          ...authed(),
          origin,
          'content-type': 'application/octet-stream',
          [INPUT_HEADER]: inputHeader,
        },
        bytes,
      );
    const header = (input: unknown) => encodeURIComponent(JSON.stringify(input));
    // Bytes that are not text arrive as they were sent.
    const first = await piece(header({ uploadId, offset: 0 }), Buffer.from([0, 0xff, 0xfe, 10]));
    expect(JSON.parse(first.body)).toEqual({ ok: true, data: { received: 4, size: 6 } });
    const [staged] = readdirSync(path.join(t.dataDir, UPLOADS_DIR));
    expect([...readFileSync(path.join(t.dataDir, UPLOADS_DIR, staged))]).toEqual([0, 255, 254, 10]);
    // The header is checked by the same contract; a header that is not JSON is refused.
    expect(JSON.parse((await piece(header({ offset: 4 }), Buffer.from('ab'))).body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'uploadId' }] } },
    });
    expect(JSON.parse((await piece('{not json', Buffer.from('ab'))).body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON，未做任何改动。' },
    });
    // JSON cannot carry a piece's bytes.
    expect(
      JSON.parse((await call('uploads.chunk', { uploadId, offset: 4, content: 'YWI=' })).body),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'content' }] } },
    });
    const last = await piece(header({ uploadId, offset: 4 }), Buffer.from('ab'));
    expect(JSON.parse(last.body)).toEqual({ ok: true, data: { received: 6, size: 6 } });
    await call('uploads.cancel', { uploadId });
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

  it('refuses a call without a session before reading its body', async () => {
    // Only the first MB of a declared 60 MB body is sent: the answer cannot have waited for it.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          agent: false,
          method: 'POST',
          path: '/api/invoke/school.save',
          headers: {
            host: `127.0.0.1:${host.port}`,
            origin,
            'content-type': 'application/json',
            'content-length': String(60 * 1024 * 1024),
          },
        },
        (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.write(Buffer.alloc(1024 * 1024, 0x20));
    });
    expect(status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      expect((await request('GET', p)).status, p).toBe(404);
    }
  });

  it('streams an offered file once from its download path, and never to a foreign Host', async () => {
    const backup = JSON.parse((await call('backup.create', {})).body) as { data: { id: string } };
    const answer = await call('backup.download', { id: backup.data.id });
    const offer = (JSON.parse(answer.body) as { data: FileOffer }).data;
    expect(answer.body).not.toContain('SQLite format 3'); // the bytes are not in the answer
    const foreign = await request('GET', `/api/download/${offer.token}`, {
      host: 'evil.example:80',
    });
    expect(foreign.status).toBe(403);

    const fetched = await request('GET', `/api/download/${offer.token}`);
    expect(fetched.status).toBe(200);
    expect(fetched.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(offer.fileName)}`,
    );
    expect(Number(fetched.headers['content-length'])).toBe(offer.size);
    expect(fetched.body.startsWith('SQLite format 3')).toBe(true);

    const again = await request('GET', `/api/download/${offer.token}`);
    expect(again.status).toBe(404);
    expect(again.body).toContain('下载链接已失效');
    expect((await request('GET', '/api/download/guessed')).status).toBe(404);
  });

  it('streams core events to the page as server-sent events', async () => {
    const ticket = ticketOf(await ticketFor('/api/events'));
    const received = new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: `/api/events?ticket=${ticket}`,
          headers: { host: `127.0.0.1:${host.port}` },
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

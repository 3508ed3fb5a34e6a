import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import type { Envelope } from '../../shared/contract/errors';
import type { Core } from '../core';
import { isAllowedHost, isAllowedOrigin, readCookie, tokenCookieName, tokensMatch } from './guards';
import { contentTypeFor, resolveStaticPath } from './static';

export interface WebHostOptions {
  core: Core;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Uploaded files travel base64-encoded inside calls: 64 MB leaves room for a 45 MB file.
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const INVOKE_PREFIX = '/api/invoke/';

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function sendText(
  res: http.ServerResponse,
  status: number,
  text: string,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    ...extra,
  });
  res.end(text);
}

function sendEnvelope(res: http.ServerResponse, envelope: Envelope<unknown>): void {
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(envelope));
}

async function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The web host: the built renderer and the core's dispatcher on 127.0.0.1 only. Every request
 * needs the per-launch token (cookie set from the launch URL, or the `x-pilot-token` header) and
 * a Host header naming this address; calls also need a matching Origin.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir, token } = options;
  let port = options.port;
  const clients = new Set<http.ServerResponse>();
  const unsubscribe = core.events.on((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of clients) client.write(frame);
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `服务出错：${String(error)}`);
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      sendText(res, 403, '拒绝访问：请求的主机名不是本机地址 127.0.0.1。');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const cookieName = tokenCookieName(port);
    const queryToken = url.searchParams.get('token') ?? undefined;

    if (req.method === 'GET' && queryToken !== undefined && tokensMatch(queryToken, token)) {
      // Trade the launch URL's token for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      res.writeHead(302, {
        ...securityHeaders,
        'Set-Cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      res.end();
      return;
    }
    const headerToken = req.headers['x-pilot-token'];
    const given =
      (typeof headerToken === 'string' ? headerToken : undefined) ??
      readCookie(req.headers.cookie, cookieName);
    if (!tokensMatch(given, token)) {
      sendText(res, 403, '拒绝访问：缺少或错误的启动令牌。请使用 npm run web 打印的完整地址打开。');
      return;
    }

    if (url.pathname.startsWith(INVOKE_PREFIX)) {
      if (req.method !== 'POST') {
        sendText(res, 405, '调用接口只接受 POST 请求。');
        return;
      }
      if (!isAllowedOrigin(req.headers.origin, port)) {
        sendText(res, 403, '拒绝访问：请求来源（Origin）不是本应用页面。');
        return;
      }
      const body = await readBody(req);
      if (body === undefined) {
        // Stop reading the rest of an oversized body: answer, then drop the connection.
        sendText(res, 413, '请求内容过大（超过 64 MB）。', { Connection: 'close' });
        res.on('finish', () => req.destroy());
        return;
      }
      let input: unknown;
      try {
        input = body === '' ? {} : JSON.parse(body);
      } catch {
        sendEnvelope(res, {
          ok: false,
          error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON，未做任何改动。' },
        });
        return;
      }
      const name = decodeURIComponent(url.pathname.slice(INVOKE_PREFIX.length));
      sendEnvelope(res, await core.dispatch(name, input));
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        ...securityHeaders,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, '不支持的请求方法。');
      return;
    }
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) {
      sendText(res, 404, '找不到该页面。');
      return;
    }
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      sendText(res, 404, '找不到该页面。');
      return;
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': contentTypeFor(file),
      'Cache-Control': file.endsWith('.html') ? 'no-store' : 'max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

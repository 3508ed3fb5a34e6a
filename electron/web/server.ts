import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import type { Envelope } from '../../shared/contract/errors';
import type { CoreClient } from '../core/worker/client';
import {
  INPUT_HEADER,
  LAUNCH_HEADER,
  LAUNCH_PARAM,
  SESSION_HEADER,
  TICKET_PARAM,
  webPaths,
  type SessionAnswer,
  type TicketAnswer,
} from '../../shared/contract/webAccess';
import { createWebAccess, TICKET_PATHS } from './access';
import { answerDownload } from './download';
import { isAllowedHost, isAllowedOrigin, singleHeader } from './guards';
import { contentTypeFor, resolveStaticPath } from './static';

export interface WebHostOptions {
  /** The core in a worker (`startCoreWorker`), or in this thread (`createCore`, tests). */
  core: CoreClient;
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The launch token printed in the URL: spent by the first page that opens it. */
  token: string;
  /** Ticket expiry is measured by this clock; the real time unless a test injects one. */
  clock?: () => Date;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

// Uploaded files travel base64-encoded inside calls: 64 MB leaves room for a 45 MB file.
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const API_PREFIX = '/api/';
const LINK_EXPIRED = '链接已失效，请重新启动 1+X试点工作台，在浏览器中打开它新给出的地址。';
const NO_SESSION =
  '拒绝访问：缺少或无效的会话。请从 PilotDesk 重新打开（重新运行 npm run web，打开它新打印的地址）。';

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

function sendJson(res: http.ServerResponse, value: unknown): void {
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(value));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A call's input: the JSON body, or — for bytes sent as they are (an upload's piece) — the
 * `INPUT_HEADER` JSON with the body as its `content`. Undefined when either is not valid JSON.
 */
function callInput(req: http.IncomingMessage, body: Buffer): unknown {
  try {
    if (req.headers['content-type']?.startsWith('application/octet-stream')) {
      const rest: unknown = JSON.parse(
        decodeURIComponent(singleHeader(req.headers[INPUT_HEADER]) ?? '{}'),
      );
      return { ...(rest as object), content: body };
    }
    return body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The web host: the built renderer and the core's dispatcher on 127.0.0.1 only. Every request
 * needs a Host header naming this address. The page's files are public (they hold no data); the
 * API trusts no cookie: calls need a tab's session secret in a header and a matching Origin, the
 * event stream a single-use ticket (see access.ts).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir, token } = options;
  const access = createWebAccess(token, options.clock ?? (() => new Date()));
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
    if (url.pathname.startsWith(API_PREFIX)) await handleApi(req, res, url);
    else await serveStatic(req, res, url);
  }

  async function handleApi(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
    if (url.pathname === webPaths.events && req.method === 'GET') {
      if (!access.takeTicket(url.searchParams.get(TICKET_PARAM) ?? undefined, webPaths.events)) {
        sendText(res, 403, '拒绝访问：事件流的票据缺失、已用过或已过期。');
        return;
      }
      openEventStream(req, res);
      return;
    }
    if (req.method === 'GET') {
      // The token is the credential: unguessable, single-use, only ever in an answer to a call
      // that carried the session secret.
      const download = await answerDownload(url.pathname, core.downloads);
      if (download?.status === 404) sendText(res, 404, download.text);
      else if (download) {
        res.writeHead(200, { ...securityHeaders, ...download.headers });
        await pipeline(download.body, res);
      }
      if (download) return;
    }
    if (req.method !== 'POST') {
      sendText(res, 405, '接口只接受 POST 请求。');
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      sendText(res, 403, '拒绝访问：请求来源（Origin）不是本应用页面。');
      return;
    }
    if (url.pathname === webPaths.session) {
      const secret = access.openSession(singleHeader(req.headers[LAUNCH_HEADER]));
      if (secret === undefined) sendText(res, 403, LINK_EXPIRED);
      else sendJson(res, { secret } satisfies SessionAnswer);
      return;
    }
    if (!access.hasSession(singleHeader(req.headers[SESSION_HEADER]))) {
      sendText(res, 403, NO_SESSION);
      return;
    }
    const body = await readBody(req);
    if (body === undefined) {
      // Stop reading the rest of an oversized body: answer, then drop the connection.
      sendText(res, 413, '请求内容过大（超过 64 MB）。', { Connection: 'close' });
      res.on('finish', () => req.destroy());
      return;
    }
    const input = callInput(req, body);
    if (input === undefined) {
      sendJson(res, {
        ok: false,
        error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON，未做任何改动。' },
      } satisfies Envelope<unknown>);
      return;
    }
    if (url.pathname === webPaths.ticket) {
      const path = (input as { path?: unknown } | null)?.path;
      if (typeof path !== 'string' || !TICKET_PATHS.includes(path)) {
        sendText(
          res,
          400,
          `票据只能用于 ${TICKET_PATHS.join('、')}，收到的路径：${String(path)}。`,
        );
        return;
      }
      sendJson(res, { ticket: access.issueTicket(path) } satisfies TicketAnswer);
      return;
    }
    if (url.pathname.startsWith(webPaths.invoke)) {
      const name = decodeURIComponent(url.pathname.slice(webPaths.invoke.length));
      sendJson(res, await core.dispatch(name, input));
      return;
    }
    sendText(res, 404, '找不到该接口。');
  }

  function openEventStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
  }

  async function serveStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
  ): Promise<void> {
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
    url: `http://127.0.0.1:${port}/?${LAUNCH_PARAM}=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const client of clients) client.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

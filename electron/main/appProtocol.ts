import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { DownloadStore } from '../core/io/downloads';
import { answerDownload } from '../web/download';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import { contentTypeFor, resolveStaticPath } from '../web/static';
import { APP_HOST } from './security';

/**
 * Answers `app://pilotdesk/...` from the built renderer, with the same CSP as the web host, and
 * the core's offered downloads (`/api/download/<token>`), streamed like the web host's.
 * Other hosts on the scheme and paths leaving the folder get 404.
 */
export async function serveAppRequest(
  requestUrl: string,
  rendererDir: string,
  downloads: Pick<DownloadStore, 'take'>,
): Promise<Response> {
  const url = new URL(requestUrl);
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
  const download =
    url.host === APP_HOST ? await answerDownload(url.pathname, downloads) : undefined;
  if (download?.status === 404) {
    return new Response(download.text, {
      status: 404,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  if (download) {
    // Electron's download manager asks where to save and writes the stream straight to disk.
    const body = Readable.toWeb(download.body) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers: { ...headers, ...download.headers } });
  }
  const file = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : undefined;
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeFor(file) },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

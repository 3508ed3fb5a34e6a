import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import { contentTypeFor, resolveStaticPath } from '../web/static';
import { APP_HOST } from './security';

/**
 * Answers `app://pilotdesk/...` from the built renderer, with the same CSP as the web host.
 * Other hosts on the scheme and paths leaving the folder get 404.
 */
export async function serveAppRequest(requestUrl: string, rendererDir: string): Promise<Response> {
  const url = new URL(requestUrl);
  const file = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : undefined;
  const headers = {
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
  };
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

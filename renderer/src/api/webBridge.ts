import type { PilotBridge } from '../../../shared/contract/bridge';
import type { Envelope } from '../../../shared/contract/errors';
import type { PilotEvent } from '../../../shared/contract/events';
import {
  INPUT_HEADER,
  TICKET_PARAM,
  webPaths,
  type TicketAnswer,
} from '../../../shared/contract/webAccess';
import { hostError, unreachableError } from './hostErrors';
import { sessionHeaders } from './webSession';

// After the stream drops (host restarted, sleep), try again this long after, at most.
const RECONNECT_MIN_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;

/** A single-use URL ticket for the event stream, asked for with the tab's session. */
async function eventsTicket(): Promise<string | undefined> {
  try {
    const response = await fetch(webPaths.ticket, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...sessionHeaders() },
      body: JSON.stringify({ path: webPaths.events }),
      credentials: 'omit',
    });
    return response.ok ? ((await response.json()) as TicketAnswer).ticket : undefined;
  } catch {
    return undefined;
  }
}

/** The request for one call: its input as JSON, or its bytes as the body (see INPUT_HEADER). */
function callRequest(input: unknown): { headers: Record<string, string>; body: BodyInit } {
  const { content, ...rest } = (input ?? {}) as { content?: unknown };
  if (content instanceof Uint8Array) {
    return {
      headers: {
        'Content-Type': 'application/octet-stream',
        [INPUT_HEADER]: encodeURIComponent(JSON.stringify(rest)),
      },
      body: new Blob([content as Uint8Array<ArrayBuffer>]),
    };
  }
  return { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(input ?? {}) };
}

/**
 * `window.pilot` for the web host: calls go as same-origin POSTs carrying the tab's session
 * secret in a header (no cookie); events arrive as server-sent events, opened with a ticket.
 */
export function createWebBridge(): PilotBridge {
  return {
    async invoke(name, input) {
      try {
        const { headers, body } = callRequest(input);
        const response = await fetch(`${webPaths.invoke}${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { ...headers, ...sessionHeaders() },
          body,
          credentials: 'omit',
        });
        if (!response.ok) return { ok: false, error: await hostError(response) };
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: unreachableError() };
      }
    },
    on(listener) {
      let source: EventSource | undefined;
      let closed = false;
      let delay = RECONNECT_MIN_MS;
      let retry: ReturnType<typeof setTimeout> | undefined;
      // A ticket is spent on connecting, so EventSource's own retry (same URL) cannot work.
      const connect = async () => {
        const ticket = await eventsTicket();
        if (closed) return;
        if (ticket === undefined) {
          retry = setTimeout(reconnect, delay);
          return;
        }
        source = new EventSource(
          `${webPaths.events}?${TICKET_PARAM}=${encodeURIComponent(ticket)}`,
        );
        source.onopen = () => (delay = RECONNECT_MIN_MS);
        source.onmessage = (message: MessageEvent<string>) =>
          listener(JSON.parse(message.data) as PilotEvent);
        source.onerror = () => {
          source?.close();
          retry = setTimeout(reconnect, delay);
        };
      };
      const reconnect = () => {
        delay = Math.min(delay * 2, RECONNECT_MAX_MS);
        void connect();
      };
      void connect();
      return () => {
        closed = true;
        clearTimeout(retry);
        source?.close();
      };
    },
  };
}

/**
 * How the web host's page proves itself (see electron/web/access.ts). No cookie is trusted:
 * calls carry the tab's session secret in a header; what cannot send headers (the event stream)
 * carries a single-use ticket in its URL; the launch URL's token is spent on the first exchange.
 */
export const SESSION_HEADER = 'x-pilot-session';
export const LAUNCH_HEADER = 'x-pilot-launch';
/** `?token=` in the printed launch URL. */
export const LAUNCH_PARAM = 'token';
export const TICKET_PARAM = 'ticket';
/**
 * A call whose input carries bytes (`content`, an upload's piece) is sent as those bytes
 * (`application/octet-stream`); the rest of its input travels in this header, as URI-encoded
 * JSON. Bytes never become base64 text on the way.
 */
export const INPUT_HEADER = 'x-pilot-input';

export const webPaths = {
  session: '/api/session',
  ticket: '/api/ticket',
  events: '/api/events',
  invoke: '/api/invoke/',
  /** `GET download/<token>`: a FileOffer's bytes, once (both hosts answer it). */
  download: '/api/download/',
} as const;

/** POST webPaths.session answers this; POST webPaths.ticket answers `{ ticket }`. */
export interface SessionAnswer {
  secret: string;
}
export interface TicketAnswer {
  ticket: string;
}

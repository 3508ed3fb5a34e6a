import { createHash, randomBytes } from 'node:crypto';
import { webPaths } from '../../shared/contract/webAccess';

/**
 * Where a ticket may be spent: the launch exchange (a link for another tab) and the event stream
 * (EventSource cannot send headers).
 */
export const TICKET_PATHS: readonly string[] = [webPaths.session, webPaths.events];

export const TICKET_TTL_MS = 60_000;

interface Ticket {
  path: string;
  /** null: the printed launch token, which waits for the user however long they take. */
  expiresAt: number | null;
}

export interface WebAccess {
  /** A single-use ticket for one path, valid for TICKET_TTL_MS. */
  issueTicket(path: string): string;
  /** True once for a ticket issued for this path and not expired; any attempt spends it. */
  takeTicket(ticket: string | undefined, path: string): boolean;
  /** Spends a launch token (a ticket for webPaths.session) and returns a new session secret. */
  openSession(launchToken: string | undefined): string | undefined;
  hasSession(secret: string | undefined): boolean;
}

const newSecret = () => randomBytes(24).toString('base64url');

/*
 * Secrets are kept by their SHA-256, so a map lookup's timing says nothing about the secret's
 * characters (no constant-time comparison needed) and memory holds no usable value.
 */
const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

/**
 * The web host's credentials: the launch token printed on the command line, the session
 * secrets it is exchanged for (one per browser tab), and the short-lived URL tickets. All live
 * in memory only, so restarting the host invalidates them.
 */
export function createWebAccess(launchToken: string, clock: () => Date): WebAccess {
  const tickets = new Map<string, Ticket>([
    [digest(launchToken), { path: webPaths.session, expiresAt: null }],
  ]);
  const sessions = new Set<string>();

  const takeTicket = (ticket: string | undefined, path: string): boolean => {
    if (!ticket) return false;
    const key = digest(ticket);
    const found = tickets.get(key);
    if (!found) return false;
    tickets.delete(key);
    return found.path === path && (found.expiresAt === null || clock().getTime() < found.expiresAt);
  };

  return {
    issueTicket(path) {
      const now = clock().getTime();
      // Tickets nobody spent would otherwise pile up.
      for (const [key, ticket] of tickets) {
        if (ticket.expiresAt !== null && ticket.expiresAt <= now) tickets.delete(key);
      }
      const ticket = newSecret();
      tickets.set(digest(ticket), { path, expiresAt: now + TICKET_TTL_MS });
      return ticket;
    },
    takeTicket,
    openSession(token) {
      if (!takeTicket(token, webPaths.session)) return undefined;
      const secret = newSecret();
      sessions.add(digest(secret));
      return secret;
    },
    hasSession: (secret) => secret !== undefined && secret !== '' && sessions.has(digest(secret)),
  };
}

import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { FileOffer } from '../../../shared/contract/files';

/** An offer nobody fetched within this time is dropped (and a temporary file removed). */
export const DOWNLOAD_TTL_MS = 10 * 60 * 1000;

/** A fetched offer: the host streams `file`, then calls `done` (which removes a temporary file). */
export interface TakenDownload {
  file: string;
  fileName: string;
  mime: string;
  size: number;
  done(): void;
}

export interface DownloadStore {
  /**
   * Offers `file` for one download. A temporary file belongs to the store from now on: it is
   * removed once fetched, on expiry, or when the store is cleared.
   */
  offer(
    file: string,
    meta: { fileName: string; mime: string; size: number },
    options?: { temporary?: boolean },
  ): FileOffer;
  /** The offer for `token` if it exists and has not expired; taking it spends it. */
  take(token: string | undefined): TakenDownload | undefined;
  /** Drops every offer (the core is closing). */
  clear(): void;
}

/** A file offered in another thread (the core's worker), handed to the host's store to serve. */
export interface ForwardedOffer {
  token: string;
  file: string;
  meta: { fileName: string; mime: string; size: number };
  temporary: boolean;
}

/** The host's store: also holds offers made in the core's worker under the worker's token. */
export interface HostDownloadStore extends DownloadStore {
  hold(offer: ForwardedOffer): void;
}

interface Held {
  file: string;
  fileName: string;
  mime: string;
  size: number;
  temporary: boolean;
  expiresAt: number;
}

/** An unguessable download token (24 random bytes). */
export const newDownloadToken = () => randomBytes(24).toString('base64url');

// Kept by the token's SHA-256, like the web host's tickets: memory holds no usable token.
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * The files the core has offered for download. Both hosts answer `GET /api/download/<token>`
 * from here (the web host over HTTP, Electron on its app:// scheme), so the page saves a large
 * file the same way in both, streamed from disk.
 */
export function createDownloadStore(now: () => number): HostDownloadStore {
  const held = new Map<string, Held>();

  const drop = (key: string) => {
    const entry = held.get(key);
    held.delete(key);
    if (entry?.temporary) rmSync(entry.file, { force: true });
  };

  const hold = ({ token, file, meta, temporary }: ForwardedOffer) => {
    const time = now();
    for (const [key, entry] of held) if (entry.expiresAt <= time) drop(key);
    held.set(digest(token), { file, ...meta, temporary, expiresAt: time + DOWNLOAD_TTL_MS });
  };

  return {
    hold,
    offer(file, meta, options = {}) {
      const token = newDownloadToken();
      hold({ token, file, meta, temporary: options.temporary ?? false });
      return { ...meta, token };
    },
    take(token) {
      if (!token) return undefined;
      const key = digest(token);
      const entry = held.get(key);
      if (!entry) return undefined;
      held.delete(key);
      if (entry.expiresAt <= now()) {
        if (entry.temporary) rmSync(entry.file, { force: true });
        return undefined;
      }
      return {
        file: entry.file,
        fileName: entry.fileName,
        mime: entry.mime,
        size: entry.size,
        done: () => {
          if (entry.temporary) rmSync(entry.file, { force: true });
        },
      };
    },
    clear() {
      for (const key of [...held.keys()]) drop(key);
    },
  };
}

/**
 * The response headers for a download: the name in RFC 6266 form (UTF-8, so Chinese names
 * survive) with an ASCII fallback, and nothing cached.
 */
export function downloadHeaders(download: Pick<TakenDownload, 'fileName' | 'mime' | 'size'>) {
  const fallback = download.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return {
    'Content-Type': download.mime,
    'Content-Length': String(download.size),
    'Content-Disposition': `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
    'Cache-Control': 'no-store',
  };
}

/** What both hosts answer for a missing, spent or expired token. */
export const DOWNLOAD_GONE =
  '下载链接已失效（已用过或超过 10 分钟未下载）。请回到应用重新导出或下载。';

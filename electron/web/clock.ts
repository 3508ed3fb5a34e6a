import { readFileSync } from 'node:fs';

/**
 * A test-only clock (`--clock-file`): every call reads an ISO time such as
 * `2026-03-20T10:00:00Z` from the file, so an end-to-end test moves the web host's time by
 * rewriting it. A missing, empty or unreadable file gives the real time.
 */
export function fileClock(file: string, realTime: () => Date = () => new Date()): () => Date {
  return () => {
    let text = '';
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch {
      return realTime();
    }
    const ms = Date.parse(text);
    return text !== '' && !Number.isNaN(ms) ? new Date(ms) : realTime();
  };
}

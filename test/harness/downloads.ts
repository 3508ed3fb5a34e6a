import { readFileSync } from 'node:fs';
import type { Core } from '../../electron/core';
import type { FileOffer } from '../../shared/contract/files';

// What was fetched, so a test may look at the same file twice.
const fetched = new Map<string, Buffer>();

/** The bytes of a file the core offered, fetched as a host would: once, by its token. */
export function downloaded(core: Core, offer: FileOffer): Buffer {
  const known = fetched.get(offer.token);
  if (known) return known;
  const taken = core.downloads.take(offer.token);
  if (!taken) throw new Error(`the offer of ${offer.fileName} is spent or expired`);
  try {
    const bytes = readFileSync(taken.file);
    fetched.set(offer.token, bytes);
    return bytes;
  } finally {
    taken.done();
  }
}

import { readdirSync } from 'node:fs';

/**
 * The names in a folder, none when it cannot be read: a folder not made yet (no backups, no
 * uploads) or removed meanwhile holds nothing to list or clean.
 */
export function namesIn(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

import { readFileSync } from 'node:fs';

export const toMb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * This process's own peak RSS: Linux's VmHWM belongs to the current address space, while
 * getrusage's maxRSS keeps the parent's peak across fork + exec (a bench parent holding 500 MB
 * would show as this child's peak).
 */
export function peakRssBytes(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

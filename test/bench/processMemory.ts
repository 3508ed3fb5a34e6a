import { readFileSync } from 'node:fs';

export const toMb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * A process's peak RSS (this one's by default): Linux's VmHWM belongs to the current address
 * space, while getrusage's maxRSS keeps the parent's peak across fork + exec (a bench parent
 * holding 500 MB would show as this child's peak). Another process's peak is known on Linux only.
 */
export function peakRssBytes(pid: number | 'self' = 'self'): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  if (pid !== 'self') throw new Error(`the peak memory of process ${pid} is not readable here`);
  return process.resourceUsage().maxRSS * 1024;
}

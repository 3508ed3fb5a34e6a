/** The middle value of a list of timings. */
export function median(list: readonly number[]): number {
  return [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
}

/** Median of timed runs, in milliseconds. */
export async function medianMs(
  runs: number,
  fn: () => unknown | Promise<unknown>,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export interface BenchRow {
  name: string;
  /** Median time; absent for a row that measures size. */
  ms?: number;
  /** A size in KB (1,000 bytes), for rows that measure bytes rather than time. */
  kb?: number;
  baseline?: string;
  baselineMs?: number;
  /** ms / baselineMs */
  ratio?: number;
  target?: string;
  /** Set when the row has a hard target and missed it: `npm run bench` then exits non-zero. */
  missed?: boolean;
}

/** A size row: `bytes` against a hard target in bytes. */
export function sizeRow(name: string, bytes: number, targetBytes: number): BenchRow {
  const kb = bytes / 1000;
  return { name, kb, target: `≤ ${targetBytes / 1000} KB`, missed: bytes > targetBytes };
}

/**
 * A memory row: peak RSS of the work, in its own fresh process, against the baseline's peak in
 * the same run (memory, unlike time, is stable across machines, so the target is hard).
 */
export function rssRow(
  name: string,
  peakMb: number,
  baseline: { name: string; peakMb: number },
  maxRatio: number,
): BenchRow {
  const ratio = peakMb / baseline.peakMb;
  return {
    name: `${name}: peak RSS ${peakMb} MB`,
    baseline: `${baseline.name}: peak RSS ${baseline.peakMb} MB`,
    ratio,
    target: `peak RSS ratio ≤ ${maxRatio}`,
    missed: ratio > maxRatio,
  };
}

/** A memory row with an absolute limit: peak RSS in MB against `limitMb`. */
export function rssLimitRow(name: string, peakMb: number, limitMb: number): BenchRow {
  return {
    name: `${name}: peak RSS ${peakMb} MB`,
    target: `peak RSS ≤ ${limitMb} MB`,
    missed: peakMb > limitMb,
  };
}

export function row(
  name: string,
  ms: number,
  baseline?: { name: string; ms: number },
  target?: string,
): BenchRow {
  return baseline
    ? {
        name,
        ms,
        baseline: baseline.name,
        baselineMs: baseline.ms,
        ratio: ms / baseline.ms,
        target,
      }
    : { name, ms, target };
}

export function printTable(rows: readonly BenchRow[]): void {
  const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '' : n.toFixed(digits));
  const lines = [
    ['benchmark', 'median ms', 'KB', 'baseline', 'baseline ms', 'ratio', 'target'],
    ...rows.map((r) => [
      r.name,
      fmt(r.ms),
      fmt(r.kb, 0),
      r.baseline ?? '',
      fmt(r.baselineMs),
      fmt(r.ratio, 2),
      `${r.target ?? ''}${r.missed ? '  MISSED' : ''}`,
    ]),
  ];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => [...l[i]].length)));
  for (const line of lines) {
    process.stdout.write(`${line.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
  }
}

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
  ms: number;
  baseline?: string;
  baselineMs?: number;
  /** ms / baselineMs */
  ratio?: number;
  target?: string;
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
    ['benchmark', 'median ms', 'baseline', 'baseline ms', 'ratio', 'target'],
    ...rows.map((r) => [
      r.name,
      fmt(r.ms),
      r.baseline ?? '',
      fmt(r.baselineMs),
      fmt(r.ratio, 2),
      r.target ?? '',
    ]),
  ];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => [...l[i]].length)));
  for (const line of lines) {
    process.stdout.write(`${line.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
  }
}

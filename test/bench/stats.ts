/** The middle value of a list of timings. */
export function median(list: readonly number[]): number {
  return [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
}

/** The time of each of `runs` runs, in milliseconds. */
export async function timeRuns(
  runs: number,
  fn: () => unknown | Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times;
}

/** Median of timed runs, in milliseconds. */
export async function medianMs(
  runs: number,
  fn: () => unknown | Promise<unknown>,
): Promise<number> {
  return median(await timeRuns(runs, fn));
}

/** How far a row's runs lie apart (slowest − fastest): the noise a missed target must exceed. */
export function spread(list: readonly number[]): number {
  return list.length === 0 ? 0 : Math.max(...list) - Math.min(...list);
}

/**
 * A time row's hard target: an absolute budget for what a person feels, a
 * ratio to the baseline's median for machine work, or both.
 */
export interface TimeTarget {
  maxMs?: number;
  maxRatio?: number;
}

export interface BenchRow {
  name: string;
  /** Median time; absent for a row that measures size. */
  ms?: number;
  /** Slowest − fastest of the row's runs (and of its baseline's, scaled, for a ratio target). */
  spreadMs?: number;
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

/** Runs (or a single already-summarised time) as their median and spread. */
function summary(ms: number | readonly number[]): { median: number; spread: number } {
  return typeof ms === 'number'
    ? { median: ms, spread: 0 }
    : { median: median(ms), spread: spread(ms) };
}

const targetText = (target: TimeTarget) =>
  [
    target.maxMs === undefined ? '' : `≤ ${target.maxMs} ms`,
    target.maxRatio === undefined ? '' : `ratio ≤ ${target.maxRatio}`,
  ]
    .filter(Boolean)
    .join(' and ');

/**
 * A time row from its runs. With a `TimeTarget` the row is judged: missed when its median is
 * over a limit by more than the spread of the runs (for a ratio, the baseline's spread counts
 * too), so a busy machine's noise does not fail it but a real regression does. A string target
 * is printed for reference only.
 */
export function row(
  name: string,
  ms: number | readonly number[],
  baseline?: { name: string; ms: number | readonly number[] },
  target?: string | TimeTarget,
): BenchRow {
  const own = summary(ms);
  const base = baseline ? summary(baseline.ms) : undefined;
  const judged = typeof target === 'object' ? target : undefined;
  const note = typeof target === 'string' ? target : undefined;
  const over: number[] = [];
  let noise = own.spread;
  if (judged?.maxMs !== undefined) over.push(own.median - judged.maxMs);
  if (judged?.maxRatio !== undefined && base) {
    noise += judged.maxRatio * base.spread;
    over.push(own.median - judged.maxRatio * base.median);
  }
  return {
    name,
    ms: own.median,
    ...(typeof ms === 'number' ? {} : { spreadMs: noise }),
    ...(baseline && base
      ? { baseline: baseline.name, baselineMs: base.median, ratio: own.median / base.median }
      : {}),
    target: judged ? targetText(judged) : note,
    ...(judged ? { missed: over.some((by) => by > noise) } : {}),
  };
}

export function printTable(rows: readonly BenchRow[]): void {
  const fmt = (n: number | undefined, digits = 1) => (n === undefined ? '' : n.toFixed(digits));
  const lines = [
    ['benchmark', 'median ms', '± spread', 'KB', 'baseline', 'baseline ms', 'ratio', 'target'],
    ...rows.map((r) => [
      r.name,
      fmt(r.ms),
      fmt(r.spreadMs),
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

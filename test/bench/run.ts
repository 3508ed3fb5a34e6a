import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/webHost';
import { benchCoreOpen } from './core.bench';
import { benchCoreWorker } from './coreWorker.bench';
import { benchPackage } from './package.bench';
import { benchDashboard } from './dashboard.bench';
import { benchFees } from './fees.bench';
import { benchSelfCheck, benchTeacherFilter } from './projects.bench';
import { benchResultsImport } from './results.bench';
import { printTable, type BenchRow } from './stats';
import { benchStudentImport, benchStudents } from './students.bench';
import { benchFirstPaintScripts, benchWebColdStart, benchWebStart } from './webStart.bench';

const benches: [name: string, run: () => Promise<BenchRow[]>][] = [
  ['core', benchCoreOpen],
  ['firstpaint', benchFirstPaintScripts],
  ['webstart', benchWebColdStart],
  ['webcli', benchWebStart],
  ['selfcheck', benchSelfCheck],
  ['teachers', benchTeacherFilter],
  ['import', () => benchStudentImport()],
  ['results', () => benchResultsImport()],
  ['students', benchStudents],
  ['package', benchPackage],
  ['fees', () => benchFees()],
  ['dashboard', () => benchDashboard()],
  ['worker', benchCoreWorker],
];

/**
 * `npm run bench`: every benchmark, a table on stdout and JSON in test-results/bench.json.
 * `BENCH=fees,students npm run bench` runs only the named ones (`BENCH=import`: the import row).
 */
async function main(): Promise<void> {
  const only = (process.env.BENCH ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = only.filter((name) => !benches.some(([known]) => known === name));
  if (unknown.length > 0) {
    throw new Error(
      `unknown BENCH ${unknown.join(', ')}; known: ${benches.map(([n]) => n).join(', ')}`,
    );
  }
  const rows: BenchRow[] = [];
  for (const [name, run] of benches) {
    if (only.length === 0 || only.includes(name)) rows.push(...(await run()));
  }
  printTable(rows);
  const out = path.join(repoRoot, 'test-results', 'bench.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows },
      null,
      2,
    ),
  );
  process.stdout.write(`\nJSON: ${path.relative(repoRoot, out)}\n`);
  const missed = rows.filter((r) => r.missed);
  if (missed.length > 0) {
    process.stderr.write(`targets missed: ${missed.map((r) => r.name).join('; ')}\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});

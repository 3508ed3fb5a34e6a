import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/webHost';
import { benchCoreOpen } from './core.bench';
import { benchPackage } from './package.bench';
import { benchDashboard } from './dashboard.bench';
import { benchFees } from './fees.bench';
import { benchSelfCheck, benchTeacherFilter } from './projects.bench';
import { printTable, type BenchRow } from './stats';
import { benchStudents } from './students.bench';
import { benchWebColdStart } from './webStart.bench';

/** `npm run bench`: every benchmark, a table on stdout and JSON in test-results/bench.json. */
async function main(): Promise<void> {
  const rows: BenchRow[] = [
    ...(await benchCoreOpen()),
    ...(await benchWebColdStart()),
    ...(await benchSelfCheck()),
    ...(await benchTeacherFilter()),
    ...(await benchStudents()),
    ...(await benchPackage()),
    ...(await benchFees()),
    ...(await benchDashboard()),
  ];
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
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});

// `npm test`: typecheck, lint, build, Vitest, Playwright. Prints each runner's counts and how
// long each step took, and ends with one line `N passed, N failed, N skipped` summing them; exits
// non-zero if anything failed. `--under-load` (what CI runs) keeps every core busy with
// test/harness/cpu-load.mjs during the Playwright step, to prove its waits hold on a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCpuLoad } from './cpu-load.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'test-results');
rmSync(path.join(results, 'vitest.json'), { force: true });
rmSync(path.join(results, 'playwright.json'), { force: true });
mkdirSync(results, { recursive: true });

const underLoad = process.argv.includes('--under-load');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const timings = [];
function step(label, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const started = Date.now();
  const status = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status;
  timings.push(`${label} ${Math.round((Date.now() - started) / 1000)} s`);
  return status === 0;
}

const failedSteps = [];
for (const [label, args] of [
  ['typecheck', [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json']],
  ['lint', [bin('eslint', 'bin/eslint.js'), '.']],
  ['format', [bin('prettier', 'bin/prettier.cjs'), '--check', '.']],
  [
    'build',
    [
      bin('vite', 'bin/vite.js'),
      'build',
      '--config',
      'renderer/vite.config.mts',
      '--logLevel',
      'warn',
    ],
  ],
  ['build electron', ['electron/cli/build-electron.mjs']],
]) {
  if (!step(label, args)) failedSteps.push(label);
}

const vitestOk = step('vitest', [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--config',
  'test/vitest.config.mts',
]);
const stopLoad = underLoad ? startCpuLoad() : () => {};
const playwrightOk = step(underLoad ? 'playwright (every core kept busy)' : 'playwright', [
  bin('@playwright/test', 'cli.js'),
  'test',
  '--config',
  'test/e2e/playwright.config.ts',
]);
stopLoad();

function vitestCounts() {
  const file = path.join(results, 'vitest.json');
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

function playwrightCounts() {
  const file = path.join(results, 'playwright.json');
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, reasons: [] };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const reasons = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const why =
            t.annotations?.find((a) => a.type === 'skip' || a.type === 'fixme')?.description ??
            'no reason given';
          reasons.push(`${spec.title}: ${why}`);
        }
      }
    }
    (suite.suites ?? []).forEach(walk);
  };
  (r.suites ?? []).forEach(walk);
  const s = r.stats ?? {};
  return {
    passed: s.expected ?? 0,
    failed: (s.unexpected ?? 0) + (s.flaky ?? 0),
    skipped: s.skipped ?? 0,
    reasons,
  };
}

const v = vitestCounts();
const p = playwrightCounts();
if (!vitestOk && v.failed === 0) v.failed = 1;
if (!playwrightOk && p.failed === 0) p.failed = 1;

process.stdout.write('\n');
process.stdout.write(`steps: ${timings.join(', ')}\n`);
process.stdout.write(`vitest: ${v.passed} passed, ${v.failed} failed, ${v.skipped} skipped\n`);
process.stdout.write(`playwright: ${p.passed} passed, ${p.failed} failed, ${p.skipped} skipped\n`);
for (const reason of p.reasons) process.stdout.write(`  skipped — ${reason}\n`);
if (failedSteps.length) process.stdout.write(`failed steps: ${failedSteps.join(', ')}\n`);

const passed = v.passed + p.passed;
const failed = v.failed + p.failed + failedSteps.length;
process.stdout.write(`${passed} passed, ${failed} failed, ${v.skipped + p.skipped} skipped\n`);
process.exit(failed > 0 ? 1 : 0);

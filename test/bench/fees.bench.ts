import path from 'node:path';
import type { Core } from '../../electron/core';
import type { LedgerQuery } from '../../shared/contract/fees';
import { insertBatches, insertSignups, openDataFile, type SeedSignup } from '../harness/seedExams';
import { csvBytes, upload } from '../harness/sheets';
import { rosterHeader, rosterRows } from '../harness/students';
import { makeTempDir } from '../harness/webHost';
import { openAppPage } from './appPage';
import { actionToRender } from './renderProbe';
import { median, row, timeRuns, type BenchRow } from './stats';
import { openBenchCore } from '../harness/core';
import { call } from '../harness/seed';

const STUDENTS = 50_000;
const BATCHES = 40;

/**
 * 50,000 students through the roster import (as the students bench), then 40 batches over four
 * certificates and 100,000 sign-ups with the SQL seed harness: every student in two batches,
 * the second paid by the student for one in ten, 学生自愿自费 alone (a rule-13 violation) for
 * one in a thousand (the rule-13 violations), and one first sign-up in twenty withdrawn.
 */
export async function seedFeesSchool(dataDir: string): Promise<void> {
  const core = openBenchCore(dataDir);
  try {
    const csv = csvBytes([[...rosterHeader], ...rosterRows(STUDENTS)]);
    await call(core, 'students.importCommit', { file: upload('全校.csv', csv) });
  } finally {
    core.close();
  }
  const db = openDataFile(dataDir);
  try {
    const levels = ['junior', 'intermediate', 'senior'] as const;
    const batchIds = insertBatches(
      db,
      Array.from({ length: BATCHES }, (_, i) => ({
        certificateId: 1 + (i % 4),
        level: levels[i % 3],
        examDate: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
        feeFen: 30_000 + (i % 5) * 5_000,
        name: `2026年第${i + 1}批`,
      })),
    );
    const studentIds = db.prepare('SELECT id FROM students ORDER BY id').pluck().all() as number[];
    const signups: SeedSignup[] = [];
    studentIds.forEach((studentId, n) => {
      const a = batchIds[n % BATCHES];
      const b = batchIds[(n + 7) % BATCHES];
      const alone = n % 1000 === 0;
      signups.push({
        studentId,
        batchId: a,
        feeFen: 40_000,
        payer: alone ? 'student' : n % 3 === 0 ? 'subsidy' : 'school',
        status: n % 20 === 5 ? 'withdrawn' : 'registered',
      });
      signups.push({
        studentId,
        batchId: b,
        feeFen: 45_000,
        payer: alone || n % 10 === 0 ? 'student' : 'school',
      });
    });
    insertSignups(db, signups);
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
}

/** The fee ledger's queries at 100,000 sign-ups, through the dispatcher (validation included). */
async function benchCore(core: Core, runs: number): Promise<BenchRow[]> {
  const facets = (await call(core, 'fees.facets', {})) as { batches: { id: number }[] };
  const cases: [string, LedgerQuery][] = [
    ['first page + count and sum, no filter', {}],
    ['one batch (2.5k), payer 学校承担', { batchIds: [facets.batches[3].id], payers: ['school'] }],
    [
      'certificate filter (25k), sorted by 学号',
      { certificateIds: [2], sortBy: 'studentNo', sortOrder: 'asc' },
    ],
    ['payer 学生自愿自费 + status 已报名', { payers: ['student'], statuses: ['registered'] }],
    ['name prefix search (李)', { search: '李' }],
    ['学号 prefix search (2023)', { search: '2023' }],
  ];
  const out: BenchRow[] = [];
  for (const [label, query] of cases) {
    const ms = await timeRuns(runs, () => call(core, 'fees.ledger', query));
    out.push(row(`fees ledger @100k sign-ups: ${label}`, ms, undefined, { maxMs: 30 }));
  }
  out.push(
    row(
      'fees totals @100k (certificate, level, major, payer)',
      await timeRuns(runs, () => call(core, 'fees.totals', {})),
      undefined,
      { maxMs: 30 },
    ),
    row(
      'fees rule check @100k (rule 13 + caps)',
      await timeRuns(runs, () => call(core, 'fees.violations', {})),
      undefined,
      { maxMs: 30 },
    ),
    row(
      'fees reconcile @100k (per batch and organization)',
      await timeRuns(runs, () => call(core, 'fees.reconcile', {})),
      undefined,
      { maxMs: 30 },
    ),
  );
  return out;
}

async function benchBrowser(dataDir: string, runs: number): Promise<BenchRow[]> {
  const app = await openAppPage(dataDir);
  try {
    const { page } = app;
    await page.getByRole('menuitem', { name: '费用台账' }).click();
    await page.getByTestId('fees-summary').waitFor();
    const settle = () => page.waitForTimeout(300); // past the debounce window
    const search = (value: string) =>
      actionToRender(
        page,
        { typeInto: '#fees-search', value },
        { table: '[data-testid=fees-table]', attribute: 'data-search', value },
      );
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await settle();
      times.push(await search(['李', '王', '张'][i % 3]));
      await settle();
      await search('');
    }
    // The same search as one call from the page (transport + core, no rendering).
    const calls: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      calls.push(
        await page.evaluate(
          async (search) => {
            const start = performance.now();
            await window.pilot!.invoke('fees.ledger', { search });
            return performance.now() - start;
          },
          ['李', '王', '张'][i % 3],
        ),
      );
    }
    return [
      row('Chromium @100k sign-ups: the ledger search call alone (web host + core)', median(calls)),
      row(
        'Chromium @100k sign-ups: keystroke in ledger search → table rendered',
        times,
        undefined,
        { maxMs: 50 },
      ),
    ];
  } finally {
    await app.close();
  }
}

/** 费用台账 at 50,000 students and 100,000 sign-ups: core queries and keystroke-to-render. */
export async function benchFees(runs = 11): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-fees-');
  try {
    const dataDir = path.join(temp.dir, 'school');
    await seedFeesSchool(dataDir);
    const core = openBenchCore(dataDir);
    const coreRows = await benchCore(core, runs);
    core.close();
    const browserRows = await benchBrowser(dataDir, 15);
    return [...coreRows, ...browserRows];
  } finally {
    temp.remove();
  }
}

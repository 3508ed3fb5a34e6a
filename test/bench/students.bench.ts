import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mainBundleOptions } from '../../electron/cli/electron-bundle.mjs';
import { DATABASE_FILE, type Core } from '../../electron/core';
import type { StudentListQuery } from '../../shared/contract/students';
import { webPaths } from '../../shared/contract/webAccess';
import { csvBytes, upload, xlsxBytes } from '../harness/sheets';
import { rosterHeader, rosterRows } from '../harness/students';
import { makeTempDir, repoRoot, startWebHostProcess } from '../harness/webHost';
import { openAppPage } from './appPage';
import { actionToRender } from './renderProbe';
import { excelJsStreamingRead, rawInsert } from './rawImport';
import { median, row, rssLimitRow, timeRuns, type BenchRow } from './stats';
import { peakRssBytes, toMb } from './processMemory';
import { openBenchCore } from '../harness/core';
import { call } from '../harness/seed';
import { softwareMajor } from '../harness/majors';

const software = softwareMajor;

const BIG_ROSTER = 60_000;

/**
 * The child (importRss.ts) bundled by esbuild with the web host's own options, so it runs the
 * core as `npm run web` does (dist/web/cli.cjs), not TypeScript compiled at load by tsx, whose
 * compiler and source maps would add some 65 MB to every figure.
 */
async function bundleBenchChild(dir: string): Promise<string> {
  const outfile = path.join(dir, 'importRss.cjs');
  await build({
    ...mainBundleOptions,
    absWorkingDir: repoRoot,
    entryPoints: [path.join(import.meta.dirname, 'importRss.ts')],
    outfile,
    sourcemap: false,
    // Beside the repository's node_modules is where the bundle finds better-sqlite3.
    nodePaths: [path.join(repoRoot, 'node_modules')],
  });
  return outfile;
}

interface ChildRun {
  beforeMb: number;
  peakMb: number;
  ms: number;
  previewBytes: number;
}

function runChild(script: string, args: string[]): ChildRun {
  const run = spawnSync(process.execPath, [script, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules') },
  });
  if (run.status !== 0) throw new Error(`importRss ${args[0]}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ChildRun;
}

/**
 * A 60,000-row roster previewed and committed in a fresh process each run, as the web host runs
 * them, against the raw baseline (ExcelJS's streaming read + a raw insert, also in a fresh
 * process): time (target ratio ≤ 1.5), and peak RSS against the rosters issue's 350 MB and
 * beside the baseline's peak.
 */
async function benchBigImport(temp: string, runs: number): Promise<BenchRow[]> {
  const xlsxFile = path.join(temp, 'roster-60k.xlsx');
  writeFileSync(
    xlsxFile,
    await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(BIG_ROSTER)] }),
  );
  const script = await bundleBenchChild(temp);
  const core: ChildRun[] = [];
  const raw: ChildRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    const dir = path.join(temp, `big-${i}`);
    core.push(runChild(script, ['core', dir, xlsxFile, String(BIG_ROSTER)]));
    const rawDir = path.join(temp, `big-raw-${i}`);
    openBenchCore(rawDir).close(); // the same schema and indexes
    raw.push(
      runChild(script, ['raw', path.join(rawDir, DATABASE_FILE), xlsxFile, String(BIG_ROSTER)]),
    );
  }
  const webHostPeakMb = await webHostImportPeakMb(path.join(temp, 'big-web'), xlsxFile);
  const peakMb = Math.max(...core.map((r) => r.peakMb));
  const rawPeakMb = Math.max(...raw.map((r) => r.peakMb));
  const limitMb = 350;
  const baseline = 'ExcelJS streaming read + raw insert, 1 txn, fresh process';
  return [
    row(
      `students: import 60k-row .xlsx (preview + commit, fresh process; preview answer ${Math.round(core[0].previewBytes / 1000)} KB)`,
      core.map((r) => r.ms),
      { name: baseline, ms: raw.map((r) => r.ms) },
      { maxRatio: 1.5 },
    ),
    {
      name: `  its peak RSS ${peakMb} MB (${core[0].beforeMb} MB before the file; highest of ${runs} runs)`,
      baseline: `baseline's peak RSS ${rawPeakMb} MB`,
      ratio: peakMb / rawPeakMb,
      target: `peak RSS ≤ ${limitMb} MB`,
      missed: peakMb > limitMb,
    },
    rssLimitRow(
      '  the same in `npm run web` (HTTP thread + core worker + reader worker, whole process)',
      webHostPeakMb,
      limitMb,
    ),
  ];
}

/**
 * The rosters issue's own measure: the whole web host process (its HTTP thread and both core
 * workers) previewing and committing the roster as the page sends it, on a fresh data folder.
 */
async function webHostImportPeakMb(dataDir: string, xlsxFile: string): Promise<number> {
  const host = await startWebHostProcess(dataDir);
  try {
    const invoke = async (name: string, input: unknown) => {
      const response = await fetch(`${host.origin}${webPaths.invoke}${name}`, {
        method: 'POST',
        headers: { ...host.headers, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const answer = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!answer.ok) throw new Error(`${name}: ${answer.error?.message}`);
    };
    await invoke('majors.save', softwareMajor);
    const file = {
      fileName: '全校名单.xlsx',
      contentBase64: readFileSync(xlsxFile).toString('base64'),
    };
    await invoke('students.importPreview', { file });
    await invoke('students.importCommit', { file });
    return toMb(peakRssBytes(host.pid));
  } finally {
    await host.stop();
  }
}

/** Median of `runs` timings of `fn`, each after an untimed `setup`. */
export async function medianWithSetup<S>(
  runs: number,
  setup: () => S | Promise<S>,
  fn: (state: S) => unknown,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const state = await setup();
    const start = process.hrtime.bigint();
    await fn(state);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** 20,000-row .xlsx roster: preview + commit through the core vs raw ExcelJS parse + insert. */
async function benchImport(temp: string, runs: number): Promise<BenchRow[]> {
  const bytes = await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(20_000)] });
  const file = upload('名单.xlsx', bytes);
  let n = 0;
  const freshCore = async () => {
    n += 1;
    const core = openBenchCore(path.join(temp, `import-${n}`));
    await call(core, 'majors.save', software);
    return core;
  };
  const times = { preview: [] as number[], commit: [] as number[] };
  const core = await medianWithSetup(runs, freshCore, async (c) => {
    let start = performance.now();
    await call(c, 'students.importPreview', { file });
    times.preview.push(performance.now() - start);
    start = performance.now();
    const result = (await call(c, 'students.importCommit', { file })) as { created: number };
    times.commit.push(performance.now() - start);
    c.close();
    if (result.created !== 20_000) throw new Error(`imported ${result.created} rows`);
  });

  const rawTimes = { read: [] as number[], insert: [] as number[] };
  const raw = await medianWithSetup(
    runs,
    () => {
      n += 1;
      const dir = path.join(temp, `raw-${n}`);
      openBenchCore(dir).close(); // the same schema and indexes (migration 007)
      return path.join(dir, DATABASE_FILE);
    },
    async (dbFile) => {
      let start = performance.now();
      const rows = await excelJsStreamingRead(bytes);
      rawTimes.read.push(performance.now() - start);
      start = performance.now();
      rawInsert(dbFile, rows);
      rawTimes.insert.push(performance.now() - start);
      if (rows.length !== 20_001) throw new Error(`read ${rows.length} rows`);
    },
  );
  return [
    row(
      'students: import 20k-row .xlsx (preview + commit)',
      core,
      { name: 'ExcelJS streaming read + raw insert, 1 txn', ms: raw },
      'ratio ≤ 1.5',
    ),
    row('  of which preview (read + check every row)', median(times.preview)),
    row(
      '  of which commit (check again + write + ANALYZE; file parsed once)',
      median(times.commit),
    ),
    row('  baseline: ExcelJS streaming read', median(rawTimes.read)),
    row('  baseline: raw insert of 20k rows', median(rawTimes.insert)),
  ];
}

/** The list page's queries at 50,000 students, through the dispatcher (validation included). */
export async function benchList(core: Core, runs: number): Promise<BenchRow[]> {
  const cases: [string, StudentListQuery][] = [
    ['first page + counts, no filter', {}],
    ['name prefix search (李)', { search: '李' }],
    ['学号 prefix search (2023, 12.5k hits)', { search: '2023' }],
    ['ID number prefix search (4201, all hit)', { search: '4201' }],
    [
      'class filter + year filter',
      { classNames: ['软件2301班', '软件2302班'], entryYears: [2023] },
    ],
    [
      'pilot + gender filter, sorted by name desc',
      {
        pilot: true,
        genders: ['female'],
        sortBy: 'name',
        sortOrder: 'desc',
      },
    ],
    ['students without a matched major, by class', { majors: ['none'], sortBy: 'className' }],
    ['last page (offset 49,900)', { page: 500 }],
  ];
  const out: BenchRow[] = [];
  for (const [label, query] of cases) {
    const ms = await timeRuns(runs, () => call(core, 'students.list', query));
    out.push(row(`students list @50k: ${label}`, ms, undefined, { maxMs: 30 }));
  }
  out.push(
    row(
      'students facets @50k (majors, classes, years, counts)',
      await timeRuns(runs, () => call(core, 'students.facets', {})),
      undefined,
      { maxMs: 30 },
    ),
  );
  return out;
}

/** Keystroke (and filter click) to rendered table in Chromium, against the web host at 50k. */
export async function benchBrowser(dataDir: string, runs: number): Promise<BenchRow[]> {
  const app = await openAppPage(dataDir);
  try {
    const { page } = app;
    await page.getByRole('menuitem', { name: '学生' }).click();
    await page.getByText('共 50,000 名学生').waitFor();
    const settle = () => page.waitForTimeout(300); // past the debounce window
    const table = '[data-testid=students-table]';
    const search = (value: string) =>
      actionToRender(
        page,
        { typeInto: '#students-search', value },
        { table, attribute: 'data-search', value },
      );
    const pilot = (text: string, value: string) =>
      actionToRender(
        page,
        { click: '[data-testid=students-pilot-filter] .ant-segmented-item', text },
        { table, attribute: 'data-pilot', value },
      );
    const searches: number[] = [];
    const filters: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await settle();
      searches.push(await search(['李', '王', '张'][i % 3]));
      await settle();
      await search('');
      await settle();
      filters.push(await pilot('试点学生', 'true'));
      await settle();
      await pilot('全部', 'all');
    }
    return [
      row('Chromium @50k: keystroke in search → table rendered', searches, undefined, {
        maxMs: 50,
      }),
      row('Chromium @50k: filter click → table rendered', filters, undefined, { maxMs: 50 }),
    ];
  } finally {
    await app.close();
  }
}

/**
 * The 20k-row roster import in this process and the 60k-row one in fresh processes, each against
 * raw ExcelJS + SQLite (`BENCH=import` runs only these).
 */
export async function benchStudentImport(runs = 3): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-import-');
  try {
    return [...(await benchImport(temp.dir, runs)), ...(await benchBigImport(temp.dir, runs))];
  } finally {
    temp.remove();
  }
}

/**
 * Students: the list's search, filters and counts at 50,000 students in the core, and
 * keystroke-to-render in Chromium.
 */
export async function benchStudents(): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-students-');
  try {
    const dataDir = path.join(temp.dir, 'school-50k');
    const core = openBenchCore(dataDir);
    await call(core, 'majors.save', software);
    const csv = csvBytes([[...rosterHeader], ...rosterRows(50_000)]);
    await call(core, 'students.importCommit', { file: upload('全校.csv', csv) });
    const listRows = await benchList(core, 11);
    core.close();

    const browserRows = await benchBrowser(dataDir, 15);
    return [...listRows, ...browserRows];
  } finally {
    temp.remove();
  }
}

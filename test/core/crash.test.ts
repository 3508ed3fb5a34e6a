import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  utimesSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DIR, createCore, DATABASE_FILE, type Core } from '../../electron/core';
import { EXPORTS_DIR } from '../../electron/core/modules/package/service';
import type { PackageVerifyReport } from '../../shared/contract/package';
import { dumpDatabase } from '../harness/dumpDatabase';
import { makePdf } from '../harness/files';
import { call } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { upload, xlsxBytes } from '../harness/sheets';
import { rosterHeader, rosterRows } from '../harness/students';
import { seededRandom } from '../harness/random';
import { makeTempDir, repoRoot } from '../harness/webHost';
import { staged } from '../harness/uploads';

/**
 * Crash safety: a core process is killed with SIGKILL at random points during a 20,000-row
 * roster import and during a package export, 20 times each; after each kill a fresh core opens
 * the data folder and finds it sound, with all or none of the import and no partial package.
 * The delays come from a seeded PRNG: rerun a failure with CRASH_SEED=<the printed seed>.
 */
const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const KILLS = 20;
const IMPORTED = 20_000;

const random = seededRandom(seed);

interface ChildRun {
  /** True when our SIGKILL ended it (false: it finished first). */
  killed: boolean;
  /** When each piece of work it reported done had finished (ms after `started`). */
  done: number[];
  /** When the import's write transaction began (ms after `started`), if it did. */
  writing: number | null;
  output: string;
}

/**
 * Runs test/harness/crashChild.ts and, when `killAfter` is given, kills it with SIGKILL that
 * many ms after it printed the `trigger` line (`started …`, or `writing …` for the import's
 * write transaction).
 */
function runChild(
  args: string[],
  killAfter: number | null,
  trigger: 'started ' | 'writing ' = 'started ',
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'test', 'harness', 'crashChild.ts'), ...args],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let killed = false;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfter !== null && timer === undefined && output.includes(trigger)) {
        timer = setTimeout(() => {
          if (child.exitCode === null && child.signalCode === null) {
            killed = child.kill('SIGKILL');
          }
        }, killAfter);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === null && code !== 0) {
        return reject(new Error(`crash child failed (${code}):\n${output}`));
      }
      const done = [...output.matchAll(/^done \w+ (\d+)$/gm)].map((m) => Number(m[1]));
      const writing = /^writing (\d+)$/m.exec(output);
      resolve({
        killed: killed && signal === 'SIGKILL',
        done,
        writing: writing ? Number(writing[1]) : null,
        output,
      });
    });
  });
}

/** A fresh core on the folder, as the app starts after a crash; closed by the caller. */
function reopen(dataDir: string): Core {
  return createCore({
    dataDir,
    clock: () => new Date(),
    log: () => {},
    appVersion: '0.0.0-test',
  });
}

function integrity(dataDir: string): { check: string[]; students: number } {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const check = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    const students = db.prepare('SELECT count(*) FROM students').pluck().get() as number;
    return { check, students };
  } finally {
    db.close();
  }
}

/** Every file under the folder whose name marks it as unfinished. */
function leftovers(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) =>
    /\.(tmp|partial)$|\.zip\.tmp$/.test(name),
  );
}

let root: { dir: string; remove(): void };
let template: string;
let roster: string;
let projectId: number;
let before: number;
let runs = 0;

/** A copy of the seeded data folder for one run. */
function freshCopy(): string {
  runs += 1;
  const dir = path.join(root.dir, `run-${runs}`);
  cpSync(template, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  console.log(`crash test seed ${seed} (rerun with CRASH_SEED=${seed})`);
  root = makeTempDir('pilotdesk-crash-');
  template = path.join(root.dir, 'template');
  const core = reopen(template);
  try {
    // A 1 MB attachment makes the package big enough that a kill can land while it is written.
    // (Random bytes, like a real PDF's compressed streams: verify refuses ratios over 200.)
    const padding = randomBytes(1024 * 1024);
    const pdf = makePdf('plan');
    const project = await seedCompleteProject(core, {
      attachment: Buffer.concat([pdf.subarray(0, 9), padding, pdf.subarray(9)]),
    });
    projectId = project.id;
    await call(core, 'students.importCommit', {
      file: upload('在校生.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(3)] })),
    });
  } finally {
    core.close();
  }
  before = integrity(template).students;
  roster = path.join(root.dir, '名单-20000.xlsx');
  const rows = rosterRows(IMPORTED, { startNo: 1000 });
  writeFileSync(roster, await xlsxBytes({ rows: [[...rosterHeader], ...rows] }));
}, 60_000);

afterAll(() => root?.remove());

describe('crash safety (kill -9)', () => {
  it(`keeps a 20,000-row import all or nothing through ${KILLS} kills`, async () => {
    // One undisturbed run measures how long the import takes on this machine.
    const calibration = freshCopy();
    const full = await runChild(['import', calibration, roster], null);
    expect(full.done).toHaveLength(1);
    expect(integrity(calibration)).toEqual({ check: ['ok'], students: before + IMPORTED });
    const span = full.done[0] * 1.2;
    const writeSpan = full.done[0] - (full.writing ?? 0);

    let midWork = 0;
    let midWrite = 0;
    for (let i = 0; i < KILLS; i += 1) {
      const dir = freshCopy();
      // Every other kill lands anywhere in the import; the rest inside its write transaction.
      const aimAtWrite = i % 2 === 1;
      // (The first half of the write, as timed once: a later run may well write faster.)
      const delay = Math.floor(random() * (aimAtWrite ? writeSpan / 2 : span));
      const run = await runChild(
        ['import', dir, roster],
        delay,
        aimAtWrite ? 'writing ' : 'started ',
      );
      if (run.killed && run.done.length === 0) midWork += 1;
      if (run.killed && run.done.length === 0 && run.writing !== null) midWrite += 1;
      const core = reopen(dir);
      try {
        const where = `seed ${seed}, kill ${i + 1} ${delay} ms after ${aimAtWrite ? 'writing' : 'started'}`;
        expect(core.status().mode, where).toBe('normal');
        const found = integrity(dir);
        expect(found.check, where).toEqual(['ok']);
        expect([before, before + IMPORTED], where).toContain(found.students);
        if (run.done.length > 0) expect(found.students, where).toBe(before + IMPORTED);
        const listed = await call<{ stats: { total: number } }>(core, 'students.list', {});
        expect(listed.stats.total, where).toBe(found.students);
      } finally {
        core.close();
      }
    }
    console.log(
      `import: ${midWork} of ${KILLS} kills landed inside the import, ${midWrite} in its write transaction`,
    );
    expect(midWork).toBeGreaterThanOrEqual(KILLS / 4);
    expect(midWrite).toBeGreaterThanOrEqual(KILLS / 4);
  }, 240_000);

  it(`leaves no partial package through ${KILLS} kills during exports`, async () => {
    const calibration = freshCopy();
    const full = await runChild(['export', calibration, String(projectId), '3'], null);
    expect(full.done).toHaveLength(3);
    const each = Math.max(...full.done.slice(1));
    const unchanged = dumpDatabase(template);

    let midWork = 0;
    for (let i = 0; i < KILLS; i += 1) {
      const dir = freshCopy();
      // The child exports again and again; the kill lands somewhere in the third or so.
      const delay = Math.floor(random() * each * 3);
      const run = await runChild(['export', dir, String(projectId), '100'], delay);
      if (run.killed) midWork += 1;
      const where = `seed ${seed}, kill ${i + 1} after ${delay} ms`;
      const core = reopen(dir);
      try {
        expect(core.status().mode, where).toBe('normal');
        expect(integrity(dir).check, where).toEqual(['ok']);
        const exports = path.join(dir, EXPORTS_DIR);
        expect(leftovers(exports), where).toEqual([]);
        const packages = existsSync(exports) ? readdirSync(exports) : [];
        for (const name of packages) {
          expect(name, where).toMatch(/^[^.].*\.zip$/);
          const report = await call<PackageVerifyReport>(
            core,
            'package.verify',
            await staged(core, name, readFileSync(path.join(exports, name))),
          );
          expect(report.problems, where).toEqual([]);
          expect(report.ok, where).toBe(true);
        }
      } finally {
        core.close();
      }
      expect(dumpDatabase(dir), where).toEqual(unchanged);
    }
    expect(midWork).toBe(KILLS);
  }, 240_000);

  it('removes a half-written package left by a dead process, and keeps a live one', () => {
    const dir = freshCopy();
    const exports = path.join(dir, EXPORTS_DIR);
    mkdirSync(exports, { recursive: true });
    const dead = `.999999999-0123456789abcdef.zip.tmp`;
    const older = `.0123456789abcdef.zip.tmp`;
    const live = `.${process.pid}-fedcba9876543210.zip.tmp`;
    for (const name of [dead, older, live]) {
      cpSync(roster, path.join(exports, name));
    }
    reopen(dir).close();
    expect(readdirSync(exports).filter((n) => n.endsWith('.tmp'))).toEqual([live]);
  });

  it('removes unfinished backup copies a killed process left, once they are an hour old', () => {
    const dir = freshCopy();
    const backups = path.join(dir, BACKUP_DIR);
    mkdirSync(backups, { recursive: true });
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
    const stale = [
      path.join(backups, '.auto-20260101T000000Z.sqlite.tmp'),
      path.join(backups, '.auto-20260101T000000Z.sqlite.tmp-journal'),
      path.join(dir, '.export-0123456789ab.sqlite.tmp'),
    ];
    const fresh = path.join(backups, '.manual-20260101T000000Z.sqlite.tmp');
    for (const file of [...stale, fresh]) {
      writeFileSync(file, 'half a database');
      if (file !== fresh) utimesSync(file, hoursAgo(2), hoursAgo(2));
    }
    reopen(dir).close();
    expect(stale.filter((file) => existsSync(file))).toEqual([]);
    // Perhaps another process on the same folder is writing it right now.
    expect(existsSync(fresh)).toBe(true);
  });
});

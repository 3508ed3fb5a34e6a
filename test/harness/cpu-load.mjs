// Busy processes that keep every core loaded while the end-to-end tests run, so the suite is
// proven on a loaded machine: its waits must wait for states, never for times.
// `startCpuLoad(n)` spawns n spinning Node processes at normal priority and returns a stop
// function; the processes also stop by themselves if this process dies (they watch its pid).
import { spawn } from 'node:child_process';
import os from 'node:os';

const spin = `
const parent = Number(process.argv[1]);
setInterval(() => { try { process.kill(parent, 0); } catch { process.exit(0); } }, 1000).unref();
for (;;) { const end = Date.now() + 200; while (Date.now() < end); await new Promise((r) => setImmediate(r)); }
`;

/** Starts `count` busy processes (default: one per core); resolves to a function stopping them. */
export function startCpuLoad(count = os.availableParallelism()) {
  const children = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--input-type=module', '-e', spin, String(process.pid)], {
      stdio: 'ignore',
    }),
  );
  return () => {
    for (const child of children) child.kill('SIGKILL');
  };
}

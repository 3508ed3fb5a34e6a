/**
 * A core in its own process, for the crash test (test/core/crash.test.ts), which kills it with
 * SIGKILL at random points. Run with tsx like the web host:
 *
 *   node --import tsx test/harness/crashChild.ts import <dataDir> <roster.xlsx>
 *   node --import tsx test/harness/crashChild.ts export <dataDir> <projectId> <times>
 *
 * It prints `started <what>` just before the work begins (so the parent's random delay starts
 * inside the work), `writing <ms>` when the import's write transaction begins, and
 * `done <what> <ms>` when a piece of work finished (ms since `started`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core';

const [mode, dataDir, arg, times] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

const core = createCore({
  dataDir,
  clock: () => new Date(),
  log: () => {},
  appVersion: '0.0.0-crash',
});

async function run(): Promise<void> {
  if (mode === 'import') {
    const file = {
      fileName: path.basename(arg),
      contentBase64: readFileSync(arg).toString('base64'),
    };
    say('started import');
    const started = Date.now();
    // Progress events are emitted synchronously inside the transaction, and a pipe write is
    // synchronous too: the line is out before the first row is written.
    core.events.on((event) => {
      if (event.type === 'progress' && event.label.includes('正在写入') && event.done === 0) {
        say(`writing ${Date.now() - started}`);
      }
    });
    const result = await core.dispatch('students.importCommit', { file });
    if (!result.ok) throw new Error(result.error.message);
    say(`done import ${Date.now() - started}`);
  } else if (mode === 'export') {
    say('started export');
    for (let i = 0; i < Number(times ?? 1); i += 1) {
      const started = Date.now();
      const result = await core.dispatch('package.build', {
        projectIds: [Number(arg)],
        acceptDraft: true,
      });
      if (!result.ok) throw new Error(result.error.message);
      say(`done export ${Date.now() - started}`);
    }
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

run().then(
  () => {
    core.close();
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
    process.exit(1);
  },
);

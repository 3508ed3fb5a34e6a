// Child process of students.bench.ts, run as the web host runs the core (bundled by esbuild, see
// bundleBenchChild): a roster preview, then its commit, as the web host answers them (the file
// arrives base64 in a JSON body; each answer is serialised for the page) — or, with `raw`, the
// baseline: ExcelJS's streaming read and a raw insert into the same table. Prints this process's
// peak RSS (MB), the work's time and the preview answer's size as JSON.
import { readFileSync } from 'node:fs';
import { createCore } from '../../electron/core';
import { softwareMajor } from '../harness/majors';
import { peakRssBytes, toMb } from './processMemory';
import { excelJsStreamingRead, rawInsert } from './rawImport';

const [mode, dataDir, xlsxFile, expected] = process.argv.slice(2);

type BenchCore = ReturnType<typeof createCore>;

async function answer(core: BenchCore, name: string, body: string) {
  const result = await core.dispatch(name, JSON.parse(body));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return JSON.stringify(result);
}

async function main(): Promise<void> {
  let previewBytes = 0;
  let beforeMb: number;
  let ms: number;
  if (mode === 'raw') {
    // dataDir holds a database file with the app's schema (made by the parent).
    beforeMb = toMb(process.memoryUsage().rss);
    const start = performance.now();
    const rows = await excelJsStreamingRead(readFileSync(xlsxFile));
    rawInsert(dataDir, rows);
    ms = performance.now() - start;
    if (rows.length !== Number(expected) + 1) throw new Error(`read ${rows.length} rows`);
  } else {
    const core = createCore({
      dataDir,
      clock: () => new Date(),
      log: () => {},
      appVersion: 'bench',
    });
    await answer(core, 'majors.save', JSON.stringify(softwareMajor));
    beforeMb = toMb(process.memoryUsage().rss);
    const start = performance.now();
    const file = {
      fileName: '全校名单.xlsx',
      contentBase64: readFileSync(xlsxFile).toString('base64'),
    };
    const preview = await answer(core, 'students.importPreview', JSON.stringify({ file }));
    const commit = await answer(core, 'students.importCommit', JSON.stringify({ file }));
    ms = performance.now() - start;
    if (!commit.includes(`"created":${expected}`)) throw new Error(`commit answered ${commit}`);
    previewBytes = preview.length;
    core.close();
  }
  process.stdout.write(
    JSON.stringify({ beforeMb, peakMb: toMb(peakRssBytes()), ms, previewBytes }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(String((error as Error)?.stack ?? error));
  process.exit(1);
});

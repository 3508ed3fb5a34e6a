// Child process of students.bench.ts: a roster preview, then its commit, as the web host runs
// them (the file arrives base64 in a JSON body; each answer is serialised for the page),
// printing the answers' sizes and this process's peak RSS (MB) as JSON.
import { readFileSync } from 'node:fs';
import { openBenchCore } from '../harness/core';
import { softwareMajor } from '../harness/majors';
import { peakRssBytes, toMb } from './processMemory';

const [dataDir, xlsxFile, expected] = process.argv.slice(2);

async function answer(core: ReturnType<typeof openBenchCore>, name: string, body: string) {
  const result = await core.dispatch(name, JSON.parse(body));
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return JSON.stringify(result);
}

async function main(): Promise<void> {
  const core = openBenchCore(dataDir);
  await answer(core, 'majors.save', JSON.stringify(softwareMajor));
  const beforeMb = toMb(process.memoryUsage().rss);
  const file = {
    fileName: '全校名单.xlsx',
    contentBase64: readFileSync(xlsxFile).toString('base64'),
  };
  const preview = await answer(core, 'students.importPreview', JSON.stringify({ file }));
  const commit = await answer(core, 'students.importCommit', JSON.stringify({ file }));
  if (!commit.includes(`"created":${expected}`)) throw new Error(`commit answered ${commit}`);
  core.close();
  process.stdout.write(
    JSON.stringify({ beforeMb, peakMb: toMb(peakRssBytes()), previewBytes: preview.length }),
  );
}

void main();

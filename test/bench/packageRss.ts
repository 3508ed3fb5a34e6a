// Child process of package.bench.ts: one export (or the raw yazl baseline) on a seeded data
// folder, printing its RSS before, its peak RSS (MB) and its time (cold: first use) as JSON.
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import type { PackageBuildResult } from '../../shared/contract/package';
import { openBenchCore } from '../harness/core';
import { peakRssBytes, toMb } from './processMemory';

const [mode, dataDir, projectId, blobList] = process.argv.slice(2);

async function main(): Promise<void> {
  const core = openBenchCore(dataDir);
  const beforeMb = toMb(process.memoryUsage().rss);
  const start = performance.now();
  if (mode === 'package') {
    const result = await core.dispatch('package.build', {
      projectIds: [Number(projectId)],
      acceptDraft: true,
    });
    if (!result.ok) throw new Error(result.error.message);
    rmSync(path.join(dataDir, (result.data as PackageBuildResult).savedAs));
  } else {
    const blobs = JSON.parse(readFileSync(blobList, 'utf8')) as { file: string; name: string }[];
    const target = path.join(os.tmpdir(), `pilotdesk-raw-${process.pid}.zip`);
    await new Promise((resolve, reject) => {
      const zip = new yazl.ZipFile();
      for (const b of blobs) {
        zip.addFile(b.file, `附件/${b.name}`);
      }
      zip.end();
      zip.outputStream
        .pipe(createWriteStream(target))
        .on('close', () => resolve(undefined))
        .on('error', reject);
    });
    rmSync(target);
  }
  const ms = performance.now() - start;
  core.close();
  const peakMb = toMb(peakRssBytes());
  process.stdout.write(JSON.stringify({ beforeMb, peakMb, ms }));
}

main().catch((error: unknown) => {
  process.stderr.write(String((error as Error)?.stack ?? error));
  process.exit(1);
});

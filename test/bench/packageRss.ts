// Child process of package.bench.ts: one export (or the raw yazl baseline) on a seeded data
// folder, printing its RSS before, its peak RSS (MB) and its time (cold: first use) as JSON.
import { createWriteStream, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import type { PackageBuildResult } from '../../shared/contract/package';
import { openBenchCore } from '../harness/core';

const [mode, dataDir, projectId, blobList] = process.argv.slice(2);
const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * This process's own peak RSS: Linux's VmHWM belongs to the current address space, while
 * getrusage's maxRSS keeps the parent's peak across fork + exec (a bench parent holding 500 MB
 * would show as this child's peak).
 */
function peakRssBytes(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const core = openBenchCore(dataDir);
  const beforeMb = mb(process.memoryUsage().rss);
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
  const peakMb = mb(peakRssBytes());
  process.stdout.write(JSON.stringify({ beforeMb, peakMb, ms }));
}

main().catch((error: unknown) => {
  process.stderr.write(String((error as Error)?.stack ?? error));
  process.exit(1);
});

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import type { Core } from '../../electron/core';
import { blobPath } from '../../electron/core/modules/attachments/blobStore';
import type { Certificate } from '../../shared/contract/catalogue';
import type { PackageBuildResult } from '../../shared/contract/package';
import { makeBulkyFile } from '../harness/files';
import { seedSchool } from '../harness/seed';
import { makeTempDir, repoRoot } from '../harness/webHost';
import { row, rssRow, type BenchRow } from './stats';
import { openBenchCore } from '../harness/core';
import { call } from '../harness/seed';

const MB = 1024 * 1024;
const ATTACHMENTS = 50;
const TEACHERS = 300;

/**
 * A school with 300 teachers and one project with all of them, its rooms and sites, and 50
 * attachments of ~2 MB each (PDFs and PNGs of random bytes: ~100 MB that zip cannot shrink).
 * Returns the project and the attachments' blob files (what the package streams).
 */
export async function seedPackageSchool(
  core: Core,
  dataDir: string,
): Promise<{ projectId: number; blobs: { file: string; name: string }[] }> {
  const seeded = await seedSchool(core, { teachers: TEACHERS, dualQualified: 100 });
  const [certificate] = await call<Certificate[]>(core, 'catalogue.list', {
    search: 'Web前端开发',
  });
  const project = await call<{ id: number }>(core, 'projects.create', {
    certificateId: certificate.id,
    year: 2020,
    levels: ['junior', 'intermediate'],
    majorIds: seeded.majorIds,
    teacherIds: seeded.teacherIds,
    roomIds: seeded.roomIds,
    siteIds: seeded.siteIds,
    plannedStudents: [{ level: 'junior', year: 2020, count: 80 }],
  });
  const blobs: { file: string; name: string }[] = [];
  for (let i = 0; i < ATTACHMENTS; i += 1) {
    const kind = i % 2 === 0 ? 'pdf' : 'png';
    // 1.5–2.5 MB, 100 MB in all.
    const bytes = makeBulkyFile(kind, Math.round(1.5 * MB + (i / (ATTACHMENTS - 1)) * MB));
    const name = `证明材料${String(i + 1).padStart(2, '0')}.${kind}`;
    await call(core, 'attachments.upload', {
      ownerType: 'project',
      ownerId: project.id,
      kind: 'other',
      file: { fileName: name, contentBase64: bytes.toString('base64') },
    });
    const sha = createHash('sha256').update(bytes).digest('hex');
    blobs.push({ file: blobPath(path.join(dataDir, 'attachments'), sha), name });
  }
  return { projectId: project.id, blobs };
}

/** The baseline: yazl zipping the same attachment files straight to a file. */
function rawYazl(
  blobs: readonly { file: string; name: string }[],
  target: string,
  compress: boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const b of blobs) zip.addFile(b.file, `附件/${b.name}`, { compress });
    zip.end();
    const out = createWriteStream(target);
    zip.outputStream.pipe(out).on('close', resolve).on('error', reject);
  });
}

/**
 * Runs `mode` in a fresh Node process, three times: the median of its RSS before and at peak
 * (MB) and of its time (cold: modules load, the font is read).
 */
function peakRss(
  mode: 'package' | 'raw',
  dataDir: string,
  projectId: number,
  blobList: string,
): { peakMb: number; beforeMb: number; ms: number } {
  const script = path.join(import.meta.dirname, 'packageRss.ts');
  const runs = [0, 1, 2].map(() => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', script, mode, dataDir, String(projectId), blobList],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`packageRss ${mode}: ${run.stderr}`);
    return JSON.parse(run.stdout) as { peakMb: number; beforeMb: number; ms: number };
  });
  const median = (key: 'peakMb' | 'beforeMb' | 'ms') =>
    runs.map((r) => r[key]).sort((a, b) => a - b)[1];
  return { peakMb: median('peakMb'), beforeMb: median('beforeMb'), ms: median('ms') };
}

/**
 * The package export of a school with 300 teachers and 50 attachments (~100 MB)
 * through the dispatcher (documents, zip to a temp file, rename, offered for download), against
 * yazl zipping the same attachment files in the same run; peak RSS of each in its own process.
 */
export async function benchPackage(runs = 3): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-package-');
  try {
    const dataDir = path.join(temp.dir, 'school');
    const core = openBenchCore(dataDir);
    const { projectId, blobs } = await seedPackageSchool(core, dataDir);
    const totalMb = blobs.reduce((sum, b) => sum + statSync(b.file).size, 0) / MB;

    const times = { package: [] as number[], deflate: [] as number[], store: [] as number[] };
    let size = 0;
    for (let i = 0; i < runs; i += 1) {
      // Interleaved, so both see the same machine load and file cache.
      let start = performance.now();
      const result = await call<PackageBuildResult>(core, 'package.build', {
        projectIds: [projectId],
        acceptDraft: true,
      });
      times.package.push(performance.now() - start);
      size = result.size;
      rmSync(path.join(dataDir, result.savedAs));
      for (const compress of [true, false]) {
        const target = path.join(temp.dir, `raw-${i}-${compress}.zip`);
        start = performance.now();
        await rawYazl(blobs, target, compress);
        times[compress ? 'deflate' : 'store'].push(performance.now() - start);
        rmSync(target);
      }
    }
    core.close();
    const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const blobList = path.join(temp.dir, 'blobs.json');
    writeFileSync(blobList, JSON.stringify(blobs));
    const pkgRss = peakRss('package', dataDir, projectId, blobList);
    const rawRss = peakRss('raw', dataDir, projectId, blobList);
    const label = `${ATTACHMENTS} attachments, ${totalMb.toFixed(0)} MB, ${TEACHERS} teachers`;
    return [
      row(
        `package: export (${label}; zip ${(size / MB).toFixed(0)} MB)`,
        median(times.package),
        { name: 'yazl addFile of the attachments, defaults (deflate)', ms: median(times.deflate) },
        'ratio ≤ 1.3',
      ),
      row('  same export', median(times.package), {
        name: 'yazl addFile of the attachments, stored (no deflate)',
        ms: median(times.store),
      }),
      row(
        `  export in a fresh process (cold, median of 3): peak RSS ${pkgRss.peakMb} MB, ${pkgRss.beforeMb} MB before`,
        pkgRss.ms,
        { name: 'yazl (deflate) in a fresh process', ms: rawRss.ms },
      ),
      row(
        `  yazl (deflate) in a fresh process (median of 3): peak RSS ${rawRss.peakMb} MB, ${rawRss.beforeMb} MB before`,
        rawRss.ms,
      ),
      rssRow(
        '  export in a fresh process',
        pkgRss.peakMb,
        { name: 'yazl (deflate) in a fresh process', peakMb: rawRss.peakMb },
        1.3,
      ),
    ];
  } finally {
    temp.remove();
  }
}

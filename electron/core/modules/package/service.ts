import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { newTaskId, progressReporter } from '../../io/progress';
import { blobRootFor } from '../attachments/blobStore';
import { BUILD_STEPS, buildPackage, packageFileName } from './build';
import { gatherPackageData } from './data';
import { verifyPackage } from './verify';

export const EXPORTS_DIR = 'exports';

/** `.<pid>-<random>.zip.tmp`: a package being written by process `pid` (older: no pid). */
const tempName = /^\.(?:(\d+)-)?[0-9a-f]+\.zip\.tmp$/;

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes half-written packages left by a process that died while writing one (a crash, a
 * kill, a power cut): their writer is gone, so nobody will rename them into place. Files of a
 * process still running (the other host on the same data folder) are left alone.
 */
export function removeStaleExports(dataDir: string): string[] {
  const dir = path.join(dataDir, EXPORTS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = tempName.exec(name);
    if (!m || (m[1] !== undefined && processAlive(Number(m[1])))) continue;
    rmSync(path.join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function packageHandlers(ctx: CoreContext): HandlersFor<'package.build' | 'package.verify'> {
  const { db } = ctx;
  const stale = removeStaleExports(ctx.dataDir);
  if (stale.length > 0) ctx.log('warn', 'removed half-written packages', { files: stale });
  return {
    'package.build': async ({ projectIds, acceptDraft, taskId }) => {
      const data = gatherPackageData(db, projectIds);
      const failing = data.projects.filter((p) => p.project.selfCheck.level === 'fail');
      if (failing.length > 0 && !acceptDraft) {
        throw new CoreError(
          'NEEDS_CONFIRMATION',
          `${failing.map((p) => `“${p.project.certificateName}（${p.project.year}年）”`).join('、')}自检未通过，只能导出为草稿。确认导出草稿请再次导出并选择“导出为草稿”（acceptDraft）。`,
          {
            failing: failing.map((p) => ({
              id: p.project.id,
              certificateName: p.project.certificateName,
              year: p.project.year,
              verdicts: p.project.verdicts.filter((v) => v.level === 'fail'),
            })),
          },
        );
      }
      const draft = failing.length > 0;
      const now = ctx.clock();
      const report = progressReporter(
        ctx.events,
        taskId ?? newTaskId('package'),
        '生成申报材料',
        BUILD_STEPS,
      );
      const { bytes, manifest } = await buildPackage({
        data,
        draft,
        now,
        appVersion: ctx.appVersion,
        blobRoot: blobRootFor(db),
        progress: report,
      });
      const fileName = packageFileName(data, now, draft);
      const dir = path.join(ctx.dataDir, EXPORTS_DIR);
      mkdirSync(dir, { recursive: true });
      const temp = path.join(dir, `.${process.pid}-${randomBytes(8).toString('hex')}.zip.tmp`);
      try {
        writeFileSync(temp, bytes, { flag: 'wx' });
        renameSync(temp, path.join(dir, fileName));
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
      ctx.log('info', `package written: ${fileName} (${bytes.length} bytes)`);
      return {
        fileName,
        contentBase64: bytes.toString('base64'),
        size: bytes.length,
        savedAs: `${EXPORTS_DIR}/${fileName}`,
        draft,
        manifest,
      };
    },

    'package.verify': ({ file }) =>
      verifyPackage(file.fileName, Buffer.from(file.contentBase64, 'base64')),
  };
}

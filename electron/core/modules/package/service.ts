import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import type { PackageBuildResult, PackageManifest } from '../../../../shared/contract/package';
import type { CancellableTask } from '../../io/tasks';
import { newTaskId, progressReporter } from '../../io/progress';
import { createTaskRegistry } from '../../io/tasks';
import { blobRootFor } from '../attachments/blobStore';
import { buildPackage, packageFileName, packageWork } from './build';
import { gatherPackageData } from './data';
import { verifyPackage } from './verify';

export const EXPORTS_DIR = 'exports';
export const CANCELLED_MESSAGE = '已取消导出申报材料，没有生成任何文件。';

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

export function packageHandlers(
  ctx: CoreContext,
): HandlersFor<'package.build' | 'package.cancel' | 'package.verify'> {
  const { db } = ctx;
  const tasks = createTaskRegistry();
  const stale = removeStaleExports(ctx.dataDir);
  if (stale.length > 0) ctx.log('warn', 'removed half-written packages', { files: stale });
  return {
    'package.build': async ({ projectIds, acceptDraft, taskId }) => {
      const id = taskId ?? newTaskId('package');
      const task = tasks.begin(id, CANCELLED_MESSAGE);
      try {
        return await exportPackage(id, task, projectIds, acceptDraft);
      } finally {
        task.end();
      }
    },

    'package.cancel': ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),

    'package.verify': ({ file }) =>
      verifyPackage(file.fileName, Buffer.from(file.contentBase64, 'base64')),
  };

  /**
   * Builds into a hidden temporary file in exports/ and renames it into place only when complete:
   * a failure or a cancel removes the temporary file, so no partial package is ever left.
   */
  async function exportPackage(
    taskId: string,
    task: CancellableTask,
    projectIds: number[],
    acceptDraft: boolean,
  ): Promise<PackageBuildResult> {
    task.check();
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
    const report = progressReporter(ctx.events, taskId, '生成申报材料', packageWork(data));
    const fileName = packageFileName(data, now, draft);
    const dir = path.join(ctx.dataDir, EXPORTS_DIR);
    mkdirSync(dir, { recursive: true });
    const temp = path.join(dir, `.${process.pid}-${randomBytes(8).toString('hex')}.zip.tmp`);
    let manifest: PackageManifest;
    try {
      ({ manifest } = await buildPackage({
        data,
        draft,
        now,
        appVersion: ctx.appVersion,
        blobRoot: blobRootFor(db),
        target: temp,
        task,
        progress: report,
      }));
      task.check();
      renameSync(temp, path.join(dir, fileName));
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
    const bytes = readFileSync(path.join(dir, fileName));
    ctx.log('info', `package written: ${fileName} (${bytes.length} bytes)`);
    return {
      fileName,
      contentBase64: bytes.toString('base64'),
      size: bytes.length,
      savedAs: `${EXPORTS_DIR}/${fileName}`,
      draft,
      manifest,
    };
  }
}

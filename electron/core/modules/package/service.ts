import type { CoreContext } from '../../context';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import type { PackageBuildResult, PackageManifest } from '../../../../shared/contract/package';
import { mimeTypes } from '../../../../shared/contract/files';
import type { CancellableTask } from '../../io/tasks';
import { newTaskId, progressReporter } from '../../io/progress';
import { createTaskRegistry } from '../../io/tasks';
import { blobRootFor } from '../attachments/blobStore';
import {
  BATCH_PACKAGE_WORK,
  batchPackageFileName,
  buildBatchPackage,
  gatherBatchPackageData,
} from './batch';
import { chinaDate } from '../../../../shared/domain/dates';
import { fundsPdf, fundsSheet } from '../funds/export';
import { fundsOverview } from '../funds/service';
import { applicationForm } from './applicationForm';
import { applicationDocuments, buildPackage, packageFileName, packageWork } from './build';
import { implementationPlan } from './content';
import { renderPdf } from './pdf';
import { gatherPackageData } from './data';
import { removeStaleExports, writeExportAtomically } from './exportFile';
import { submittedPackages } from './submitted';
import { verifyPackage } from './verify';

export { EXPORTS_DIR, removeStaleExports } from './exportFile';
export const CANCELLED_MESSAGE = '已取消导出申报材料，没有生成任何文件。';
export const BATCH_CANCELLED_MESSAGE = '已取消导出考核报名材料包，没有生成任何文件。';

export function packageHandlers(
  ctx: CoreContext,
): HandlersFor<
  | 'package.build'
  | 'package.buildBatch'
  | 'package.cancel'
  | 'package.documentPdf'
  | 'package.verify'
  | 'package.markSubmitted'
  | 'package.submittedList'
  | 'package.readSubmitted'
> {
  const { db } = ctx;
  const tasks = createTaskRegistry();
  const submitted = submittedPackages(ctx);
  const stale = removeStaleExports(ctx.dataDir);
  if (stale.length > 0) ctx.log('warn', 'removed half-written packages', { files: stale });
  return {
    'package.build': async ({ projectIds, acceptDraft, gbkNames, fundsYear, taskId }) => {
      const id = taskId ?? newTaskId('package');
      const task = tasks.begin(id, CANCELLED_MESSAGE);
      try {
        return await exportPackage(id, task, projectIds, acceptDraft, gbkNames, fundsYear);
      } finally {
        task.end();
      }
    },

    'package.buildBatch': async ({ batchId, taskId }) => {
      const id = taskId ?? newTaskId('batch-package');
      const task = tasks.begin(id, BATCH_CANCELLED_MESSAGE);
      try {
        return await exportBatchPackage(id, task, batchId);
      } finally {
        task.end();
      }
    },

    'package.cancel': ({ taskId }) => ({ cancelled: tasks.cancel(taskId) }),

    'package.documentPdf': async ({ document, projectIds }) => {
      const data = gatherPackageData(db, projectIds);
      const draft = data.projects.some((p) => p.project.selfCheck.level === 'fail');
      const names = applicationDocuments(draft);
      const file =
        document === 'applicationForm'
          ? {
              fileName: names.formPdf,
              bytes: await renderPdf(
                '1+X证书制度试点申报表',
                applicationForm(data, draft, ctx.today()),
              ),
            }
          : {
              fileName: names.plan.replace(/\.docx$/, '.pdf'),
              bytes: await renderPdf('1+X证书制度试点实施方案', implementationPlan(data, draft)),
            };
      return { fileName: file.fileName, contentBase64: file.bytes.toString('base64') };
    },

    'package.verify': ({ uploadId }) =>
      ctx.uploads.consume(uploadId, (staged) => verifyPackage(staged.fileName, staged.path)),

    'package.markSubmitted': (input) => submitted.mark(input),

    'package.submittedList': () => submitted.list(),

    'package.readSubmitted': ({ id }) => submitted.read(id),
  };

  /** 申报材料 of the projects: a failing self-check exports only as a confirmed draft. */
  async function exportPackage(
    taskId: string,
    task: CancellableTask,
    projectIds: number[],
    acceptDraft: boolean,
    gbkNames: boolean,
    fundsYear: number | null,
  ): Promise<PackageBuildResult> {
    task.check();
    const data = gatherPackageData(db, projectIds);
    const failing = data.projects.filter((p) => p.project.selfCheck.level === 'fail');
    if (failing.length > 0 && !acceptDraft) {
      throw new CoreError(
        'NEEDS_CONFIRMATION',
        `${failing.map((p) => `“${p.project.certificateName}（${p.project.year}年）”`).join('、')}自检未通过，只能导出为草稿。确认导出草稿请再次导出并选择草稿（acceptDraft）。`,
        {
          hint: 'exportDraft',
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
    const today = chinaDate(now);
    const funds = fundsYear === null ? null : fundsOverview(db, fundsYear, null);
    const extraDocuments = funds
      ? [
          {
            name: `试点经费使用情况表（${funds.year}年度）.xlsx`,
            make: async () => (await fundsSheet(funds, today)).bytes,
          },
          {
            name: `试点经费使用情况表（${funds.year}年度）.pdf`,
            make: async () => (await fundsPdf(funds, today)).bytes,
          },
        ]
      : [];
    const report = progressReporter(
      ctx.events,
      taskId,
      '生成申报材料',
      packageWork(data, extraDocuments.length),
    );
    return writeExport(packageFileName(data, now, draft), draft, task, async (temp) => {
      const { manifest } = await buildPackage({
        data,
        draft,
        now,
        gbkNames,
        appVersion: ctx.appVersion,
        blobRoot: blobRootFor(db),
        target: temp,
        task,
        progress: report,
        extraDocuments,
      });
      return manifest;
    });
  }

  /** 考核报名材料包 of one batch: refuses a missing batch or one without live sign-ups. */
  async function exportBatchPackage(
    taskId: string,
    task: CancellableTask,
    batchId: number,
  ): Promise<PackageBuildResult> {
    task.check();
    const data = gatherBatchPackageData(db, batchId);
    const now = ctx.clock();
    const report = progressReporter(ctx.events, taskId, '生成考核报名材料包', BATCH_PACKAGE_WORK);
    return writeExport(batchPackageFileName(data), false, task, (temp) =>
      buildBatchPackage(db, data, {
        now,
        appVersion: ctx.appVersion,
        target: temp,
        task,
        progress: report,
      }),
    );
  }

  /**
   * Either package, built into a hidden temporary file in exports/ and renamed into place only
   * when complete (a failure or a cancel leaves no partial file), then returned for download.
   */
  async function writeExport(
    fileName: string,
    draft: boolean,
    task: CancellableTask,
    build: (temp: string) => Promise<PackageManifest>,
  ): Promise<PackageBuildResult> {
    const written = await writeExportAtomically(ctx.dataDir, fileName, task, build);
    ctx.log('info', `package written: ${fileName} (${written.size} bytes)`);
    return {
      ...ctx.downloads.offer(written.file, { fileName, mime: mimeTypes.zip, size: written.size }),
      savedAs: written.savedAs,
      sha256: written.sha256,
      draft,
      manifest: written.value,
    };
  }
}

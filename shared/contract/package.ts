import { z } from 'zod';
import type { Verdict } from '../domain/verdict';
import type { SelfCheckSummary } from './projects';
import { uploadedFileSchema } from './files';

export const PACKAGE_FORMAT_VERSION = 1;

const taskIdSchema = z
  .string({ error: '任务编号（taskId）无效' })
  .min(1, { error: '任务编号（taskId）无效' })
  .max(100, { error: '任务编号（taskId）过长' });

export const packageBuildSchema = z
  .object({
    projectIds: z
      .array(
        z
          .number({ error: '试点项目无效' })
          .int({ error: '试点项目无效' })
          .positive({ error: '试点项目无效' }),
        { error: '请选择试点项目' },
      )
      .min(1, { error: '请至少选择一个试点项目' })
      .max(200, { error: '一次最多导出 200 个试点项目' }),
    /** Export even though a project fails the self-check: the package is marked 草稿. */
    acceptDraft: z.boolean().default(false),
    /** The id the page follows progress events by, and cancels the export with. */
    taskId: taskIdSchema.optional(),
  })
  .strict();

export const packageCancelSchema = z.object({ taskId: taskIdSchema }).strict();

export interface PackageCancelResult {
  /** True when an export with this id was running (it stops and rejects with CANCELLED). */
  cancelled: boolean;
}

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface ManifestProject {
  id: number;
  certificateName: string;
  organization: string;
  year: number;
  levels: string[];
  selfCheck: SelfCheckSummary;
  verdicts: Verdict[];
}

export interface PackageManifest {
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  draft: boolean;
  school: { name: string; code: string };
  projects: ManifestProject[];
  files: ManifestFile[];
}

export interface PackageBuildResult {
  fileName: string;
  contentBase64: string;
  size: number;
  /** Where the copy was kept, relative to the data folder (exports/…). */
  savedAs: string;
  draft: boolean;
  manifest: PackageManifest;
}

export interface PackageVerifyReport {
  ok: boolean;
  fileName: string;
  manifest:
    | (Pick<PackageManifest, 'formatVersion' | 'appVersion' | 'createdAt' | 'draft' | 'school'> & {
        projects: { certificateName: string; year: number }[];
      })
    | null;
  /** Files the manifest lists that the archive lacks. */
  missing: string[];
  /** Files in the archive the manifest does not list. */
  extra: string[];
  /** Files whose size or SHA-256 differ from the manifest. */
  changed: string[];
  problems: string[];
  checkedFiles: number;
}

export const packageContract = {
  'package.build': { input: packageBuildSchema, output: {} as PackageBuildResult },
  'package.cancel': { input: packageCancelSchema, output: {} as PackageCancelResult },
  'package.verify': {
    input: z.object({ file: uploadedFileSchema }).strict(),
    output: {} as PackageVerifyReport,
  },
} as const;

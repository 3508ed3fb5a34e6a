import * as z from 'zod';
import type { Verdict } from '../domain/verdict';
import type { CertificateLevel } from '../domain/certificate';
import type { ProjectFieldChange } from '../domain/projectRevisions';
import { fileNameField, type FileOffer, type GeneratedFile } from './files';
import type { SelfCheckSummary } from './projects';
import { uploadRefSchema } from './uploads';
import { taskIdSchema } from './events';
import { projectData, feeData, type TopicsOf } from './topics';

export const PACKAGE_FORMAT_VERSION = 1;

/** The largest file 校验材料包 reads (and what its content may unpack to): 200 MB. */
export const MAX_VERIFY_BYTES = 200 * 1024 * 1024;
/** Why a file is not checked: bigger than any package this app makes. */
export const verifyTooLargeMessage = () =>
  `文件过大（超过 ${MAX_VERIFY_BYTES / 1024 / 1024} MB），不是本软件生成的材料包。`;

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
    /**
     * 兼容旧版 Windows 解压: entry names in GBK without the UTF-8 flag (with the Info-ZIP Unicode
     * Path field for other tools), for the unzip built into older Chinese Windows.
     */
    gbkNames: z.boolean().default(false),
    /** Adds the 试点经费使用情况表 of this year (xlsx and PDF, every project); null: none. */
    fundsYear: z
      .number({ error: '经费年度应为 2019–2100 之间的整数' })
      .int({ error: '经费年度应为 2019–2100 之间的整数' })
      .min(2019, { error: '经费年度应为 2019–2100 之间的整数' })
      .max(2100, { error: '经费年度应为 2019–2100 之间的整数' })
      .nullable()
      .default(null),
    /** The id the page follows progress events by, and cancels the export with. */
    taskId: taskIdSchema.optional(),
  })
  .strict();

/** One of the package's documents as its PDF, to print (a failing self-check prints as 草稿). */
export const packageDocumentPdfSchema = z
  .object({
    document: z.enum(['applicationForm', 'plan'], { error: '请选择要打印的文件' }),
    projectIds: packageBuildSchema.shape.projectIds,
  })
  .strict();

/** 考核报名材料包: one exam batch's 考生信息上传表 and 费用明细表 with a manifest. */
export const packageBuildBatchSchema = z
  .object({
    batchId: z
      .number({ error: '考核批次无效' })
      .int({ error: '考核批次无效' })
      .positive({ error: '考核批次无效' }),
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

/**
 * What a package is for: 申报材料 (pilot projects) or 考核报名材料 (one exam batch). Every
 * manifest names it; 校验材料包 refuses one that does not (manifestCheck.ts).
 */
export type PackageKind = 'application' | 'batch';

/** The exam batch a batch package was made for. */
export interface ManifestBatch {
  id: number;
  certificateName: string;
  level: CertificateLevel;
  /** 初级 / 中级 / 高级. */
  levelLabel: string;
  name: string;
  examDate: string;
  organization: string;
  /** Sign-ups in the package: every one not withdrawn (已撤销). */
  signups: number;
}

export interface PackageManifest {
  formatVersion: number;
  appVersion: string;
  createdAt: string;
  kind: PackageKind;
  draft: boolean;
  school: { name: string; code: string };
  /** The application package's projects; empty for a batch package. */
  projects: ManifestProject[];
  /** Only in a batch package. */
  batch?: ManifestBatch;
  files: ManifestFile[];
}

/** The package, offered for download (streamed from its kept copy in exports/). */
export interface PackageBuildResult extends FileOffer {
  /** Where the copy was kept, relative to the data folder (exports/…). */
  savedAs: string;
  /** SHA-256 of the zip: 标记为已提交 names the exact file the person downloaded by it. */
  sha256: string;
  draft: boolean;
  manifest: PackageManifest;
}

const sha256Field = z
  .string({ error: '缺少校验值（SHA-256）' })
  .regex(/^[0-9a-f]{64}$/, { error: '校验值（SHA-256）无效' });

/** 标记为已提交: the package just exported (in exports/), named by its file name and SHA-256. */
export const markSubmittedSchema = z
  .object({
    fileName: fileNameField,
    sha256: sha256Field,
    /** A draft is marked only when the person confirms (NEEDS_CONFIRMATION otherwise). */
    acceptDraft: z.boolean().optional(),
  })
  .strict();

/** A project in a submitted package, and what it changes today against the version sent. */
export interface SubmittedPackageProject {
  /** Null when the project has been deleted since. */
  projectId: number | null;
  certificateName: string;
  year: number;
  /** Fields changed since the package was submitted; null when the project no longer exists. */
  changes: ProjectFieldChange[] | null;
}

/**
 * A package marked as submitted: its kept copy (read-only, in the data folder's submitted/),
 * the SHA-256 recorded then, and whether the copy is still byte for byte that file.
 */
export interface SubmittedPackage {
  id: number;
  submittedAt: string;
  /** When the package was built (its manifest's createdAt). */
  builtAt: string;
  fileName: string;
  /** Where the copy is kept, relative to the data folder (submitted/…). */
  storedAs: string;
  sha256: string;
  size: number;
  kind: PackageKind;
  draft: boolean;
  /** ok: the copy hashes to the recorded SHA-256; missing / altered: it does not. */
  file: 'ok' | 'missing' | 'altered';
  projects: SubmittedPackageProject[];
}

/** A submitted package's kept copy, offered for download. */
export type SubmittedPackageContent = FileOffer;

const submittedId = z.object({
  id: z
    .number({ error: '已提交的材料包无效' })
    .int({ error: '已提交的材料包无效' })
    .positive({ error: '已提交的材料包无效' }),
});

export interface PackageVerifyReport {
  ok: boolean;
  fileName: string;
  manifest:
    | (Pick<
        PackageManifest,
        'formatVersion' | 'appVersion' | 'createdAt' | 'kind' | 'draft' | 'school' | 'batch'
      > & {
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
  'package.buildBatch': { input: packageBuildBatchSchema, output: {} as PackageBuildResult },
  'package.cancel': { input: packageCancelSchema, output: {} as PackageCancelResult },
  'package.documentPdf': { input: packageDocumentPdfSchema, output: {} as GeneratedFile },
  /** Checks a package the page staged with `uploads.begin` / `uploads.chunk`. */
  'package.verify': { input: uploadRefSchema, output: {} as PackageVerifyReport },
  'package.markSubmitted': { input: markSubmittedSchema, output: {} as SubmittedPackage },
  'package.submittedList': { input: z.object({}).strict(), output: {} as SubmittedPackage[] },
  'package.readSubmitted': {
    input: submittedId.strict(),
    output: {} as SubmittedPackageContent,
  },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const packageTopics = {
  'package.build': {
    reads: [...projectData, 'funds', 'payments', 'batches'],
    writes: ['packages'],
  },
  'package.buildBatch': { reads: feeData, writes: ['packages'] },
  'package.cancel': { writes: ['packages'] },
  'package.documentPdf': { reads: projectData },
  'package.verify': { writes: ['uploads'] },
  'package.markSubmitted': { reads: projectData, writes: ['packages'] },
  'package.submittedList': { reads: ['packages', ...projectData] },
  'package.readSubmitted': { reads: ['packages'] },
} as const satisfies TopicsOf<typeof packageContract>;

export type { GeneratedFile } from './files';

import * as z from 'zod';
import {
  PACKAGE_FORMAT_VERSION,
  type ManifestFile,
  type PackageKind,
} from '../../../../shared/contract/package';
import { certificateLevels } from '../../../../shared/domain/certificate';
import { batchDocuments } from './batch';
import { applicationDocuments } from './build';

/** The documents a package of this kind must hold, as its builder names them. */
export function requiredDocuments(kind: PackageKind, draft: boolean): readonly string[] {
  return kind === 'batch' ? batchDocuments : Object.values(applicationDocuments(draft));
}

const kindLabels: Record<PackageKind, string> = {
  application: '申报材料包',
  batch: '考核报名材料包',
};

const fileSchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const filesSchema = z.array(fileSchema);

/**
 * A manifest of our format: everything both builders write (manifestZip.ts). Of each project
 * only what is read back (校验材料包, 标记为已提交); unknown fields are dropped.
 */
const manifestSchema = z
  .object({
    formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
    appVersion: z.string().min(1),
    createdAt: z.iso.datetime(),
    kind: z.enum(['application', 'batch']),
    draft: z.boolean(),
    school: z.object({ name: z.string().min(1), code: z.string() }),
    projects: z.array(
      z.object({
        id: z.number().int(),
        certificateName: z.string().min(1),
        year: z.number().int(),
      }),
    ),
    batch: z
      .object({
        id: z.number().int(),
        certificateName: z.string().min(1),
        level: z.enum(certificateLevels),
        levelLabel: z.string().min(1),
        name: z.string(),
        examDate: z.iso.date(),
        organization: z.string(),
        signups: z.number().int().nonnegative(),
      })
      .optional(),
    files: filesSchema,
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'application' && m.projects.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['projects'],
        message: '申报材料包的清单没有列出任何试点项目（projects）。',
      });
    }
    if (m.kind === 'batch' && !m.batch) {
      ctx.addIssue({
        code: 'custom',
        path: ['batch'],
        message: '考核报名材料包的清单缺少考核批次（batch）。',
      });
    }
  });

/** A manifest as read back: every field checked, projects with what is read of them. */
export type ReadManifest = z.infer<typeof manifestSchema>;

export interface ManifestReading {
  /** The manifest when it is of our format (it may still lack a required document). */
  manifest: ReadManifest | null;
  /** The file list when it can be read, even from a manifest that is not of our format. */
  files: ManifestFile[] | null;
  /** What is missing or wrong, each in a sentence; empty for a complete manifest. */
  problems: string[];
}

const fieldLabels: Record<string, string> = {
  formatVersion: '格式版本',
  appVersion: '软件版本',
  createdAt: '生成时间',
  kind: '材料包类型',
  draft: '草稿标记',
  school: '学校',
  projects: '试点项目',
  batch: '考核批次',
  files: '文件清单',
};

/** 学校（school.name）, 文件清单（files[2].sha256）: the Chinese name and the JSON path. */
function fieldName(path: readonly PropertyKey[]): string {
  const dotted = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`))
    .join('');
  return `${fieldLabels[String(path[0])] ?? '字段'}（${dotted}）`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Long lists (a thousand bad file lines) are cut to the first few and a count. */
const listed = (names: string[]) =>
  names.length > 8 ? `${names.slice(0, 8).join('、')} 等 ${names.length} 项` : names.join('、');

/** The schema's complaints as sentences: what is missing, what is invalid, kind rules as said. */
function describeIssues(raw: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  const version = valueAt(raw, ['formatVersion']);
  if (typeof version === 'number' && version > PACKAGE_FORMAT_VERSION) {
    return [
      `manifest.json 的格式版本为 ${version}，由更新版本的软件生成（本软件支持到 ${PACKAGE_FORMAT_VERSION}），请升级本软件后再校验。`,
    ];
  }
  const missing = new Set<string>();
  const invalid = new Set<string>();
  const said: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'custom') said.push(issue.message);
    else if (valueAt(raw, issue.path) === undefined) missing.add(fieldName(issue.path));
    else invalid.add(fieldName(issue.path));
  }
  return [
    ...(missing.size > 0
      ? [`manifest.json 不是本软件的清单格式，缺少：${listed([...missing])}。`]
      : []),
    ...(invalid.size > 0 ? [`manifest.json 中以下内容无效：${listed([...invalid])}。`] : []),
    ...said,
  ];
}

/**
 * Reads manifest.json (untrusted input) against our format and says, in Chinese, everything
 * missing or wrong: fields, and the documents its kind requires that its file list lacks.
 */
export function readManifest(text: string): ManifestReading {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { manifest: null, files: null, problems: ['manifest.json 不是有效的 JSON 文本。'] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      manifest: null,
      files: null,
      problems: ['manifest.json 不是本软件的清单格式（应为一个 JSON 对象）。'],
    };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const files = filesSchema.safeParse(valueAt(raw, ['files']));
    return {
      manifest: null,
      files: files.success ? files.data : null,
      problems: describeIssues(raw, parsed.error.issues),
    };
  }
  const manifest = parsed.data;
  const listedPaths = new Set(manifest.files.map((f) => f.path));
  const absent = requiredDocuments(manifest.kind, manifest.draft).filter(
    (name) => !listedPaths.has(name),
  );
  return {
    manifest,
    files: manifest.files,
    problems:
      absent.length > 0
        ? [`清单中缺少${kindLabels[manifest.kind]}必需的文件：${absent.join('、')}。`]
        : [],
  };
}

/** A complete manifest of our format, or null (for 标记为已提交, which only takes our own). */
export function parseManifest(text: string): ReadManifest | null {
  const reading = readManifest(text);
  return reading.problems.length === 0 ? reading.manifest : null;
}

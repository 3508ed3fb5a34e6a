import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { mimeTypes } from '../../../../shared/contract/files';
import type {
  SubmittedPackage,
  SubmittedPackageContent,
} from '../../../../shared/contract/package';
import type { ProjectRecord } from '../../../../shared/domain/projectRevisions';
import { diffProjectRecords } from '../../../../shared/domain/projectRevisions';
import { safeFileName } from '../../../../shared/domain/fileNames';
import type { CoreContext } from '../../context';
import { SUBMITTED_DIR } from '../../dataFiles';
import { auditLog, auditStamp } from '../../db/audit';
import type { Db } from '../../db/open';
import { CoreError } from '../../errors';
import {
  makePrivateDir,
  PRIVATE_FILE_MODE,
  READ_ONLY_FILE_MODE,
  setFileMode,
} from '../../io/privateFiles';
import { readZipEntries } from '../../io/safeZip';
import { processTempName, removeOrphanedTempFiles } from '../../io/tempFiles';
import { loadProject } from '../projects/repository';
import { projectData, projectRecord } from '../projects/revisions';
import { EXPORTS_DIR } from './exportFile';
import { sha256Hex, sha256OfFile } from '../../io/checksum';
import { MANIFEST_NAME } from './manifestZip';
import { parseManifest, type ReadManifest } from './manifestCheck';
import {
  dataUpdatedAt,
  insertPackageProjects,
  insertSubmittedPackage,
  listSubmittedPackages,
  packageProjectRows,
  submittedPackageById,
  submittedPackageBySha,
  type PackageRow,
} from './repository';
import { verifyLimits } from './verify';

const TEMP_KIND = 'zip';

/**
 * A name made by this app's exports: one plain file name, nothing that reaches elsewhere, nothing
 * invisible (safeFileName leaves it as it is).
 */
const plainName = (name: string) =>
  name === path.basename(name) && !name.startsWith('.') && safeFileName(name) === name;

async function readManifest(file: string, fileName: string): Promise<ReadManifest> {
  const entries = await readZipEntries(file, {
    what: '材料包',
    limits: verifyLimits,
    keepText: (name) => name === MANIFEST_NAME,
  });
  const text = entries.find((e) => e.name === MANIFEST_NAME)?.text;
  const manifest = text ? parseManifest(text) : null;
  if (!manifest) {
    throw new CoreError(
      'BAD_FILE',
      `“${fileName}”中没有有效的 manifest.json，不是本软件生成的材料包。`,
    );
  }
  return manifest;
}

/**
 * Submitted packages: 标记为已提交 keeps the exact zip the person downloaded,
 * read-only in `submitted/`, with its SHA-256 and each project as it stood; the list says
 * whether the copy is intact and what each project changes since.
 */
export function submittedPackages(ctx: CoreContext) {
  const { db } = ctx;
  const folder = path.join(ctx.dataDir, SUBMITTED_DIR);
  // A copy whose writer died is never a kept package: only renamed files are.
  removeOrphanedTempFiles(folder, TEMP_KIND);

  const byId = (id: number) => {
    const row = submittedPackageById(db, id);
    if (!row) throw new CoreError('NOT_FOUND', `已提交的材料包（编号 ${id}）不存在。`);
    return row;
  };

  async function fileState(row: PackageRow): Promise<SubmittedPackage['file']> {
    const file = path.join(folder, row.stored_name);
    if (!existsSync(file)) return 'missing';
    return (await sha256OfFile(file)) === row.sha256 ? 'ok' : 'altered';
  }

  async function view(row: PackageRow): Promise<SubmittedPackage> {
    return {
      id: row.id,
      submittedAt: row.submitted_at,
      builtAt: row.built_at,
      fileName: row.file_name,
      storedAs: `${SUBMITTED_DIR}/${row.stored_name}`,
      sha256: row.sha256,
      size: row.size,
      kind: row.kind,
      draft: row.draft === 1,
      file: await fileState(row),
      projects: projectsOf(db, row.id),
    };
  }

  return {
    async mark(input: {
      fileName: string;
      sha256: string;
      acceptDraft?: boolean;
    }): Promise<SubmittedPackage> {
      const { fileName } = input;
      const exported = path.join(ctx.dataDir, EXPORTS_DIR, fileName);
      if (!plainName(fileName) || !existsSync(exported)) {
        throw new CoreError(
          'NOT_FOUND',
          `导出文件夹中没有“${fileName}”，请重新导出后再标记为已提交。`,
        );
      }
      const bytes = readFileSync(exported);
      const sha = sha256Hex(bytes);
      if (sha !== input.sha256) {
        throw new CoreError(
          'CONFLICT',
          `导出文件夹中的“${fileName}”已被之后的导出替换，不是您下载的那个文件。请重新导出后再标记为已提交。`,
        );
      }
      const marked = () => submittedPackageBySha(db, sha);
      const existing = marked();
      if (existing) return view(existing);

      const manifest = await readManifest(exported, fileName);
      if (manifest.draft && !input.acceptDraft) {
        throw new CoreError(
          'NEEDS_CONFIRMATION',
          `“${fileName}”是草稿材料包（资格自查有不符合项），不能作为正式申报材料。确定它就是已报送的文件，仍要标记为已提交吗？`,
        );
      }
      const projects = manifest.projects.map((p) => {
        const project = loadProject(db, p.id);
        const same = project && project.certificateName === p.certificateName;
        return { listed: p, project: same && project.year === p.year ? project : undefined };
      });
      for (const { listed, project } of projects) {
        const edited = project && dataUpdatedAt(db, project.id) > manifest.createdAt;
        if (edited) {
          throw new CoreError(
            'CONFLICT',
            `“${listed.certificateName}（${listed.year}年）”在材料包生成之后又修改过，材料包中不是它现在的内容。请重新导出后再标记为已提交。`,
          );
        }
      }

      makePrivateDir(folder);
      const storedName = `${sha.slice(0, 12)}_${fileName}`;
      const kept = path.join(folder, storedName);
      const temp = path.join(folder, processTempName(TEMP_KIND));
      try {
        // The bytes just hashed, not the file again: it could be replaced meanwhile.
        writeFileSync(temp, bytes, { flag: 'wx', mode: PRIVATE_FILE_MODE });
        setFileMode(temp, READ_ONLY_FILE_MODE);
        renameSync(temp, kept);
      } finally {
        rmSync(temp, { force: true });
      }

      const at = ctx.now();
      try {
        const id = db.transaction(() => {
          const packageId = insertSubmittedPackage(db, {
            submitted_at: at,
            built_at: manifest.createdAt,
            file_name: fileName,
            stored_name: storedName,
            sha256: sha,
            size: bytes.length,
            kind: manifest.kind,
            draft: manifest.draft ? 1 : 0,
          });
          insertPackageProjects(
            db,
            packageId,
            projects.map(({ listed, project }) => {
              const version = project
                ? { data: projectData(project), record: projectRecord(db, project) }
                : null;
              return {
                project_id: project?.id ?? null,
                certificate_name: listed.certificateName,
                year: listed.year,
                record_json: JSON.stringify(version),
              };
            }),
          );
          auditLog(db, 'submitted_package')(auditStamp(ctx, at), packageId, 'create', null, {
            fileName,
            storedAs: `${SUBMITTED_DIR}/${storedName}`,
            sha256: sha,
            size: bytes.length,
            projects: projects.map(({ listed }) => `${listed.certificateName}（${listed.year}年）`),
          });
          return packageId;
        })();
        ctx.log('info', `package marked as submitted: ${fileName} (${sha})`);
        return await view(byId(id));
      } catch (error) {
        // A second 标记 of the same file that got here first: its record names this copy.
        const first = marked();
        if (first) return view(first);
        rmSync(kept, { force: true });
        throw error;
      }
    },

    async list(): Promise<SubmittedPackage[]> {
      const rows = listSubmittedPackages(db);
      const views: SubmittedPackage[] = [];
      for (const row of rows) views.push(await view(row));
      return views;
    },

    async read(id: number): Promise<SubmittedPackageContent> {
      const row = byId(id);
      const state = await fileState(row);
      if (state !== 'ok') {
        throw new CoreError(
          'CONFLICT',
          state === 'missing'
            ? `已提交的材料包“${row.file_name}”的留存文件不在数据文件夹中（${SUBMITTED_DIR}/${row.stored_name}）。`
            : `已提交的材料包“${row.file_name}”的留存文件已被改动，与提交时记录的校验值不符。`,
        );
      }
      return ctx.downloads.offer(path.join(folder, row.stored_name), {
        fileName: row.file_name,
        mime: mimeTypes.zip,
        size: row.size,
      });
    },
  };
}

/** The package's projects, each with what it changes today against the version sent. */
function projectsOf(db: Db, packageId: number): SubmittedPackage['projects'] {
  return packageProjectRows(db, packageId).map((row) => {
    const sent = JSON.parse(row.record_json) as { record: ProjectRecord } | null;
    const project = row.project_id === null ? undefined : loadProject(db, row.project_id);
    return {
      projectId: project ? project.id : null,
      certificateName: row.certificate_name,
      year: row.year,
      changes: project && sent ? diffProjectRecords(sent.record, projectRecord(db, project)) : null,
    };
  });
}

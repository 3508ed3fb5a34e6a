import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BackupDownload, BackupEntry } from '../../shared/contract/backup';
import type {
  PackageBuildResult,
  SubmittedPackage,
  SubmittedPackageContent,
} from '../../shared/contract/package';
import type { Project } from '../../shared/contract/projects';
import type { BackupArchiveManifest } from '../../electron/core/backup/archive';
import { readOwnZip } from '../../electron/core/io/zip';
import { createTestCore } from '../harness/core';
import { call } from '../harness/seed';
import { projectInput } from '../harness/seedProject';
import { projectSchoolPerTest } from '../harness/projectSchoolPerTest';
import { makeZip } from '../harness/files';
import { auditEntries } from '../harness/staff';
import { staged } from '../harness/uploads';
import { downloaded } from '../harness/downloads';

/** Kept packages are read-only, for their user alone; Windows shows read-only as 0444. */
const readOnlyMode = process.platform === 'win32' ? 0o444 : 0o400;

const ctx = projectSchoolPerTest('2026-11-03T02:00:00Z');

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const projectData = (overrides: Record<string, unknown> = {}) =>
  projectInput(ctx.seeded, ctx.certificate.id, { plannedStudents: [], ...overrides });

/** A project exported as a package (a draft: it has no files, so its self-check fails). */
async function exported(): Promise<{ project: Project; built: PackageBuildResult }> {
  const project = await call<Project>(ctx.t.core, 'projects.create', projectData());
  const built = await call<PackageBuildResult>(ctx.t.core, 'package.build', {
    projectIds: [project.id],
    acceptDraft: true,
  });
  return { project, built };
}

/** Marks a package (these are drafts: the person has confirmed it is what was sent). */
const mark = (built: PackageBuildResult) =>
  call<SubmittedPackage>(ctx.t.core, 'package.markSubmitted', {
    fileName: built.fileName,
    sha256: built.sha256,
    acceptDraft: true,
  });

const list = () => call<SubmittedPackage[]>(ctx.t.core, 'package.submittedList', {});

describe('submitted packages', () => {
  it('asks before marking a draft: refused with NEEDS_CONFIRMATION and nothing kept until confirmed', async () => {
    const { built } = await exported();
    expect(built.draft).toBe(true);
    const refused = await ctx.t.core.dispatch('package.markSubmitted', {
      fileName: built.fileName,
      sha256: built.sha256,
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('NEEDS_CONFIRMATION');
    expect(refused.error.message).toContain('草稿材料包');
    expect(await list()).toEqual([]);
    expect((await mark(built)).draft).toBe(true);
    expect(await list()).toHaveLength(1);
  });

  it('keeps a byte-identical read-only copy with its SHA-256, once, and reads it back', async () => {
    const { project, built } = await exported();
    const bytes = downloaded(ctx.t.core, built);
    expect(built.sha256).toBe(sha(bytes));

    ctx.now = new Date('2026-11-04T01:00:00Z');
    const kept = await mark(built);
    expect(kept).toMatchObject({
      submittedAt: '2026-11-04T01:00:00.000Z',
      builtAt: '2026-11-03T02:00:00.000Z',
      fileName: built.fileName,
      sha256: built.sha256,
      size: bytes.length,
      kind: 'application',
      draft: true,
      file: 'ok',
      projects: [
        { projectId: project.id, certificateName: 'Web前端开发', year: 2020, changes: [] },
      ],
    });
    expect(kept.storedAs).toMatch(/^submitted\//);
    const file = path.join(ctx.t.dataDir, kept.storedAs);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(readOnlyMode);

    // Marking the same file again (even twice at once) is the same record, and the copy stays.
    expect((await mark(built)).id).toBe(kept.id);
    expect(await list()).toHaveLength(1);
    await call(ctx.t.core, 'projects.update', {
      id: project.id,
      data: projectData({ year: 2021 }),
    });
    const other = await call<PackageBuildResult>(ctx.t.core, 'package.build', {
      projectIds: [project.id],
      acceptDraft: true,
    });
    const twice = await Promise.all([mark(other), mark(other)]);
    expect(twice[1].id).toBe(twice[0].id);
    expect(twice[0].file).toBe('ok');
    expect((await list()).map((p) => p.file)).toEqual(['ok', 'ok']);
    // One audit entry per package kept, however often it was marked.
    const audit = auditEntries(ctx.t, 'submitted_package');
    expect(audit.map((a) => [Number(a.entityId), a.action])).toEqual([
      [kept.id, 'create'],
      [twice[0].id, 'create'],
    ]);
    expect(audit[0].after).toMatchObject({
      fileName: built.fileName,
      storedAs: kept.storedAs,
      sha256: built.sha256,
      size: bytes.length,
    });

    const content = await call<SubmittedPackageContent>(ctx.t.core, 'package.readSubmitted', {
      id: kept.id,
    });
    expect(content.fileName).toBe(built.fileName);
    expect(downloaded(ctx.t.core, content).equals(bytes)).toBe(true);
  });

  it('says what changed in each project since the package was submitted', async () => {
    const { project, built } = await exported();
    await mark(built);
    ctx.now = new Date('2026-11-05T01:00:00Z');
    await call(ctx.t.core, 'projects.update', {
      id: project.id,
      data: projectData({ roomIds: [], plan: { ...projectData().plan, goals: '改过的目标' } }),
    });
    const [kept] = await list();
    expect(kept.projects[0].changes?.map((c) => c.label)).toEqual([
      '实训室',
      '实施方案 · 目标任务',
    ]);
    expect(kept.projects[0].changes?.[0]).toMatchObject({
      kind: 'list',
      removed: ['软件开发实训室'],
    });

    await call(ctx.t.core, 'projects.delete', { id: project.id });
    const [afterDelete] = await list();
    expect(afterDelete.projects[0]).toMatchObject({
      projectId: null,
      certificateName: 'Web前端开发',
      changes: null,
    });
  });

  it('reports a kept copy that was altered or removed, and will not hand it out', async () => {
    const { built } = await exported();
    const kept = await mark(built);
    const file = path.join(ctx.t.dataDir, kept.storedAs);

    chmodSync(file, 0o644);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('x')]));
    expect((await list())[0].file).toBe('altered');
    const altered = await ctx.t.core.dispatch('package.readSubmitted', { id: kept.id });
    expect(altered).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!altered.ok && altered.error.message).toContain('已被改动');

    rmSync(file);
    expect((await list())[0].file).toBe('missing');
    const missing = await ctx.t.core.dispatch('package.readSubmitted', { id: kept.id });
    expect(!missing.ok && missing.error.message).toContain('不在数据文件夹中');
  });

  it('refuses a file that is not the one downloaded, a project edited after the export, and names outside exports/', async () => {
    const { project, built } = await exported();

    // Exported again the same day: same name, other bytes; the first download is gone.
    ctx.now = new Date('2026-11-03T05:00:00Z');
    await call(ctx.t.core, 'projects.update', {
      id: project.id,
      data: projectData({ siteIds: [] }),
    });
    const rebuilt = await call<PackageBuildResult>(ctx.t.core, 'package.build', {
      projectIds: [project.id],
      acceptDraft: true,
    });
    expect(rebuilt.fileName).toBe(built.fileName);
    const replaced = await ctx.t.core.dispatch('package.markSubmitted', {
      fileName: built.fileName,
      sha256: built.sha256,
    });
    expect(!replaced.ok && replaced.error.message).toContain('已被之后的导出替换');

    ctx.now = new Date('2026-11-03T06:00:00Z');
    await call(ctx.t.core, 'projects.update', { id: project.id, data: projectData() });
    const stale = await ctx.t.core.dispatch('package.markSubmitted', {
      fileName: rebuilt.fileName,
      sha256: rebuilt.sha256,
      acceptDraft: true,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!stale.ok && stale.error.message).toContain('在材料包生成之后又修改过');

    const outside = await ctx.t.core.dispatch('package.markSubmitted', {
      fileName: '../pilotdesk.sqlite',
      sha256: built.sha256,
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await list()).toEqual([]);
  });

  it('survives a restore in the same folder, and a portable backup archive carries it to another PC', async () => {
    const { built } = await exported();
    const kept = await mark(built);
    const bytes = downloaded(ctx.t.core, built);

    const backup = await call<BackupEntry>(ctx.t.core, 'backup.create', {});
    await call(ctx.t.core, 'backup.restore', { id: backup.id });
    expect(await list()).toEqual([kept]);

    const archive = await call<BackupDownload>(ctx.t.core, 'backup.downloadArchive', {
      id: backup.id,
    });
    const zipped = downloaded(ctx.t.core, archive);
    const entries = await readOwnZip(zipped);
    const manifest = JSON.parse(
      entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'),
    ) as BackupArchiveManifest;
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.submitted).toEqual([
      { name: path.basename(kept.storedAs), sha256: kept.sha256, size: bytes.length },
    ]);

    const other = createTestCore();
    try {
      // A kept package altered inside the archive refuses the whole archive.
      const entryName = `submitted/${path.basename(kept.storedAs)}`;
      const tampered = makeZip(
        Object.fromEntries(
          entries.map((e) => [
            e.name,
            e.name === entryName ? Buffer.concat([e.data, bytes]) : e.data,
          ]),
        ),
      );
      const refused = await other.core.dispatch(
        'backup.restoreFile',
        await staged(other.core, archive.fileName, tampered),
      );
      expect(!refused.ok && refused.error.message).toContain(
        `已提交材料包条目“${entryName}”已损坏`,
      );
      expect(await call(other.core, 'package.submittedList', {})).toEqual([]);

      await call(
        other.core,
        'backup.restoreFile',
        await staged(other.core, archive.fileName, zipped),
      );
      const [moved] = await call<SubmittedPackage[]>(other.core, 'package.submittedList', {});
      expect(moved).toMatchObject({ sha256: kept.sha256, file: 'ok', storedAs: kept.storedAs });
      const file = path.join(other.dataDir, moved.storedAs);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(readOnlyMode);
    } finally {
      other.dispose();
    }
  });
});

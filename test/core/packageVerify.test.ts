import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageBuildResult, PackageVerifyReport } from '../../shared/contract/package';
import { readOwnZip } from '../../electron/core/io/zip';
import { requiredDocuments } from '../../electron/core/modules/package/manifestCheck';
import { createTestCore, type TestCore } from '../harness/core';
import { seedExamSchool } from '../harness/exams';
import { signUp } from '../harness/fees';
import { makeZip } from '../harness/files';
import { call } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { staged } from '../harness/uploads';
import { downloaded } from '../harness/downloads';

/**
 * 校验材料包 certifies only packages of our format: a manifest with kind, school, creation time,
 * app version and the documents its kind needs. Everything else is reported, never `ok`.
 */

let t: TestCore;
afterEach(() => t.dispose());

const verify = async (bytes: Buffer, fileName = 'x.zip') =>
  call<PackageVerifyReport>(t.core, 'package.verify', await staged(t.core, fileName, bytes));

type Entry = readonly [string, Buffer];
const entriesOf = async (built: PackageBuildResult): Promise<Entry[]> =>
  (await readOwnZip(downloaded(t.core, built))).map((e) => [e.name, e.data]);

/** The package again with its manifest edited (the zip's other entries as they were). */
function withManifest(entries: Entry[], edit: (m: Record<string, unknown>) => unknown): Buffer {
  return makeZip(
    entries.map(([name, data]): Entry => {
      if (name !== 'manifest.json') return [name, data];
      const manifest = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      return [name, Buffer.from(JSON.stringify(edit(manifest)))];
    }),
  );
}

/** The package without one file, in the archive and in the manifest's list alike. */
async function without(built: PackageBuildResult, path: string): Promise<Buffer> {
  const entries = (await entriesOf(built)).filter(([name]) => name !== path);
  return withManifest(entries, (m) => ({
    ...m,
    files: (m.files as { path: string }[]).filter((f) => f.path !== path),
  }));
}

describe('application packages', () => {
  let built: PackageBuildResult;
  beforeEach(async () => {
    t = createTestCore();
    const project = await seedCompleteProject(t.core);
    built = await call<PackageBuildResult>(t.core, 'package.build', { projectIds: [project.id] });
    expect(built.draft).toBe(false);
  });

  it('the builder writes exactly the documents verify requires', async () => {
    const documents = (await entriesOf(built))
      .map(([name]) => name)
      .filter((name) => name !== 'manifest.json' && !name.startsWith('附件/'));
    expect(documents.sort()).toEqual([...requiredDocuments('application', false)].sort());
    const clean = await verify(downloaded(t.core, built));
    expect(clean).toMatchObject({ ok: true, problems: [], missing: [], extra: [], changed: [] });
  });

  it('refuses a foreign manifest and says everything it lacks, checking its files anyway', async () => {
    const foreign = await verify(
      makeZip({ 'manifest.json': '{"formatVersion":1,"files":[]}', 'readme.txt': 'hello' }),
    );
    expect(foreign).toMatchObject({ ok: false, manifest: null, checkedFiles: 0 });
    expect(foreign.extra).toEqual(['readme.txt']);
    expect(foreign.problems).toEqual([
      'manifest.json 不是本软件的清单格式，缺少：软件版本（appVersion）、生成时间（createdAt）、材料包类型（kind）、草稿标记（draft）、学校（school）、试点项目（projects）。',
    ]);

    // Our own files with the header stripped: still listed file by file, still not certified.
    const entries = await entriesOf(built);
    const headerless = await verify(
      withManifest(entries, (m) => ({ formatVersion: 1, files: m.files })),
    );
    expect(headerless.ok).toBe(false);
    expect(headerless.manifest).toBeNull();
    expect(headerless.checkedFiles).toBe(built.manifest.files.length);
    expect(headerless.changed).toEqual([]);
    expect(headerless.problems[0]).toMatch(/缺少：软件版本.*材料包类型（kind）.*学校（school）/);
  });

  it('requires every document of the kind, named as a draft’s when the manifest says draft', async () => {
    const lacking = await verify(await without(built, '实施方案.docx'));
    expect(lacking.ok).toBe(false);
    expect(lacking.manifest).toMatchObject({
      kind: 'application',
      school: { name: expect.any(String) },
    });
    expect(lacking.missing).toEqual([]);
    expect(lacking.problems).toEqual(['清单中缺少申报材料包必需的文件：实施方案.docx。']);

    const entries = await entriesOf(built);
    const calledDraft = await verify(withManifest(entries, (m) => ({ ...m, draft: true })));
    expect(calledDraft.ok).toBe(false);
    expect(calledDraft.problems[0]).toBe(
      `清单中缺少申报材料包必需的文件：${requiredDocuments('application', true).join('、')}。`,
    );
    expect(requiredDocuments('application', true)).toContain('申报表（草稿）.pdf');

    const noProjects = await verify(withManifest(entries, (m) => ({ ...m, projects: [] })));
    expect(noProjects.ok).toBe(false);
    expect(noProjects.problems).toEqual(['申报材料包的清单没有列出任何试点项目（projects）。']);
  });

  it('reports duplicate entries and duplicate manifest lines with the manifest still shown', async () => {
    const entries = await entriesOf(built);
    const pdf = entries.find(([name]) => name === '申报表.pdf')!;
    const twice = await verify(makeZip([...entries, pdf]));
    expect(twice.ok).toBe(false);
    expect(twice.manifest).toMatchObject({ kind: 'application', draft: false });
    expect(twice.problems).toEqual(['条目“申报表.pdf”在材料包中出现了 2 次。']);
    expect(twice.changed).toEqual([]);

    // A second copy with other bytes: whichever copy an unzip tool keeps, it is flagged.
    const other = await verify(
      makeZip([...entries, ['申报表.pdf', Buffer.from('%PDF-1.4 other')]]),
    );
    expect(other.changed).toEqual(['申报表.pdf']);

    const listedTwice = await verify(
      withManifest(entries, (m) => {
        const files = m.files as { path: string }[];
        return { ...m, files: [...files, files[0]] };
      }),
    );
    expect(listedTwice.ok).toBe(false);
    expect(listedTwice.problems).toEqual([
      `manifest.json 的文件清单中“${built.manifest.files[0].path}”列出了 2 次。`,
    ]);
  });

  it('says what is wrong in a malformed manifest', async () => {
    const entries = await entriesOf(built);
    const others = entries.filter(([name]) => name !== 'manifest.json');
    const notJson = await verify(
      makeZip([...others, ['manifest.json', Buffer.from('{"files": [')]]),
    );
    expect(notJson).toMatchObject({ ok: false, manifest: null, checkedFiles: 0 });
    expect(notJson.problems).toEqual(['manifest.json 不是有效的 JSON 文本。']);

    const array = await verify(makeZip([...others, ['manifest.json', Buffer.from('[]')]]));
    expect(array.problems).toEqual(['manifest.json 不是本软件的清单格式（应为一个 JSON 对象）。']);

    const wrong = await verify(
      withManifest(entries, (m) => {
        const [first, ...rest] = m.files as { sha256: string }[];
        return {
          ...m,
          createdAt: '昨天',
          school: { name: 42, code: '' },
          kind: 'brochure',
          files: [{ ...first, sha256: 'abc' }, ...rest],
        };
      }),
    );
    expect(wrong).toMatchObject({ ok: false, manifest: null });
    expect(wrong.problems).toEqual([
      'manifest.json 中以下内容无效：生成时间（createdAt）、材料包类型（kind）、学校（school.name）、文件清单（files[0].sha256）。',
    ]);

    const newer = await verify(withManifest(entries, (m) => ({ ...m, formatVersion: 2 })));
    expect(newer.ok).toBe(false);
    expect(newer.problems).toEqual([
      'manifest.json 的格式版本为 2，由更新版本的软件生成（本软件支持到 1），请升级本软件后再校验。',
    ]);
  });
});

describe('batch packages', () => {
  let built: PackageBuildResult;
  beforeEach(async () => {
    t = createTestCore();
    const seeded = await seedExamSchool(t.core, { students: 2 });
    const { batchIds } = await signUp(
      (name, input) => call(t.core, name as never, input),
      [{ certificateId: seeded.certificate.id, level: 'junior', examDate: '2020-11-15', fee: 480 }],
      [{ student: seeded.students[0].id, batch: 0 }],
    );
    built = await call<PackageBuildResult>(t.core, 'package.buildBatch', { batchId: batchIds[0] });
  });

  it('requires both sheets and the batch, as the builder writes them', async () => {
    const names = (await entriesOf(built))
      .map(([name]) => name)
      .filter((n) => n !== 'manifest.json');
    expect(names.sort()).toEqual([...requiredDocuments('batch', false)].sort());

    const lacking = await verify(await without(built, '费用明细表.xlsx'));
    expect(lacking.ok).toBe(false);
    expect(lacking.manifest).toMatchObject({ kind: 'batch', batch: { signups: 1 } });
    expect(lacking.problems).toEqual(['清单中缺少考核报名材料包必需的文件：费用明细表.xlsx。']);

    const entries = await entriesOf(built);
    const noBatch = await verify(withManifest(entries, ({ batch: _batch, ...m }) => m));
    expect(noBatch).toMatchObject({ ok: false, manifest: null, checkedFiles: 2 });
    expect(noBatch.problems).toEqual(['考核报名材料包的清单缺少考核批次（batch）。']);
  });
});

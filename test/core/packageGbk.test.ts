import iconv from 'iconv-lite';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { Transform } from 'node:stream';
import path from 'node:path';
import yauzl from 'yauzl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackageBuildResult, PackageVerifyReport } from '../../shared/contract/package';
import { createTestCore, type TestCore } from '../harness/core';
import { writeGbkZipFile } from '../../electron/core/io/gbkZip';
import { artefactDir } from '../harness/documents';
import { makePdf } from '../harness/files';
import { call } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { staged } from '../harness/uploads';
import { downloaded } from '../harness/downloads';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.dispose());

interface RawEntry {
  raw: Buffer;
  flags: number;
  /** The Info-ZIP Unicode Path extra field (0x7075): version, CRC of the raw name, UTF-8 name. */
  unicodePath?: string;
}

/** The entries' names as stored (yauzl without decoding), with their flags and extra fields. */
function rawEntries(bytes: Buffer): Promise<RawEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { decodeStrings: false }, (err, zip) => {
      if (err) return reject(err);
      const all: RawEntry[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        const field = e.extraFields.find((f) => f.id === 0x7075);
        all.push({
          raw: e.fileName as unknown as Buffer,
          flags: e.generalPurposeBitFlag,
          unicodePath: field?.data.subarray(5).toString('utf8'),
        });
      });
      zip.on('end', () => resolve(all));
    });
  });
}

const build = (projectId: number, gbkNames: boolean) =>
  t.core.dispatch('package.build', { projectIds: [projectId], gbkNames, acceptDraft: true });

describe('兼容旧版 Windows 解压 (GBK file names)', () => {
  it('writes GBK names without the UTF-8 flag, the UTF-8 name beside each; unzip lists and tests them; the package verifies', async () => {
    const project = await seedCompleteProject(t.core);
    const result = await build(project.id, true);
    expect(result.ok).toBe(true);
    const built = (result.ok ? result.data : null) as PackageBuildResult;
    const bytes = downloaded(t.core, built);
    const manifestNames = built.manifest.files.map((f) => f.path);
    expect(manifestNames).toContain(
      '附件/附件三_Web前端开发 2020_人才培养方案_软件技术人才培养方案.pdf',
    );

    const entries = await rawEntries(bytes);
    expect(entries.map((e) => e.unicodePath ?? e.raw.toString('latin1')).sort()).toEqual(
      [...manifestNames, 'manifest.json'].sort(),
    );
    for (const e of entries) {
      expect(e.flags & 0x800).toBe(0);
      // What older Windows reads: the GBK bytes decode to the manifest's name.
      const name = iconv.decode(e.raw, 'gbk');
      expect(name === 'manifest.json' || e.unicodePath === name, name).toBe(true);
    }

    const dir = artefactDir('packageGbk');
    const file = path.join(dir, 'package.zip');
    writeFileSync(file, bytes);
    // Info-ZIP unzip reads the Unicode Path field. (Debian's unzip 6.0-28 has no -O cp936, and
    // 7-Zip is not installed here: the GBK bytes themselves are checked above.)
    const listed = spawnSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    for (const name of manifestNames) expect(listed.stdout).toContain(name);
    const tested = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    expect(tested.stdout).toContain('No errors detected');

    // 校验材料包 reads the names back (the Unicode Path field) and finds every file intact.
    const verified = await t.core.dispatch(
      'package.verify',
      await staged(t.core, built.fileName, bytes),
    );
    expect(
      verified.ok && (verified.data as PackageVerifyReport),
      JSON.stringify(verified),
    ).toMatchObject({
      ok: true,
      missing: [],
      extra: [],
      changed: [],
    });

    // Same data, same bytes; and the default export keeps UTF-8 names with the flag.
    const again = await build(project.id, true);
    expect(again.ok && (again.data as PackageBuildResult).sha256).toBe(built.sha256);
    const utf8 = await build(project.id, false);
    const plain = downloaded(t.core, utf8.ok ? (utf8.data as PackageBuildResult) : built);
    for (const e of await rawEntries(plain)) expect(e.flags & 0x800).toBe(0x800);
  });

  it('refuses a name GBK cannot spell, saying which, and leaves nothing in exports/', async () => {
    const project = await seedCompleteProject(t.core, { attachment: null });
    await call(t.core, 'attachments.upload', {
      ownerType: 'project',
      ownerId: project.id,
      kind: 'other',
      file: { fileName: '合作协议𠀀.pdf', contentBase64: makePdf('x').toString('base64') },
    });
    const refused = await build(project.id, true);
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toContain('合作协议𠀀.pdf');
      expect(refused.error.message).toContain('GBK');
    }
    const exportsDir = path.join(t.dataDir, 'exports');
    expect(existsSync(exportsDir) ? readdirSync(exportsDir) : []).toEqual([]);
    // Without the option the same package exports with UTF-8 names.
    expect((await build(project.id, false)).ok).toBe(true);
  });

  it('stops with the reason when cancelled mid-way or when a file fails its check on the way in', async () => {
    const dir = artefactDir('packageGbkStops');
    const file = path.join(dir, '附件.bin');
    writeFileSync(file, Buffer.alloc(256 * 1024, 7));
    const entry = (through: () => Transform) => ({
      name: '附件/附件三_大文件.bin',
      file,
      size: 256 * 1024,
      compress: false,
      through,
    });
    const controller = new AbortController();
    const cancelling = () =>
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          controller.abort(new Error('已取消'));
          done(null, chunk);
        },
      });
    await expect(
      writeGbkZipFile([entry(cancelling)], path.join(dir, 'cancelled.zip'), controller.signal),
    ).rejects.toThrow('已取消');
    const failing = () =>
      new Transform({
        transform(_chunk, _encoding, done) {
          done(new Error('附件已损坏'));
        },
      });
    await expect(writeGbkZipFile([entry(failing)], path.join(dir, 'damaged.zip'))).rejects.toThrow(
      '附件已损坏',
    );
  });
});

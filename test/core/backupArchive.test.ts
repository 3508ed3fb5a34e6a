import { createHash } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttachmentContent, AttachmentLink } from '../../shared/contract/attachments';
import type {
  BackupDownload,
  BackupEntry,
  BackupList,
  RestoreResult,
} from '../../shared/contract/backup';
import { UPLOADS_DIR } from '../../electron/core/dataFiles';
import type { BackupArchiveManifest } from '../../electron/core/backup/archive';
import { readOwnZip, type ZipEntry } from '../../electron/core/io/zip';
import { createTestCore, type TestCore } from '../harness/core';
import { dumpDatabase } from '../harness/dumpDatabase';
import { base64, makeBulkyFile, makeZip } from '../harness/files';
import { call, schoolProfile } from '../harness/seed';
import { staged } from '../harness/uploads';
import { downloaded } from '../harness/downloads';

const MB = 1024 * 1024;
const cores: TestCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.dispose();
});
const newCore = () => {
  const c = createTestCore();
  cores.push(c);
  return c;
};

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Every file under a data folder's subfolder, relative, sorted. */
function filesUnder(dataDir: string, sub: string): string[] {
  const root = path.join(dataDir, sub);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
}

const scan = makeBulkyFile('pdf', 3 * MB);
const photo = makeBulkyFile('png', 1 * MB);

/** The old PC: a school with two attachments, a manual backup and its archive. */
async function oldPc() {
  const t = newCore();
  await call(t.core, 'school.save', { ...schoolProfile, name: '搬到新电脑的学校' });
  for (const [name, bytes] of [
    ['合作协议扫描件.pdf', scan],
    ['实训室照片.png', photo],
  ] as const) {
    await call(t.core, 'attachments.upload', {
      ownerType: 'school',
      ownerId: 1,
      kind: 'other',
      file: { fileName: name, contentBase64: base64(bytes) },
    });
  }
  const backup = await call<BackupEntry>(t.core, 'backup.create', {});
  const started = performance.now();
  const archive = await call<BackupDownload>(t.core, 'backup.downloadArchive', { id: backup.id });
  const buildMs = performance.now() - started;
  return { t, backup, archive, bytes: downloaded(t.core, archive), buildMs };
}

const manifestOf = (entries: ZipEntry[]) =>
  JSON.parse(
    entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'),
  ) as BackupArchiveManifest;

describe('portable backup archive (.zip with attachments)', () => {
  it('carries the database and both attachments to a fresh data folder, byte for byte', async () => {
    const { t: source, backup, archive, bytes, buildMs } = await oldPc();
    expect(archive.fileName).toMatch(/^1\+X试点工作台备份-\d{8}-\d{4}\.zip$/);
    expect(archive.size).toBe(bytes.length);
    expect(existsSync(path.join(source.dataDir, 'exports', archive.fileName))).toBe(true);

    const entries = await readOwnZip(bytes);
    const manifest = manifestOf(entries);
    expect(manifest).toMatchObject({
      format: 'pilotdesk-backup',
      formatVersion: 1,
      appVersion: '0.0.0-test',
      createdAt: '2026-03-02T08:00:00.000Z',
      database: backup.id,
    });
    expect(manifest.attachments).toEqual(
      [
        { sha256: sha(scan), size: scan.length },
        { sha256: sha(photo), size: photo.length },
      ].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
    );
    expect(entries.map((e) => e.name).sort()).toEqual(
      [
        backup.id,
        'manifest.json',
        ...manifest.attachments.map((a) => `attachments/${a.sha256}`),
      ].sort(),
    );
    for (const a of manifest.attachments) {
      const entry = entries.find((e) => e.name === `attachments/${a.sha256}`)!;
      expect(sha(entry.data)).toBe(a.sha256);
      expect(entry.data.length).toBe(a.size);
    }
    expect(
      entries
        .find((e) => e.name === backup.id)!
        .data.subarray(0, 15)
        .toString(),
    ).toBe('SQLite format 3');

    // The new PC: an empty data folder.
    const target = newCore();
    expect(await call(target.core, 'school.get', {})).toBeNull();
    const started = performance.now();
    const result = await call<RestoreResult>(
      target.core,
      'backup.restoreFile',
      await staged(target.core, archive.fileName, bytes),
    );
    const restoreMs = performance.now() - started;
    console.log(
      `backup archive of ${(bytes.length / MB).toFixed(1)} MB: built in ${buildMs.toFixed(0)} ms, staged and restored in ${restoreMs.toFixed(0)} ms`,
    );
    expect(result).toMatchObject({ restoredFrom: archive.fileName, missingAttachments: 0 });
    expect((await call<{ name: string }>(target.core, 'school.get', {})).name).toBe(
      '搬到新电脑的学校',
    );
    const links = await call<AttachmentLink[]>(target.core, 'attachments.list', {
      ownerType: 'school',
      ownerId: 1,
    });
    expect(links.map((l) => l.name).sort()).toEqual(
      ['合作协议扫描件.pdf', '实训室照片.png'].sort(),
    );
    for (const link of links) {
      const content = await call<AttachmentContent>(target.core, 'attachments.read', {
        linkId: link.id,
      });
      const expected = link.name.endsWith('.pdf') ? scan : photo;
      expect(Buffer.from(content.contentBase64, 'base64').equals(expected)).toBe(true);
    }
    expect(filesUnder(target.dataDir, 'attachments')).toEqual(
      filesUnder(source.dataDir, 'attachments'),
    );
    // No working file is left behind.
    expect(filesUnder(target.dataDir, UPLOADS_DIR)).toEqual([]);

    // A plain .sqlite download of the same backup still restores (its attachments, already in
    // this data folder now, are found).
    const plain = await call<BackupDownload>(source.core, 'backup.download', { id: backup.id });
    const again = await call<RestoreResult>(
      target.core,
      'backup.restoreFile',
      await staged(target.core, plain.fileName, downloaded(source.core, plain)),
    );
    expect(again.missingAttachments).toBe(0);
  });

  it('refuses a damaged or unsafe archive, naming the entry, and changes nothing', async () => {
    const { bytes, backup } = await oldPc();
    const entries = await readOwnZip(bytes);
    const manifest = manifestOf(entries);
    const scanEntry = `attachments/${sha(scan)}`;
    const rebuild = (change: (all: Record<string, Buffer>) => void) => {
      const all = Object.fromEntries(entries.map((e) => [e.name, e.data]));
      change(all);
      return makeZip(all);
    };
    const tamperedScan = Buffer.from(scan);
    tamperedScan[tamperedScan.length - 700] ^= 0xff;
    const cases: [string, Buffer, RegExp][] = [
      [
        'tampered attachment',
        rebuild((all) => (all[scanEntry] = tamperedScan)),
        new RegExp(`附件条目“${scanEntry}”已损坏`),
      ],
      [
        'missing database',
        rebuild((all) => delete all[backup.id]),
        new RegExp(`缺少清单所列的数据库条目“${backup.id}”`),
      ],
      [
        'missing attachment',
        rebuild((all) => delete all[scanEntry]),
        new RegExp(`缺少清单所列的附件条目“${scanEntry}”`),
      ],
      [
        'zip-slip',
        rebuild((all) => (all['../../pilotdesk.sqlite'] = Buffer.from('x'))),
        /条目“\.\.\/\.\.\/pilotdesk\.sqlite”含“\.\.\/”.*路径穿越/,
      ],
      ['no manifest', rebuild((all) => delete all['manifest.json']), /没有 manifest\.json/],
      [
        'wrong manifest',
        rebuild(
          (all) =>
            (all['manifest.json'] = Buffer.from(
              JSON.stringify({ ...manifest, database: '../x.sqlite' }),
            )),
        ),
        /manifest\.json 内容无效/,
      ],
      [
        'entry not in the manifest',
        rebuild((all) => (all['attachments/readme.txt'] = Buffer.from('hi'))),
        /条目“attachments\/readme\.txt”不在 manifest\.json 的清单中/,
      ],
      ['truncated zip', bytes.subarray(0, bytes.length - 200), /zip/],
    ];

    const t = newCore();
    await call(t.core, 'school.save', { ...schoolProfile, name: '新电脑上原有的学校' });
    const before = dumpDatabase(t.dataDir);
    const backupsBefore = (await call<BackupList>(t.core, 'backup.list', {})).items;
    for (const [what, archive, message] of cases) {
      const result = await t.core.dispatch(
        'backup.restoreFile',
        await staged(t.core, '1+X试点工作台备份.zip', archive),
      );
      expect(result.ok, what).toBe(false);
      if (result.ok) continue;
      expect(result.error.code, what).toBe('BAD_FILE');
      expect(result.error.message, what).toMatch(message);
      expect(dumpDatabase(t.dataDir), what).toEqual(before);
      expect((await call<BackupList>(t.core, 'backup.list', {})).items, what).toEqual(
        backupsBefore,
      );
      expect(filesUnder(t.dataDir, 'attachments'), what).toEqual([]);
      expect(filesUnder(t.dataDir, UPLOADS_DIR), what).toEqual([]);
    }
  });

  it('refuses to pack an attachment whose stored file no longer matches its checksum', async () => {
    const t = newCore();
    await call(t.core, 'school.save', schoolProfile);
    await call(t.core, 'attachments.upload', {
      ownerType: 'school',
      ownerId: 1,
      kind: 'other',
      file: { fileName: '协议.pdf', contentBase64: base64(scan) },
    });
    const backup = await call<BackupEntry>(t.core, 'backup.create', {});
    const hex = sha(scan);
    // Damage both the live file and the backups' hard link to it (the same file).
    writeFileSync(
      path.join(t.dataDir, 'attachments', hex.slice(0, 2), hex),
      makeBulkyFile('pdf', 1000),
    );
    const result = await t.core.dispatch('backup.downloadArchive', { id: backup.id });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(`附件文件 ${hex} 已损坏`);
    expect(readdirSync(path.join(t.dataDir, 'exports'))).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { DATABASE_FILE, UPLOADS_DIR } from '../../electron/core/dataFiles';
import { MAX_OPEN_UPLOADS, UPLOAD_IDLE_MS } from '../../electron/core/io/uploads';
import type { BackupDownload, BackupList, RestoreResult } from '../../shared/contract/backup';
import type { HandlerName } from '../../shared/contract';
import { MAX_UPLOAD_BYTES } from '../../shared/contract/files';
import type { PackageBuildResult, PackageVerifyReport } from '../../shared/contract/package';
import type { StudentFacets } from '../../shared/contract/students';
import { MAX_CHUNK_BYTES } from '../../shared/contract/uploads';
import { createTestCore, type TestCore } from '../harness/core';
import { dumpDatabase } from '../harness/dumpDatabase';
import { makeBulkyFile } from '../harness/files';
import { expectRefusedUnchanged } from '../harness/hostile';
import { LARGE_BACKUP_STUDENTS, makeLargeBackup } from '../harness/largeBackup';
import { call } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { staged } from '../harness/uploads';
import { downloaded } from '../harness/downloads';

const MB = 1024 * 1024;
/** What the page sends per call (renderer/src/api/files.ts STAGE_CHUNK_BYTES). */
const PAGE_CHUNK = 4 * MB;

const cores: TestCore[] = [];
afterEach(() => {
  while (cores.length > 0) cores.pop()?.dispose();
});

function newCore(now?: () => Date): TestCore {
  const t = createTestCore(now);
  cores.push(t);
  return t;
}

const stagingDir = (t: TestCore) => path.join(t.dataDir, UPLOADS_DIR);
const stagedFiles = (t: TestCore) =>
  existsSync(stagingDir(t)) ? readdirSync(stagingDir(t)).sort() : [];
const schoolName = async (core: Core) =>
  (await call<{ name: string } | null>(core, 'school.get', {}))?.name;

const begin = (core: Core, size: number, fileName = '备份.sqlite') =>
  call<{ uploadId: string }>(core, 'uploads.begin', { fileName, size });
const chunk = (core: Core, uploadId: string, offset: number, bytes: Buffer) =>
  core.dispatch('uploads.chunk', { uploadId, offset, content: bytes });

describe('files over 45 MB, staged in pieces', () => {
  it('restores a real backup of another PC (over 45 MB) downloaded, staged and restored', async () => {
    const source = newCore();
    const backup = await makeLargeBackup(
      source.dataDir,
      (name, input) => source.core.dispatch(name as HandlerName, input),
      '新办公室要用的学校',
    );
    const download = await call<BackupDownload>(source.core, 'backup.download', { id: backup.id });
    const bytes = downloaded(source.core, download);
    expect(bytes.length).toBeGreaterThan(MAX_UPLOAD_BYTES);

    const t = newCore();
    await seedCompleteProject(t.core);
    expect(await schoolName(t.core)).not.toBe('新办公室要用的学校');

    let started = performance.now();
    // gzip-compressed pieces, as the page sends them.
    const upload = await staged(t.core, download.fileName, bytes, PAGE_CHUNK, true);
    const stageMs = performance.now() - started;
    expect(stagedFiles(t)).toHaveLength(1);
    started = performance.now();
    const result = await call<RestoreResult>(t.core, 'backup.restoreFile', upload);
    const restoreMs = performance.now() - started;
    console.log(
      `staged ${(bytes.length / MB).toFixed(1)} MB in ${Math.ceil(bytes.length / PAGE_CHUNK)} pieces: ${stageMs.toFixed(0)} ms; restored in ${restoreMs.toFixed(0)} ms`,
    );

    expect(result.restoredFrom).toBe(download.fileName);
    expect(result.undoBackup?.kind).toBe('pre-restore');
    expect(await schoolName(t.core)).toBe('新办公室要用的学校');
    const facets = await call<StudentFacets>(t.core, 'students.facets', {});
    expect(facets.total).toBe(LARGE_BACKUP_STUDENTS);
    // Used once, then gone: a second restore of the same upload names nothing.
    expect(stagedFiles(t)).toEqual([]);
    const again = await expectRefusedUnchanged(t, 'backup.restoreFile', upload, 'NOT_FOUND');
    expect(again.message).toContain('找不到这次上传');
  }, 120_000);

  it('verifies a real package over 45 MB read from the staged file', async () => {
    const t = newCore();
    const project = await seedCompleteProject(t.core, {
      attachment: makeBulkyFile('pdf', 13 * MB),
    });
    for (let i = 1; i <= 3; i += 1) {
      await call(t.core, 'attachments.upload', {
        ownerType: 'project',
        ownerId: project.id,
        kind: 'other',
        file: {
          fileName: `证明材料${i}.pdf`,
          contentBase64: makeBulkyFile('pdf', 13 * MB).toString('base64'),
        },
      });
    }
    const built = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [project.id],
      acceptDraft: true,
    });
    const bytes = downloaded(t.core, built);
    expect(bytes.length).toBeGreaterThan(MAX_UPLOAD_BYTES);

    const report = await call<PackageVerifyReport>(
      t.core,
      'package.verify',
      await staged(t.core, built.fileName, bytes),
    );
    expect(report.fileName).toBe(built.fileName);
    expect(report.missing).toEqual([]);
    expect(report.changed).toEqual([]);
    expect(report.extra).toEqual([]);
    expect(report.checkedFiles).toBe(built.manifest.files.length);
    expect(stagedFiles(t)).toEqual([]);

    // One byte changed deep inside an attachment is found in the staged copy too.
    const tampered = Buffer.from(bytes);
    tampered[Math.floor(tampered.length / 2)] ^= 0xff;
    const bad = await call<PackageVerifyReport>(
      t.core,
      'package.verify',
      await staged(t.core, built.fileName, tampered),
    );
    expect(bad.ok).toBe(false);
    expect(stagedFiles(t)).toEqual([]);
  }, 120_000);
});

describe('refusals, each in Chinese, changing nothing', () => {
  it('refuses a piece at the wrong offset or past the declared size, keeping what arrived', async () => {
    const t = newCore();
    await seedCompleteProject(t.core);
    const { uploadId } = await begin(t.core, 10);
    // Declaring the size wrote nothing yet.
    expect(stagedFiles(t)).toEqual([]);
    expect(await chunk(t.core, uploadId, 0, Buffer.from('abcd'))).toEqual({
      ok: true,
      data: { received: 4, size: 10 },
    });
    const [file] = stagedFiles(t);
    const size = () => statSync(path.join(stagingDir(t), file)).size;

    const wrong = await expectRefusedUnchanged(
      t,
      'uploads.chunk',
      { uploadId, offset: 2, content: Buffer.from('xyz') },
      'CONFLICT',
    );
    expect(wrong.message).toBe(
      '分块位置不对：应从第 4 字节接着传，收到的分块从第 2 字节开始。请重新选择文件上传。',
    );
    const ahead = await expectRefusedUnchanged(
      t,
      'uploads.chunk',
      { uploadId, offset: 8, content: Buffer.from('xy') },
      'CONFLICT',
    );
    expect(ahead.message).toContain('应从第 4 字节接着传，收到的分块从第 8 字节开始');
    const past = await expectRefusedUnchanged(
      t,
      'uploads.chunk',
      { uploadId, offset: 4, content: Buffer.from('1234567') },
      'BAD_FILE',
    );
    expect(past.message).toBe('分块超出了文件大小：“备份.sqlite”共 10 字节，这一块到第 11 字节。');
    expect(size()).toBe(4);
    // The right piece still fits after the refusals.
    expect(await chunk(t.core, uploadId, 4, Buffer.from('efghij'))).toMatchObject({
      data: { received: 10, size: 10 },
    });
    expect(size()).toBe(10);
    expect(await call(t.core, 'uploads.cancel', { uploadId })).toEqual({ cancelled: true });
    expect(stagedFiles(t)).toEqual([]);
  });

  it('refuses a compressed piece that is not gzip or that unpacks past one piece', async () => {
    const t = newCore();
    await seedCompleteProject(t.core);
    const { uploadId } = await begin(t.core, 2 * MAX_CHUNK_BYTES);
    const notGzip = await expectRefusedUnchanged(
      t,
      'uploads.chunk',
      { uploadId, offset: 0, content: Buffer.from('abcd'), gzip: true },
      'VALIDATION',
    );
    expect(notGzip.message).toBe('分块内容（content）无效（不是 gzip 压缩数据）');
    // A few KB that would unpack to 9 MiB: refused before it is written.
    const bomb = gzipSync(Buffer.alloc(MAX_CHUNK_BYTES + MB));
    expect(bomb.length).toBeLessThan(MB);
    const tooLarge = await expectRefusedUnchanged(
      t,
      'uploads.chunk',
      { uploadId, offset: 0, content: bomb, gzip: true },
      'VALIDATION',
    );
    expect(tooLarge.message).toBe('分块内容（content）解压后过大：每块最多 8.0 MB');
    expect(stagedFiles(t)).toEqual([]);
    // A good compressed piece is stored as its unpacked bytes.
    const piece = Buffer.from('压缩前的内容'.repeat(1000));
    expect(
      await call(t.core, 'uploads.chunk', {
        uploadId,
        offset: 0,
        content: gzipSync(piece),
        gzip: true,
      }),
    ).toEqual({ received: piece.length, size: 2 * MAX_CHUNK_BYTES });
    expect(statSync(path.join(stagingDir(t), stagedFiles(t)[0])).size).toBe(piece.length);
  });

  it('refuses to use an incomplete upload, and deletes it', async () => {
    const t = newCore();
    await seedCompleteProject(t.core);
    const before = dumpDatabase(t.dataDir);
    const backups = () => call<BackupList>(t.core, 'backup.list', {}).then((l) => l.items);
    const backupsBefore = await backups();
    for (const name of ['backup.restoreFile', 'package.verify'] as const) {
      const { uploadId } = await begin(t.core, 3 * MB);
      await chunk(t.core, uploadId, 0, randomBytes(MB + MB / 2));
      const error = await expectRefusedUnchanged(t, name, { uploadId }, 'BAD_FILE');
      expect(error.message, name).toBe(
        '文件尚未传完（已收到 1.5 MB / 共 3.0 MB），请重新选择文件。',
      );
      expect(stagedFiles(t), name).toEqual([]);
      const gone = await chunk(t.core, uploadId, MB + MB / 2, randomBytes(10));
      expect(gone.ok || gone.error.code, name).toBe('NOT_FOUND');
    }
    expect(dumpDatabase(t.dataDir)).toEqual(before);
    // A refused restore made no 还原前 backup.
    expect(await backups()).toEqual(backupsBefore);
  });

  it('answers an unknown, cancelled or malformed upload id with a Chinese message', async () => {
    const t = newCore();
    await seedCompleteProject(t.core);
    const unknown = randomBytes(16).toString('hex');
    for (const [name, input] of [
      ['uploads.chunk', { uploadId: unknown, offset: 0, content: Buffer.from('abc') }],
      ['backup.restoreFile', { uploadId: unknown }],
      ['package.verify', { uploadId: unknown }],
    ] as const) {
      const error = await expectRefusedUnchanged(t, name, input, 'NOT_FOUND');
      expect(error.message, name).toBe(
        '找不到这次上传：它可能已经用过、已取消或因长时间未继续而被清理。请重新选择文件。',
      );
    }
    expect(await call(t.core, 'uploads.cancel', { uploadId: unknown })).toEqual({
      cancelled: false,
    });

    const { uploadId } = await begin(t.core, 100);
    await chunk(t.core, uploadId, 0, Buffer.from('part'));
    expect(stagedFiles(t)).toHaveLength(1);
    expect(await call(t.core, 'uploads.cancel', { uploadId })).toEqual({ cancelled: true });
    expect(stagedFiles(t)).toEqual([]);
    await expectRefusedUnchanged(t, 'backup.restoreFile', { uploadId }, 'NOT_FOUND');

    for (const bad of ['../pilotdesk.sqlite', `${unknown.slice(0, 31)}/`, unknown.toUpperCase()]) {
      const error = await expectRefusedUnchanged(
        t,
        'backup.restoreFile',
        { uploadId: bad },
        'VALIDATION',
      );
      expect(error.message).toContain('上传编号（uploadId）无效');
    }
    const empty = await expectRefusedUnchanged(
      t,
      'uploads.begin',
      { fileName: '空.sqlite', size: 0 },
      'VALIDATION',
    );
    expect(empty.message).toContain('文件是空的（size 为 0）');
  });

  it('deletes an upload whose restore fails, and keeps the data as it was', async () => {
    const t = newCore();
    await seedCompleteProject(t.core);
    const name = await schoolName(t.core);
    const upload = await staged(t.core, '不是数据库.sqlite', randomBytes(5 * MB), PAGE_CHUNK);
    const error = await expectRefusedUnchanged(t, 'backup.restoreFile', upload, 'BAD_FILE');
    expect(error.message).toContain('不是 SQLite 数据库文件');
    expect(stagedFiles(t)).toEqual([]);
    expect(await schoolName(t.core)).toBe(name);
  });

  it('drops abandoned uploads and refuses too many open at once', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    const t = newCore(() => now);
    const open: string[] = [];
    for (let i = 0; i < MAX_OPEN_UPLOADS; i += 1) {
      const { uploadId } = await begin(t.core, 10);
      await chunk(t.core, uploadId, 0, Buffer.from('ab'));
      open.push(uploadId);
    }
    const many = await t.core.dispatch('uploads.begin', { fileName: 'x.zip', size: 10 });
    expect(many.ok ? null : many.error).toMatchObject({ code: 'CONFLICT' });
    expect(many.ok ? '' : many.error.message).toContain('同时进行的上传过多（8 个）');

    now = new Date(now.getTime() + UPLOAD_IDLE_MS + 1000);
    await chunk(t.core, open[0], 2, Buffer.from('cd')); // still in use: kept
    await begin(t.core, 10);
    expect(stagedFiles(t)).toHaveLength(1);
    expect(await chunk(t.core, open[0], 4, Buffer.from('ef'))).toMatchObject({ ok: true });
    expect(await chunk(t.core, open[1], 2, Buffer.from('cd'))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('in recovery mode', () => {
  it('stages and restores a file while the data file is damaged', async () => {
    const t = newCore();
    await seedCompleteProject(t.core);
    const exported = await call<BackupDownload>(t.core, 'backup.exportDatabase', {});
    const exportedBytes = downloaded(t.core, exported);
    t.core.close();
    writeFileSync(path.join(t.dataDir, DATABASE_FILE), randomBytes(64 * 1024));
    const broken = createCore({
      dataDir: t.dataDir,
      clock: () => new Date('2026-03-02T09:00:00Z'),
      log: () => undefined,
      appVersion: '0.0.0-test',
    });
    try {
      expect(broken.status().mode).toBe('recovery');
      const upload = await staged(broken, exported.fileName, exportedBytes);
      await call(broken, 'backup.restoreFile', upload);
      expect(broken.status().mode).toBe('normal');
      expect(await schoolName(broken)).toBe('湖北示例职业技术学院');
    } finally {
      broken.close();
    }
  });
});

describe('at start', () => {
  it('removes uploads a dead process left half-sent, and nothing else', () => {
    const t = newCore();
    const dir = stagingDir(t);
    mkdirSync(dir, { recursive: true });
    // pid 99999999 is above any Linux pid_max: that process cannot be running.
    const orphan = `.99999999-${randomBytes(16).toString('hex')}.upload.tmp`;
    writeFileSync(path.join(dir, orphan), randomBytes(1000));
    writeFileSync(path.join(dir, '说明.txt'), 'not ours');
    t.core.close();
    const logs: string[] = [];
    const reopened = createCore({
      dataDir: t.dataDir,
      clock: () => new Date('2026-03-02T09:00:00Z'),
      log: (_level, message, data) => logs.push(`${message} ${JSON.stringify(data)}`),
      appVersion: '0.0.0-test',
    });
    try {
      expect(readdirSync(dir)).toEqual(['说明.txt']);
      expect(logs.join('\n')).toContain(`removed unfinished uploads {"files":["${orphan}"]}`);
    } finally {
      reopened.close();
    }
  });
});

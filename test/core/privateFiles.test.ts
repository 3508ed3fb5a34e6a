import Database from 'better-sqlite3';
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DIR, DATABASE_FILE, createCore } from '../../electron/core';
import { SUBMITTED_DIR } from '../../electron/core/dataFiles';
import { migrations } from '../../electron/core/migrations';
import type { BackupDownload, BackupEntry, RestoreResult } from '../../shared/contract/backup';
import type { PackageBuildResult } from '../../shared/contract/package';
import { createTestCore, type TestCore } from '../harness/core';
import { call } from '../harness/seed';
import { seedCompleteProject } from '../harness/seedProject';
import { staged } from '../harness/uploads';
import { makeTempDir } from '../harness/webHost';
import { downloaded } from '../harness/downloads';

/**
 * Private files: the data folder holds ID numbers and fees, so everything the core makes in it
 * is for its user alone: folders 0700, files 0600, kept submitted packages 0400.
 */

const mode = (file: string) => statSync(file).mode & 0o777;

/** Every folder (the root included) and file under `root`, with its mode in octal. */
function modes(root: string): { dirs: Record<string, string>; files: Record<string, string> } {
  const dirs: Record<string, string> = { '.': mode(root).toString(8) };
  const files: Record<string, string> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const name = path.relative(root, full);
    if (lstatSync(full).isDirectory()) dirs[name] = mode(full).toString(8);
    else files[name] = mode(full).toString(8);
  }
  return { dirs, files };
}

/** Every folder 0700; every file 0600 but those in submitted/, which are 0400. */
function expectPrivate(root: string): void {
  const { dirs, files } = modes(root);
  for (const [name, m] of Object.entries(dirs)) expect(m, name).toBe('700');
  for (const [name, m] of Object.entries(files)) {
    expect(m, name).toBe(name.startsWith(`${SUBMITTED_DIR}${path.sep}`) ? '400' : '600');
  }
}

const cores: TestCore[] = [];
const temps: { remove(): void }[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.dispose());
  temps.splice(0).forEach((t) => t.remove());
});
const newCore = () => {
  const c = createTestCore();
  cores.push(c);
  return c;
};

// Windows has no POSIX modes (Node maps only the write bit to the read-only flag); there the
// folder is private by its place in the user's profile.
describe.skipIf(process.platform === 'win32')('private data files', () => {
  // The usual umask, under which files would be made 0644 and folders 0755.
  let umask: number;
  beforeAll(() => {
    umask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
  });

  it('makes every folder 0700 and every file 0600 (submitted packages 0400), through a whole year’s work', async () => {
    const t = newCore();
    await seedCompleteProject(t.core); // attachments/
    const built = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [1],
      acceptDraft: true,
    }); // exports/
    await call(t.core, 'package.markSubmitted', {
      fileName: built.fileName,
      sha256: built.sha256,
    }); // submitted/
    const backup = await call<BackupEntry>(t.core, 'backup.create', {}); // backups/ and its pool
    const archive = await call<BackupDownload>(t.core, 'backup.downloadArchive', {
      id: backup.id,
    });
    await call(t.core, 'backup.exportDatabase', {});
    await call<RestoreResult>(t.core, 'backup.restore', { id: backup.id }); // pre-restore copy
    // An upload half received: its staged bytes wait in uploads/.
    const { uploadId } = await call<{ uploadId: string }>(t.core, 'uploads.begin', {
      fileName: '备份.zip',
      size: 10,
    });
    await call(t.core, 'uploads.chunk', {
      uploadId,
      offset: 0,
      content: Buffer.from('PK\x03\x04'),
    });

    const { files } = modes(t.dataDir);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        DATABASE_FILE,
        `${DATABASE_FILE}-wal`,
        `${DATABASE_FILE}-shm`,
        path.join('exports', built.fileName),
        path.join('exports', archive.fileName),
        path.join(BACKUP_DIR, backup.id),
      ]),
    );
    expect(Object.keys(files).some((f) => f.startsWith(`${SUBMITTED_DIR}${path.sep}`))).toBe(true);
    expect(Object.keys(files).some((f) => f.startsWith(`attachments${path.sep}`))).toBe(true);
    expect(Object.keys(files).some((f) => f.startsWith(`uploads${path.sep}`))).toBe(true);
    expectPrivate(t.dataDir);
    await call(t.core, 'uploads.cancel', { uploadId });

    // The archive restored on another PC: unpacked attachments and packages are private too.
    const other = newCore();
    await call<RestoreResult>(
      other.core,
      'backup.restoreFile',
      await staged(other.core, archive.fileName, downloaded(t.core, archive)),
    );
    expect(Object.keys(modes(other.dataDir).files)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^attachments\//)]),
    );
    expectPrivate(other.dataDir);
  });

  it('makes an older install private when it opens it, and its migration backup too', () => {
    const temp = makeTempDir('pilotdesk-modes-');
    temps.push(temp);
    const dataDir = path.join(temp.dir, 'PilotDesk');
    mkdirSync(path.join(dataDir, BACKUP_DIR), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    // A file of schema version 2, made 0644 as an older version left it.
    const file = path.join(dataDir, DATABASE_FILE);
    const old = new Database(file);
    for (const m of migrations.filter((m) => m.version <= 2)) old.exec(m.sql);
    old.pragma('user_version = 2');
    old.close();
    chmodSync(file, 0o644);
    expect(mode(file)).toBe(0o644);

    const opened = createCore({
      dataDir,
      clock: () => new Date('2026-03-02T08:00:00Z'),
      log: () => undefined,
      appVersion: '0.0.0-test',
    });
    try {
      const backups = readdirSync(path.join(dataDir, BACKUP_DIR));
      expect(backups).toEqual([expect.stringMatching(/^pre-migration-v2-to-v\d+-/)]);
      expectPrivate(dataDir);
    } finally {
      opened.close();
    }
  });
});

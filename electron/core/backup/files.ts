import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../../shared/contract/backup';
import type { BackupKind } from '../../../shared/domain/backup';
import { namesIn } from '../io/folders';

/**
 * Backup files are named by what they are and when they were taken, so the folder explains
 * itself and needs no index: `auto-20260302T080000Z.sqlite`, `manual-…`, `pre-restore-…`, and
 * the migration step's `pre-migration-v1-to-v5-20260302T080000.sqlite` (db/open.ts). A second
 * backup of the same kind in the same second gets `-2`, `-3`…
 */
const ownName = /^(auto|manual|pre-restore)-(\d{8}T\d{6})Z(?:-(\d+))?\.sqlite$/;
const migrationName = /^pre-migration-v(\d+)-to-v(\d+)-(\d{8}T\d{6})Z?(?:-(\d+))?\.sqlite$/;

/** `20260302T080000Z`: UTC, second precision, safe in file names everywhere. */
export function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

function fromStamp(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  if (!m) return new Date(NaN);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

export interface ParsedBackupName {
  kind: BackupKind;
  at: Date;
  seq: number;
  note: string | null;
}

export function parseBackupName(name: string): ParsedBackupName | null {
  const own = ownName.exec(name);
  if (own) {
    const at = fromStamp(own[2]);
    if (Number.isNaN(at.getTime())) return null;
    return { kind: own[1] as BackupKind, at, seq: Number(own[3] ?? 1), note: null };
  }
  const migration = migrationName.exec(name);
  if (migration) {
    const at = fromStamp(migration[3]);
    if (Number.isNaN(at.getTime())) return null;
    return {
      kind: 'pre-migration',
      at,
      seq: Number(migration[4] ?? 1),
      note: `v${migration[1]} → v${migration[2]}`,
    };
  }
  return null;
}

/** A file name for a new backup that no existing file has. */
export function newBackupName(
  dir: string,
  kind: Exclude<BackupKind, 'pre-migration'>,
  at: Date,
): string {
  const base = `${kind}-${fileStamp(at)}`;
  const existing = new Set(namesIn(dir));
  for (let seq = 1; ; seq += 1) {
    const name = seq === 1 ? `${base}.sqlite` : `${base}-${seq}.sqlite`;
    if (!existing.has(name) && !existing.has(`.${name}.tmp`)) return name;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Every backup in the folder, newest first (same second: the later sequence number first). */
export function listBackupFiles(dir: string): BackupEntry[] {
  const entries: (BackupEntry & { at: number; seq: number })[] = [];
  for (const name of namesIn(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const file = path.join(dir, name);
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) continue;
      size = stat.size + sizeOf(`${file}-wal`);
    } catch {
      continue;
    }
    entries.push({
      id: name,
      kind: parsed.kind,
      createdAt: parsed.at.toISOString(),
      size,
      note: parsed.note,
      at: parsed.at.getTime(),
      seq: parsed.seq,
    });
  }
  entries.sort((a, b) => b.at - a.at || b.seq - a.seq || (a.id < b.id ? 1 : -1));
  return entries.map(({ at: _at, seq: _seq, ...entry }) => entry);
}

/** Removes one backup and the journal files SQLite may have left beside it. */
export function removeBackupFile(dir: string, id: string): void {
  const file = path.join(dir, id);
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  rmSync(`${file}-journal`, { force: true });
}

/** Temporary copies the backup code writes (`.<name>.sqlite.tmp`, with their journals). */
const tempCopy = /^\..+\.sqlite\.tmp(?:-journal|-wal|-shm)?$/;

/**
 * Removes temporary copies that a process killed while writing them left behind (a snapshot,
 * an export, a restore candidate). Only files untouched for `maxAgeMs` (by the file system's
 * clock) go: another process on the same folder may be writing a fresh one right now.
 */
export function removeStaleTempCopies(
  dirs: readonly string[],
  maxAgeMs = 60 * 60 * 1000,
): string[] {
  const removed: string[] = [];
  const now = Date.now();
  for (const dir of dirs) {
    for (const name of namesIn(dir)) {
      if (!tempCopy.test(name)) continue;
      const file = path.join(dir, name);
      try {
        if (now - statSync(file).mtimeMs < maxAgeMs) continue;
        rmSync(file, { force: true });
        removed.push(file);
      } catch {
        // gone meanwhile
      }
    }
  }
  return removed;
}

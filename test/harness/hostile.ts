import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { BackupDownload } from '../../shared/contract/backup';
import { writeZip } from '../../electron/core/io/zip';
import { contract, type HandlerName, type PilotErrorShape } from '../../shared/contract';
import type { TestCore } from './core';
import { dumpDatabase } from './dumpDatabase';
import { seededBytes } from './random';
import { call } from './seed';
import { makeTempDir, repoRoot } from './webHost';

/** The hostile-input corpus: small files committed in test/fixtures/hostile/ (see README.md). */
export const hostileDir = path.join(repoRoot, 'test', 'fixtures', 'hostile');

export function hostileFile(name: string): { fileName: string; contentBase64: string } {
  return {
    fileName: name,
    contentBase64: readFileSync(path.join(hostileDir, name)).toString('base64'),
  };
}

/** Han characters: every message the user sees is Chinese. */
export const chinese = /[\u3400-\u9fff]/;

/** Every handler of the contract whose name ends with `suffix` (e.g. `.importCommit`). */
export function handlersEndingWith(suffix: string): HandlerName[] {
  return (Object.keys(contract) as HandlerName[]).filter((name) => name.endsWith(suffix));
}

/**
 * Dispatches a call that must be refused: it fails with a Chinese message (and `code` when
 * given) and the database is exactly as before, table by table and row by row.
 */
export async function expectRefusedUnchanged(
  t: TestCore,
  name: HandlerName,
  input: unknown,
  code?: PilotErrorShape['code'],
): Promise<PilotErrorShape> {
  const before = dumpDatabase(t.dataDir);
  const result = await t.core.dispatch(name, input);
  if (result.ok) expect.fail(`${name} should have refused the input but returned ok`);
  const { error } = result;
  expect(error.message, `${name}: ${error.message}`).toMatch(chinese);
  expect(error.code, `${name}: ${error.message}`).not.toBe('INTERNAL');
  if (code) expect(error.code, `${name}: ${error.message}`).toBe(code);
  expect(dumpDatabase(t.dataDir), `${name} changed the database`).toEqual(before);
  return error;
}

/**
 * An upload of `bytes` zero bytes, as base64 text, without allocating the bytes themselves
 * (`AAAA` is three zero bytes).
 */
export function zeroUpload(fileName: string, bytes: number) {
  return { fileName, contentBase64: 'A'.repeat(Math.ceil(bytes / 3) * 4) };
}

/**
 * An archive that unpacks to over 200 MB while no entry compresses more than about 100:1, so
 * only the total limit can stop it (about 2 MB on disk).
 */
export function wideZipBomb(): Promise<Buffer> {
  // One random byte in every 64 keeps the ratio near 100:1, under the per-entry bomb check.
  const entry = Buffer.alloc(8 << 20);
  const noise = seededBytes(entry.length / 64, 1);
  for (let i = 0; i < noise.length; i += 1) entry[i * 64] = noise[i];
  return writeZip([
    { name: 'manifest.json', data: Buffer.from('{"formatVersion":1,"files":[]}') },
    ...Array.from({ length: 26 }, (_, i) => ({ name: `part-${i}.bin`, data: entry })),
  ]);
}

/**
 * The core's own data as an exported database file, with `sql` run on it afterwards (a trigger
 * or view added, a definition changed): a backup someone has tampered with.
 */
export async function tamperedDatabase(t: TestCore, sql: string): Promise<Buffer> {
  const exported = await call<BackupDownload>(t.core, 'backup.exportDatabase', {});
  const temp = makeTempDir('pilotdesk-tampered-');
  try {
    const file = path.join(temp.dir, 'tampered.sqlite');
    writeFileSync(file, Buffer.from(exported.contentBase64, 'base64'));
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
    return readFileSync(file);
  } finally {
    temp.remove();
  }
}

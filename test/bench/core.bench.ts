import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/core';
import { makeTempDir } from '../harness/webHost';
import { medianMs, row, type BenchRow } from './stats';
import { openBenchCore } from '../harness/core';

/** Core open + migrate, on an empty and on a populated file, against a raw SQLite open. */
export async function benchCoreOpen(runs = 9): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-');
  try {
    const rawOpen = await medianMs(runs, () => {
      const file = path.join(temp.dir, 'raw.sqlite');
      rmSync(file, { force: true });
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.close();
    });

    const emptyDir = path.join(temp.dir, 'empty');
    const empty = await medianMs(runs, () => {
      rmSync(emptyDir, { recursive: true, force: true });
      openBenchCore(emptyDir).close();
    });

    const populatedDir = path.join(temp.dir, 'populated');
    const seeded = openBenchCore(populatedDir);
    await seeded.dispatch('school.save', {
      name: '基准测试职业技术学院',
      kind: 'higher_vocational',
      demonstrationLevel: 'provincial',
      city: '武汉市',
    });
    seeded.close();
    // Fill the audit log with 100k rows so the file is no longer trivial.
    const db = new Database(path.join(populatedDir, DATABASE_FILE));
    const insert = db.prepare(
      "INSERT INTO audit_log (at, actor, entity, entity_id, action, after_json) VALUES (?, 'bench', 'school', '1', 'update', ?)",
    );
    db.transaction(() => {
      for (let i = 0; i < 100_000; i += 1)
        insert.run(new Date(i * 1000).toISOString(), `{"n":${i}}`);
    })();
    db.close();
    const rawPopulated = await medianMs(runs, () => {
      const raw = new Database(path.join(populatedDir, DATABASE_FILE));
      raw.pragma('journal_mode = WAL');
      raw.close();
    });
    const populated = await medianMs(runs, () => openBenchCore(populatedDir).close());

    return [
      row('core open + migrate, new file', empty, {
        name: 'raw SQLite open (new file)',
        ms: rawOpen,
      }),
      row('core open, populated file (100k rows)', populated, {
        name: 'raw SQLite open (same file)',
        ms: rawPopulated,
      }),
    ];
  } finally {
    temp.remove();
  }
}

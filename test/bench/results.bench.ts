import Database from 'better-sqlite3';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE } from '../../electron/core';
import type { ImportResult } from '../../shared/contract/imports';
import type { Student } from '../../shared/contract/students';
import { openBenchCore } from '../harness/core';
import { batchInput, createBatch, seedExamSchool } from '../harness/exams';
import { call } from '../harness/seed';
import { upload, xlsxBytes } from '../harness/sheets';
import { residentId } from '../harness/students';
import { makeTempDir } from '../harness/webHost';
import { median, row, type BenchRow } from './stats';
import { excelJsStreamingRead } from './rawImport';
import { medianWithSetup } from './students.bench';

const STUDENTS = 5_000;
const header = ['序号', '姓名', '身份证号', '学号', '成绩', '是否通过', '证书编号', '发证日期'];

/**
 * 导入成绩 of a 5,000-row result sheet into a batch of 5,000 sign-ups (preview + commit through
 * the core) against ExcelJS's streaming read plus a raw UPDATE of every sign-up in one
 * transaction, with the roster import's target (ratio ≤ 1.5). Each run starts from a copy of the
 * same seeded folder.
 */
export async function benchResultsImport(runs = 3): Promise<BenchRow[]> {
  const temp = makeTempDir('pilotdesk-bench-results-');
  try {
    const seededDir = path.join(temp.dir, 'seeded');
    const core = openBenchCore(seededDir);
    const seeded = await seedExamSchool(core, { students: 0 });
    const students: Student[] = [];
    for (let i = 0; i < STUDENTS; i += 1) {
      // residentId numbers at most 999 people per birth date: spread them over the year.
      const birth = `2004${String(1 + Math.floor(i / 500)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
      const sequence = (i % 999) + 1;
      students.push(
        await call<Student>(core, 'students.save', {
          studentNo: `2020${String(i + 1).padStart(6, '0')}`,
          name: `学生${i + 1}`,
          idType: 'resident',
          idNumber: residentId(birth, sequence),
          gender: sequence % 2 === 1 ? 'male' : 'female',
          majorId: seeded.majorIds[0],
          className: '软件2001班',
          entryYear: 2020,
          pilot: true,
        }),
      );
    }
    const batch = await createBatch(core, batchInput(seeded.certificate.id));
    await call(core, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: students.map((s) => s.id),
      confirm: true,
    });
    core.close();
    const rows = students.map((s, i) => {
      const score = 40 + (i % 60);
      return [
        i + 1,
        s.name,
        s.idNumber,
        s.studentNo,
        score,
        score >= 60 ? '通过' : '不通过',
        score >= 60 ? `WEB-2020-${String(i + 1).padStart(5, '0')}` : '',
        score >= 60 ? '2020-12-20' : '',
      ];
    });
    const bytes = await xlsxBytes({ rows: [header, ...rows] as never });
    const file = upload('成绩单.xlsx', bytes);

    let n = 0;
    const copy = () => {
      n += 1;
      const dir = path.join(temp.dir, `run-${n}`);
      cpSync(seededDir, dir, { recursive: true });
      return dir;
    };
    const times = { preview: [] as number[], commit: [] as number[] };
    const total = await medianWithSetup(
      runs,
      () => openBenchCore(copy()),
      async (c) => {
        let start = performance.now();
        await call(c, 'exams.results.importPreview', { batchId: batch.id, file });
        times.preview.push(performance.now() - start);
        start = performance.now();
        const result = await call<ImportResult>(c, 'exams.results.importCommit', {
          batchId: batch.id,
          file,
        });
        times.commit.push(performance.now() - start);
        c.close();
        if (result.created + result.updated !== STUDENTS)
          throw new Error(`imported ${JSON.stringify(result)}`);
      },
    );

    const raw = await medianWithSetup(
      runs,
      () => path.join(copy(), DATABASE_FILE),
      async (dbFile) => {
        const sheet = await excelJsStreamingRead(bytes);
        const db = new Database(dbFile);
        const byId = new Map(
          (
            db
              .prepare(
                'SELECT su.id, st.id_number FROM signups su JOIN students st ON st.id = su.student_id WHERE su.batch_id = ?',
              )
              .all(batch.id) as { id: number; id_number: string }[]
          ).map((r) => [r.id_number, r.id]),
        );
        const update = db.prepare(
          'UPDATE signups SET status = ?, score = ?, certificate_no = ?, issued_on = ?, updated_at = ? WHERE id = ?',
        );
        const at = new Date().toISOString();
        db.transaction(() => {
          for (const r of sheet.slice(1)) {
            const passed = r[5] === '通过';
            update.run(
              passed ? 'passed' : 'failed',
              Number(r[4]),
              String(r[6] ?? ''),
              String(r[7] ?? ''),
              at,
              byId.get(String(r[2])),
            );
          }
        })();
        db.close();
      },
    );
    return [
      row(
        `results: import a ${STUDENTS.toLocaleString('en')}-row result sheet (preview + commit)`,
        total,
        { name: 'ExcelJS streaming read + raw UPDATE, 1 txn', ms: raw },
        'ratio ≤ 1.5',
      ),
      row('  of which preview (match every row to a sign-up)', median(times.preview)),
      row('  of which commit (check again + write + audit)', median(times.commit)),
    ];
  } finally {
    temp.remove();
  }
}

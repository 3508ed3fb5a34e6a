import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import { UPLOADS_DIR } from '../../electron/core/dataFiles';
import { writeBackupArchive } from '../../electron/core/backup/archive';
import { readOwnZip } from '../../electron/core/io/zip';
import { contract, type HandlerName } from '../../shared/contract';
import type { AttachmentContent, AttachmentLink } from '../../shared/contract/attachments';
import type { RestoreResult } from '../../shared/contract/backup';
import type { Certificate } from '../../shared/contract/catalogue';
import { MAX_UPLOAD_BYTES } from '../../shared/contract/files';
import type { PackageBuildResult } from '../../shared/contract/package';
import type { StudentListResult } from '../../shared/contract/students';
import type { Teacher } from '../../shared/contract/teachers';
import type { TrainingRoom } from '../../shared/contract/rooms';
import type { TrainingSite } from '../../shared/contract/sites';
import { createTestCore, type TestCore } from '../harness/core';
import { dumpDatabase } from '../harness/dumpDatabase';
import {
  chinese,
  expectRefusedUnchanged,
  handlersEndingWith,
  highRatioXlsx,
  hostileFile,
  manyEntriesXlsx,
  tamperedDatabase,
  understatedXlsxBomb,
  watchInflation,
  whitespaceXlsxBomb,
  wideXlsxBomb,
  wideZipBomb,
  zeroUpload,
} from '../harness/hostile';
import { makePng } from '../harness/files';
import { call, schoolProfile } from '../harness/seed';
import { batchInput } from '../harness/exams';
import { seedCompleteProject } from '../harness/seedProject';
import { upload, xlsxBytes } from '../harness/sheets';
import { rosterHeader, rosterRows } from '../harness/students';
import { staged, stagedUpload } from '../harness/uploads';
import { makeTempDir } from '../harness/webHost';
import { downloaded } from '../harness/downloads';

/**
 * The hostile-input corpus (test/fixtures/hostile/, README.md there). Every
 * case ends in a clear Chinese message and a database identical to the one before, compared
 * table by table (dumpDatabase); values that mean something to Excel or SQL are kept as text.
 */

/** A portable backup archive (as 下载备份包 writes it) holding `database`. */
async function archiveOf(database: Buffer): Promise<Buffer> {
  const temp = makeTempDir('pilotdesk-archive-');
  try {
    const file = path.join(temp.dir, 'manual-20260302T080000Z.sqlite');
    writeFileSync(file, database);
    const target = path.join(temp.dir, 'archive.zip');
    await writeBackupArchive({
      database: file,
      databaseName: path.basename(file),
      hashes: [],
      roots: [],
      appVersion: '0.0.0-test',
      createdAt: new Date('2026-03-02T08:00:00Z'),
      target,
    });
    return readFileSync(target);
  } finally {
    temp.remove();
  }
}

let t: TestCore;
/** An exam batch, for the imports that read into one (成绩导入). */
let batchId: number;
beforeEach(async () => {
  t = createTestCore();
  // Something to lose: a school, staff, a project with an attachment, and a few students.
  await seedCompleteProject(t.core);
  await call(t.core, 'students.importCommit', {
    file: upload('在校生.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(5)] })),
  });
  const [web] = await call<Certificate[]>(t.core, 'catalogue.list', { search: 'Web前端开发' });
  batchId = (await call<{ id: number }>(t.core, 'exams.batches.save', batchInput(web.id))).id;
});

/** An import's input: the file, and the batch when the import reads into one. */
function importInput(name: HandlerName, input: Record<string, unknown>) {
  const shape = (contract[name].input as { shape?: Record<string, unknown> }).shape;
  return shape && 'batchId' in shape ? { ...input, batchId } : input;
}
afterEach(() => t.dispose());

const importHandlers = [
  ...handlersEndingWith('.importPreview'),
  ...handlersEndingWith('.importCommit'),
];

describe('hostile spreadsheets and text files, in every import', () => {
  const cases: [file: string, says: RegExp][] = [
    ['roster-truncated.xlsx', /损坏|截断/],
    ['random-bytes.xlsx', /不是有效的 Excel 工作簿|损坏/],
    ['random-after-pk.xlsx', /损坏|截断/],
    ['zip-not-a-workbook.xlsx', /Excel|工作簿/],
    ['roster-gbk-named-xlsx.xlsx', /不是有效的 Excel 工作簿/],
    ['roster-nul-bytes.csv', /不是 CSV|损坏/],
    ['roster-utf16le-no-bom.csv', /不是 CSV|损坏/],
    ['roster-invalid-utf8-bom.csv', /UTF-8/],
    [
      'roster-mixed-encodings.csv',
      /混用了两种文字编码：第 1、2、3 等 行是 UTF-8，第 17、18、19 等 行是 GBK/,
    ],
    [
      'roster-gbk-with-utf8-lines.csv',
      /混用了两种文字编码：第 11、12 行是 UTF-8，第 1、2、3 等 行是 GBK/,
    ],
  ];
  it('has import handlers to test', () => {
    expect(importHandlers).toEqual(
      expect.arrayContaining(['students.importCommit', 'teachers.importCommit']),
    );
  });
  for (const [file, says] of cases) {
    it(`refuses ${file}`, async () => {
      for (const name of importHandlers) {
        const error = await expectRefusedUnchanged(
          t,
          name,
          importInput(name, { file: hostileFile(file) }),
        );
        expect(error.code, `${name}: ${error.message}`).toBe('BAD_FILE');
        expect(error.message, name).toMatch(says);
      }
    });
  }
});

describe('zip bombs named .xlsx, in every import', () => {
  /** Sends the workbook to every import, watching the zip reader and ExcelJS meanwhile. */
  const refusedEverywhere = async (bytes: Buffer, says: RegExp) => {
    const watch = watchInflation();
    // ExcelJS's full load has no limits: nothing may fall back to it.
    const excelJsLoad = vi.spyOn(Object.getPrototypeOf(new ExcelJS.Workbook().xlsx), 'load');
    try {
      for (const name of importHandlers) {
        const file = upload('名单.xlsx', bytes);
        const error = await expectRefusedUnchanged(
          t,
          name,
          importInput(name, { file }),
          'BAD_FILE',
        );
        expect(error.message, name).toMatch(says);
      }
      expect(excelJsLoad).not.toHaveBeenCalled();
      return watch;
    } finally {
      watch.restore();
      excelJsLoad.mockRestore();
    }
  };

  it('refuses a 300 KB workbook whose sheet is 300 MB of whitespace, before inflating it', async () => {
    const bomb = await whitespaceXlsxBomb();
    expect(bomb.length).toBeLessThan(400 * 1024);
    const watch = await refusedEverywhere(
      bomb,
      /^Excel 文件“名单\.xlsx”中的条目“xl\/worksheets\/sheet1\.xml”解压后有 300\.0 MB，超过单个条目 100\.0 MB 的上限/,
    );
    expect(watch.opened).toEqual([]);
    expect(watch.inflatedBytes()).toBe(0);
  });

  it('refuses a workbook of too many entries before reading its directory', async () => {
    const watch = await refusedEverywhere(
      await manyEntriesXlsx(5_001),
      /^Excel 文件“名单\.xlsx”内的条目过多（5011 个，上限 5000 个）/,
    );
    expect(watch.directoryRecords()).toBe(0);
    expect(watch.opened).toEqual([]);
  });

  it('refuses a workbook with one part that inflates about 1000:1, before inflating anything', async () => {
    const watch = await refusedEverywhere(
      await highRatioXlsx(),
      /^Excel 文件“名单\.xlsx”中的条目“docProps\/custom\.xml”压缩比异常（.*约 \d{3,4}:1，上限 200:1）/,
    );
    expect(watch.opened).toEqual([]);
    expect(watch.inflatedBytes()).toBe(0);
  });

  it('refuses a workbook whose parts add up to over 200 MB, none of them a bomb alone', async () => {
    const watch = await refusedEverywhere(
      await wideXlsxBomb(),
      /^Excel 文件“名单\.xlsx”解压后过大：到条目“xl\/media\/image\d+\.bin”为止已有 20\d\.\d MB，超过 200\.0 MB 的上限/,
    );
    expect(watch.opened).toEqual([]);
    expect(watch.inflatedBytes()).toBe(0);
  });

  it('stops a sheet that inflates past the size its directory declares', async () => {
    const { bytes, declared } = await understatedXlsxBomb();
    const watch = await refusedEverywhere(
      bytes,
      /条目“xl\/worksheets\/sheet1\.xml”解压出的内容比声明的 1\.0 MB 多（实际大小与声明不符）/,
    );
    // 12 MB of sheet behind each refusal; what came out is the declared MB and one chunk more.
    const sheetReads = watch.opened.filter((name) => name === 'xl/worksheets/sheet1.xml').length;
    expect(sheetReads).toBe(importHandlers.length);
    expect(watch.inflatedBytes()).toBeLessThan(sheetReads * (declared + 256 * 1024));
  });

  it('answers other calls while a large workbook is being read', async () => {
    const file = upload(
      '名单.xlsx',
      await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(5_000, { startNo: 9000 })] }),
    );
    const answered: string[] = [];
    const importing = t.core
      .dispatch('students.importPreview', { file })
      .then(() => answered.push('import'));
    // Asked once the import has started: a reader that blocked would answer it only afterwards.
    const other = new Promise<void>((resolve) => {
      setImmediate(() => {
        void t.core.dispatch('school.get', {}).then(() => {
          answered.push('school.get');
          resolve();
        });
      });
    });
    await Promise.all([importing, other]);
    expect(answered).toEqual(['school.get', 'import']);
  });
});

describe('oversized uploads', () => {
  it('refuses a 200 MB file in every handler that takes a file, by its size, before reading it', async () => {
    const huge = zeroUpload('名单.xlsx', 200 * 1024 * 1024);
    const takesFile = (Object.keys(contract) as HandlerName[]).filter((name) => {
      const shape = (contract[name].input as { shape?: Record<string, unknown> }).shape;
      return shape !== undefined && 'file' in shape;
    });
    expect(takesFile).toEqual(
      expect.arrayContaining(['students.importCommit', 'attachments.upload']),
    );
    for (const name of takesFile) {
      const error = await expectRefusedUnchanged(t, name, { file: huge }, 'VALIDATION');
      expect(error.message, name).toMatch(/文件过大（约 200 MB），超过 45 MB 的上限/);
      expect(error.details?.fields, name).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'file.contentBase64' })]),
      );
    }
    // Just under the limit is not refused for its size.
    const fits = zeroUpload('名单.xlsx', MAX_UPLOAD_BYTES - 3);
    const error = await expectRefusedUnchanged(t, 'students.importPreview', { file: fits });
    expect(error.code).toBe('BAD_FILE');
  });

  it('refuses a staged upload over 2 GiB and a 200 MB piece by their size, writing nothing', async () => {
    const tooBig = await expectRefusedUnchanged(
      t,
      'uploads.begin',
      { fileName: '备份.sqlite', size: 3 * 1024 ** 3 },
      'VALIDATION',
    );
    expect(tooBig.message).toContain('文件过大（size），最多 2.00 GB');
    const { uploadId } = await call<{ uploadId: string }>(t.core, 'uploads.begin', {
      fileName: '备份.sqlite',
      size: 1024 ** 3,
    });
    const piece = await expectRefusedUnchanged(
      t,
      'uploads.chunk',
      { uploadId, offset: 0, content: new Uint8Array(200 * 1024 * 1024) },
      'VALIDATION',
    );
    expect(piece.message).toContain('分块内容（content）过大：每块最多 8.0 MB');
    // Declaring 1 GiB wrote nothing: the staging folder holds no bytes until pieces arrive.
    expect(readdirSync(path.join(t.dataDir, UPLOADS_DIR))).toEqual([]);
    await call(t.core, 'uploads.cancel', { uploadId });
  });
});

describe('hostile archives (package.verify)', () => {
  const refuses = async (file: { fileName: string; contentBase64: string }, says: RegExp) => {
    const error = await expectRefusedUnchanged(
      t,
      'package.verify',
      await stagedUpload(t.core, file),
      'BAD_FILE',
    );
    expect(error.message).toMatch(says);
  };
  it('refuses random bytes and a truncated package', async () => {
    await refuses(hostileFile('package-random.zip'), /不是|损坏/);
    const built = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [1],
      acceptDraft: true,
    });
    const bytes = downloaded(t.core, built);
    for (const keep of [0.3, 0.9]) {
      const cut = bytes.subarray(0, Math.floor(bytes.length * keep));
      await refuses(upload('截断.zip', cut), /损坏|截断|不是/);
    }
  });
  it('refuses zip slip: parent paths, absolute paths, backslashes', async () => {
    await refuses(hostileFile('package-zip-slip.zip'), /\.\.\/\.\.\/evil\.txt/);
    await refuses(hostileFile('package-absolute-path.zip'), /pilotdesk-evil\.txt/);
    await refuses(hostileFile('package-backslash.zip'), /反斜杠/);
  });
  it('refuses zip bombs: one entry that inflates 1000:1, and many that add up to over 200 MB', async () => {
    const watch = watchInflation();
    try {
      await refuses(hostileFile('package-bomb-ratio.zip'), /压缩炸弹/);
      await refuses(upload('宽炸弹.zip', await wideZipBomb()), /过大|压缩炸弹/);
      // Both refused from their directories: no entry was inflated.
      expect(watch.opened).toEqual([]);
    } finally {
      watch.restore();
    }
  });
});

describe('active content disguised as attachments', () => {
  it('refuses HTML, SVG with script and an executable named as documents or images', async () => {
    const disguised: [string, string | Buffer][] = [
      ['方案.pdf', '<html><body><script>alert(1)</script></body></html>'],
      [
        '照片.png',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
      ],
      ['协议.docx', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])],
      ['<img src=x onerror=alert(1)>.jpg', '<img src=x onerror=alert(1)>'],
    ];
    for (const [fileName, content] of disguised) {
      const error = await expectRefusedUnchanged(t, 'attachments.upload', {
        ownerType: 'project',
        ownerId: 1,
        kind: 'talent_training_plan',
        file: upload(fileName, Buffer.from(content)),
      });
      expect(error.message, fileName).toMatch(/文件|内容|类型/);
    }
  });
});

describe('hostile database files (backup.restoreFile)', () => {
  it('refuses random bytes and a truncated database and keeps the data', async () => {
    await expectRefusedUnchanged(
      t,
      'backup.restoreFile',
      await stagedUpload(t.core, hostileFile('random-bytes.xlsx')),
    );
    const own = readFileSync(path.join(t.dataDir, DATABASE_FILE));
    await expectRefusedUnchanged(
      t,
      'backup.restoreFile',
      await staged(t.core, '截断.sqlite', own.subarray(0, Math.floor(own.length / 3))),
    );
  });

  // A restored file brings only the schema the migrations build for its version.
  const tampered: [what: string, sql: string, says: RegExp][] = [
    [
      'a trigger on students',
      `CREATE TRIGGER wipe_school AFTER INSERT ON students
         BEGIN UPDATE school SET name = '已被篡改'; END;`,
      /多出触发器“wipe_school”/,
    ],
    [
      'a view',
      'CREATE VIEW everyone AS SELECT name, id_number FROM students;',
      /多出视图“everyone”/,
    ],
    ['a table', 'CREATE TABLE notes (body TEXT);', /多出数据表“notes”/],
    ['an index', 'CREATE INDEX students_by_name ON students (name);', /多出索引“students_by_name”/],
    [
      'one of our triggers rewritten',
      `DROP TRIGGER audit_log_no_delete;
       CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;`,
      /触发器“audit_log_no_delete”的定义被改动/,
    ],
    ['one of our indexes dropped', 'DROP INDEX certificates_active_name;', /缺少索引/],
    [
      'a trigger whose name hides behind an override',
      'CREATE TRIGGER "wipe\u202Eloohcs" AFTER INSERT ON students BEGIN SELECT 1; END;',
      /多出触发器“wipeloohcs”/,
    ],
  ];
  it('still restores the same data untampered, with the statistics a roster import adds', async () => {
    const bytes = await tamperedDatabase(t, 'SELECT 1;');
    const own = new Database(path.join(t.dataDir, DATABASE_FILE), { readonly: true });
    const statistics = own
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
      .pluck()
      .all();
    own.close();
    expect(statistics).toContain('sqlite_stat1');
    const restored = await call<RestoreResult>(
      t.core,
      'backup.restoreFile',
      await staged(t.core, '原样.sqlite', bytes),
    );
    expect(restored.restoredFrom).toBe('原样.sqlite');
  });

  for (const [what, sql, says] of tampered) {
    it(`refuses a database with ${what}, in a plain file and in a backup archive`, async () => {
      const bytes = await tamperedDatabase(t, sql);
      const plain = await expectRefusedUnchanged(
        t,
        'backup.restoreFile',
        await staged(t.core, '篡改.sqlite', bytes),
        'BAD_FILE',
      );
      expect(plain.message).toMatch(says);
      expect(plain.message).toContain('数据库结构与本程序数据版本');
      const archive = await expectRefusedUnchanged(
        t,
        'backup.restoreFile',
        await staged(t.core, '篡改.zip', await archiveOf(bytes)),
        'BAD_FILE',
      );
      expect(archive.message).toMatch(says);
    });
  }

  it('never runs a tampered file’s trigger: the students imported after the refusal change nothing else', async () => {
    const bytes = await tamperedDatabase(
      t,
      `CREATE TRIGGER wipe_school AFTER INSERT ON students
         BEGIN UPDATE school SET name = '已被篡改'; END;`,
    );
    await expectRefusedUnchanged(
      t,
      'backup.restoreFile',
      await staged(t.core, '篡改.sqlite', bytes),
    );
    await call(t.core, 'students.importCommit', {
      file: upload('补录.xlsx', await xlsxBytes({ rows: [[...rosterHeader], ...rosterRows(8)] })),
    });
    expect(dumpDatabase(t.dataDir).school).toEqual([
      expect.not.objectContaining({ name: '已被篡改' }),
    ]);
  });
});

describe('names safe to show', () => {
  const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
  const rtlo = '简历\u202Eexe.pdf.png';

  it('keeps an uploaded or renamed attachment without bidirectional and invisible characters', async () => {
    const link = await call<AttachmentLink>(t.core, 'attachments.upload', {
      ownerType: 'school',
      ownerId: 1,
      kind: 'other',
      file: upload(rtlo, makePng()),
    });
    expect(link.name).toBe('简历exe.pdf.png');
    const read = await call<AttachmentContent>(t.core, 'attachments.read', { linkId: link.id });
    expect(read.fileName).toBe('简历exe.pdf.png');
    const renamed = await call<AttachmentLink>(t.core, 'attachments.rename', {
      linkId: link.id,
      name: '\u2067照片\u2069\u200B说明\u202E.png',
    });
    expect(renamed.name).toBe('照片说明.png');
    const stored = dumpDatabase(t.dataDir).attachment_links as { display_name: string }[];
    for (const row of stored) expect(row.display_name).not.toMatch(invisible);
  });

  it('writes package entries and the package name without them, even for names stored before', async () => {
    // A name kept by an older version, and a school name typed with an override.
    const db = new Database(path.join(t.dataDir, DATABASE_FILE));
    db.prepare('UPDATE attachment_links SET display_name = ?').run(rtlo);
    db.close();
    const school = await call<{ name: string }>(t.core, 'school.get', {});
    await call(t.core, 'school.save', { ...schoolProfile, name: `${school.name}\u202E院学` });
    const built = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [1],
      acceptDraft: true,
    });
    expect(built.fileName).not.toMatch(invisible);
    expect(built.fileName).toContain(`${school.name}院学_`);
    const names = (await readOwnZip(downloaded(t.core, built))).map((e) => e.name);
    expect(names.filter((n) => n.startsWith('附件/'))).toEqual([
      expect.stringContaining('简历exe.pdf'),
    ]);
    for (const name of [...names, ...built.manifest.files.map((f) => f.path)]) {
      expect(name).not.toMatch(invisible);
    }
  });

  it('shows a staged backup’s name without them in what the restore says', async () => {
    const error = await expectRefusedUnchanged(
      t,
      'backup.restoreFile',
      await staged(t.core, '备份\u202Elqs.zip', Buffer.from('not a backup')),
    );
    expect(error.message).toContain('“备份lqs.zip”');
    expect(error.message).not.toMatch(invisible);
  });
});

/** Every .xlsx inside a package, as ExcelJS reads it. */
async function packageSheets(zip: Buffer): Promise<Map<string, ExcelJS.Workbook>> {
  const books = new Map<string, ExcelJS.Workbook>();
  for (const { name, data } of await readOwnZip(zip)) {
    if (!name.endsWith('.xlsx')) continue;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    books.set(name, wb);
  }
  return books;
}

const injection = ["=cmd|' /C calc'!A0", '+1', '@SUM(1+1)', '-2+3', '=HYPERLINK("http://x")'];

describe('formula injection', () => {
  it('imports formula-like cells as the literal text typed', async () => {
    await call(t.core, 'students.importCommit', {
      file: hostileFile('roster-formula-injection.csv'),
    });
    const { items } = await call<StudentListResult>(t.core, 'students.list', {
      pageSize: 100,
    });
    for (const text of injection) {
      const student = items.find((s) => s.name === text);
      expect(student, text).toBeDefined();
      expect(student?.className).toBe(text);
    }
    await call(t.core, 'teachers.importCommit', {
      file: hostileFile('teachers-formula-injection.csv'),
    });
    const teachers = await call<Teacher[]>(t.core, 'teachers.list', {});
    for (const text of injection) {
      expect(teachers.find((x) => x.name === text)?.title, text).toBe(text);
    }
  });

  it('neutralises them in every sheet of the package: no formula, no cell starting = + - @', async () => {
    const [teacher] = await call<Teacher[]>(t.core, 'teachers.list', {});
    await call(t.core, 'teachers.save', {
      id: teacher.id,
      name: injection[0],
      gender: 'male',
      staffNo: teacher.staffNo,
      title: injection[1],
      majorId: teacher.majorId,
      fullTime: true,
      dualQualified: true,
      canTeachIndependently: true,
      assessor: false,
    });
    const [room] = await call<TrainingRoom[]>(t.core, 'rooms.list', {});
    await call(t.core, 'rooms.save', {
      id: room.id,
      name: injection[2],
      areaM2: 120,
      workstations: 50,
      equipment: [{ name: injection[3], model: injection[4], quantity: 50, unitValue: 4500 }],
    });
    const [site] = await call<TrainingSite[]>(t.core, 'sites.list', {});
    await call(t.core, 'sites.save', {
      id: site.id,
      name: injection[0],
      campus: 'off',
      partner: injection[2],
      capacity: 60,
      agreementStart: '2020-09-01',
      agreementEnd: '2023-08-31',
    });
    const built = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [1],
      acceptDraft: true,
    });
    const books = await packageSheets(downloaded(t.core, built));
    expect([...books.keys()].sort()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^教师信息表/),
        expect.stringMatching(/^实训条件表/),
      ]),
    );
    const seen = new Set<string>();
    for (const [file, wb] of books) {
      wb.eachSheet((sheet) => {
        sheet.eachRow((row) => {
          row.eachCell((cell) => {
            const where = `${file} ${sheet.name}!${cell.address}`;
            expect(cell.type, where).not.toBe(ExcelJS.ValueType.Formula);
            expect(cell.formula, where).toBeUndefined();
            if (typeof cell.value === 'string') {
              expect(cell.value, where).not.toMatch(/^[=+\-@\t\r]/);
              if (cell.value.startsWith("'")) seen.add(cell.value.slice(1));
            }
          });
        });
      });
    }
    // Each hostile value reached a sheet, shown as typed after the neutralising apostrophe.
    expect([...seen].sort()).toEqual([...injection].sort());
  });
});

describe('SQL metacharacters', () => {
  const sqlish = ["'; DROP TABLE students; --", '%', '_', '王%_', 'O\'Brien"; --'];

  it('stores them as text and searches for them literally', async () => {
    const before = dumpDatabase(t.dataDir).students.length;
    await call(t.core, 'students.importCommit', {
      file: hostileFile('roster-sql-metacharacters.csv'),
    });
    const all = await call<StudentListResult>(t.core, 'students.list', { pageSize: 100 });
    expect(all.stats.total).toBe(before + sqlish.length);
    for (const text of sqlish) {
      expect(all.items.find((s) => s.name === text)?.className, text).toBe(text);
    }
    const names = async (input: Record<string, unknown>) =>
      (await call<StudentListResult>(t.core, 'students.list', input)).items
        .map((s) => s.name)
        .sort();
    expect(await names({ search: '%' })).toEqual(['%']);
    expect(await names({ search: '_' })).toEqual(['_']);
    expect(await names({ search: "'; DROP" })).toEqual(["'; DROP TABLE students; --"]);
    expect(await names({ search: '王%' })).toEqual(['王%_']);
    expect(await names({ classNames: ['%'] })).toEqual(['%']);
    expect(await names({ classNames: ["'; DROP TABLE students; --"] })).toEqual([
      "'; DROP TABLE students; --",
    ]);

    const certificates = async (search: string) =>
      (await call<Certificate[]>(t.core, 'catalogue.list', { search })).map((c) => c.name);
    expect((await certificates('Web')).length).toBeGreaterThan(0);
    expect(await certificates('%')).toEqual([]);
    expect(await certificates('_')).toEqual([]);
    expect(await certificates("' OR 1=1 --")).toEqual([]);
  });

  it('refuses nothing it should keep: a school named with quotes and semicolons round-trips', async () => {
    const name = "湖北'; DROP TABLE school; --学院";
    const saved = await call<{ name: string }>(t.core, 'school.save', {
      name,
      code: '4142012345',
      kind: 'higher_vocational',
      demonstrationLevel: 'provincial',
      city: '武汉市',
    });
    expect(saved.name).toBe(name);
    expect((await call<{ name: string }>(t.core, 'school.get', {})).name).toBe(name);
    expect(chinese.test(name)).toBe(true);
  });
});

import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, createCore, type Core } from '../../electron/core';
import { readSchema, referenceSchema, schemaDifferences } from '../../electron/core/db/schema';
import { readOwnZip } from '../../electron/core/io/zip';
import { migrations } from '../../electron/core/migrations';
import type { PackageBuildResult } from '../../shared/contract/package';
import type { Project } from '../../shared/contract/projects';
import type { Teacher } from '../../shared/contract/teachers';
import { createTestCore, type TestCore } from '../harness/core';
import { artefactDir, keepPdfPages, pdfPages } from '../harness/documents';
import { softwareMajor } from '../harness/majors';
import { call, findCertificate, seedSchool } from '../harness/seed';
import { projectInput } from '../harness/seedProject';
import { loadWorkbook, sheetTable, upload, xlsxBytes } from '../harness/sheets';
import { fails, ok, readRows, teacher } from '../harness/staff';
import { makeTempDir } from '../harness/webHost';
import { downloaded } from '../harness/downloads';

let t: TestCore | undefined;
const temps: { remove(): void }[] = [];
const cores: Core[] = [];
afterEach(() => {
  t?.dispose();
  t = undefined;
  cores.splice(0).forEach((c) => c.close());
  temps.splice(0).forEach((d) => d.remove());
});

const details = {
  birthMonth: '1985年3月',
  education: 'postgraduate',
  degree: 'master',
  studiedMajor: '计算机科学与技术',
  skillCertificates: 'Web前端开发（中级）',
} as const;

describe('teacher details for provincial forms', () => {
  it('saves and lists 出生年月, 学历, 学位, 所学专业 and 职业技能等级证书; all stay optional', async () => {
    t = createTestCore();
    const created: Teacher = await ok(t, 'teachers.save', teacher('T001', '张三', details));
    expect(created).toMatchObject({ ...details, birthMonth: '1985-03' });
    const plain: Teacher = await ok(t, 'teachers.save', teacher('T002', '李四'));
    expect(plain).toMatchObject({
      birthMonth: null,
      education: null,
      degree: null,
      studiedMajor: '',
      skillCertificates: '',
    });
    // Editing clears what the form leaves blank.
    const cleared: Teacher = await ok(t, 'teachers.save', {
      ...teacher('T001', '张三', { ...details, birthMonth: '', degree: null }),
      id: created.id,
    });
    expect(cleared).toMatchObject({ birthMonth: null, degree: null, education: 'postgraduate' });
    expect(await ok(t, 'teachers.list', {})).toEqual([cleared, plain]);
    expect(readRows(t, 'SELECT birth_month, education FROM teachers ORDER BY id')).toEqual([
      { birth_month: null, education: 'postgraduate' },
      { birth_month: null, education: null },
    ]);

    const refused = await fails(
      t,
      'teachers.save',
      teacher('T003', '王五', { birthMonth: '1985-13', education: '博士' }),
    );
    expect(refused.code).toBe('VALIDATION');
    expect(refused.details?.fields).toEqual(
      expect.arrayContaining([
        { path: 'birthMonth', message: '出生年月“1985-13”年月无效：没有13月' },
        { path: 'education', message: '学历应为研究生、本科、专科或其他' },
      ]),
    );
  });

  it('migration 015 keeps the teachers of an existing database, with the new fields empty', async () => {
    const dir = makeTempDir('pilotdesk-m15-');
    temps.push(dir);
    const db = new Database(path.join(dir.dir, DATABASE_FILE));
    for (const m of migrations.filter((m) => m.version <= 14)) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
    db.prepare(
      `INSERT INTO teachers (name, gender, staff_no, title, full_time, dual_qualified,
         can_teach_independently, assessor, created_at, updated_at)
       VALUES ('老教师', 'male', 'T900', '高级讲师', 1, 1, 1, 1, '2020-01-01', '2020-01-01')`,
    ).run();
    db.close();

    const core = createCore({
      dataDir: dir.dir,
      clock: () => new Date('2026-03-02T08:00:00Z'),
      log: () => undefined,
      appVersion: 't',
    });
    cores.push(core);
    const [old] = await call<Teacher[]>(core, 'teachers.list', {});
    expect(old).toMatchObject({
      name: '老教师',
      staffNo: 'T900',
      title: '高级讲师',
      dualQualified: true,
      assessor: true,
      birthMonth: null,
      education: null,
      degree: null,
      studiedMajor: '',
      skillCertificates: '',
    });
    const updated = await call<Teacher>(core, 'teachers.save', {
      ...teacher('T900', '老教师', details),
      id: old.id,
    });
    expect(updated.birthMonth).toBe('1985-03');

    const check = new Database(path.join(dir.dir, DATABASE_FILE), { readonly: true });
    const version = check.pragma('user_version', { simple: true }) as number;
    expect(version).toBe(migrations.at(-1)!.version);
    expect(schemaDifferences(readSchema(check), referenceSchema(migrations, version))).toEqual({
      extra: [],
      missing: [],
      changed: [],
    });
    check.close();
  });

  it('imports the new columns under the headers schools use; a birth month typed 4 ways; a bad one refused with row, column and reason', async () => {
    t = createTestCore();
    await ok(t, 'majors.save', softwareMajor);
    const header = ['工号', '姓名', '性别', '出生日期', '学历', '学位', '毕业专业', '技能证书'];
    const rows = [
      ['T001', '张三', '女', '1985-03', '研究生', '硕士', '软件工程', 'Web前端开发（中级）'],
      ['T002', '李四', '男', '1986.4', '本科', '学士', '电子商务', ''],
      ['T003', '王五', '男', '1987年11月', '大专', '无', '', ''],
      ['T004', '赵六', '女', '198805', '', '', '', ''],
    ];
    const good = upload('教师名单.xlsx', await xlsxBytes({ rows: [header, ...rows] as never }));
    expect(await ok(t, 'teachers.importCommit', { file: good })).toEqual({
      total: 4,
      created: 4,
      updated: 0,
      unchanged: 0,
    });
    const list: Teacher[] = await ok(t, 'teachers.list', {});
    expect(
      list.map((x) => [x.birthMonth, x.education, x.degree, x.studiedMajor, x.skillCertificates]),
    ).toEqual([
      ['1985-03', 'postgraduate', 'master', '软件工程', 'Web前端开发（中级）'],
      ['1986-04', 'bachelor', 'bachelor', '电子商务', ''],
      ['1987-11', 'associate', 'none', '', ''],
      ['1988-05', null, null, '', ''],
    ]);

    const bad = upload(
      '教师名单.xlsx',
      await xlsxBytes({
        rows: [
          header,
          ['T005', '钱七', '女', '85年3月', '本科', '学士', '', ''],
          ['T006', '孙八', '男', '1990-02', '中专', '学士', '', ''],
        ] as never,
      }),
    );
    const preview = await ok(t, 'teachers.importPreview', { file: bad });
    expect(preview.rows.flatMap((r) => r.errors.map((e) => e.message))).toEqual([
      '第 2 行“出生日期”列：出生年月“85年3月”年月无效：请按 1985-03 或 1985年3月 的格式填写',
      '第 3 行“学历”列：学历“中专”无法识别，应为研究生、本科、专科、其他',
    ]);
    expect((await fails(t, 'teachers.importCommit', { file: bad })).code).toBe('VALIDATION');
    expect(await ok(t, 'teachers.list', {})).toHaveLength(4);
  });

  it('the 教师信息表 and the 申报表’s 教师名单 show them', async ({ annotate }) => {
    t = createTestCore();
    const seeded = await seedSchool(t.core, { teachers: 2 });
    await call(t.core, 'teachers.save', {
      ...teacher('T0001', '教师1', {
        ...details,
        majorId: seeded.majorIds[0],
        dualQualified: true,
      }),
      id: seeded.teacherIds[0],
    });
    const certificate = await findCertificate(t.core);
    const project = await call<Project>(
      t.core,
      'projects.create',
      projectInput(seeded, certificate.id),
    );
    const result = await call<PackageBuildResult>(t.core, 'package.build', {
      projectIds: [project.id],
      acceptDraft: true,
    });
    const entries = await readOwnZip(downloaded(t.core, result));
    const byName = (prefix: string, ext: string) =>
      entries.find((e) => e.name.startsWith(prefix) && e.name.endsWith(ext))!.data;

    const sheet = sheetTable((await loadWorkbook(byName('教师信息表', '.xlsx'))).worksheets[0]);
    const row = Object.fromEntries(sheet.header.map((h, i) => [h, sheet.rows[0][i]]));
    expect(row).toMatchObject({
      姓名: '教师1',
      出生年月: '1985年3月',
      学历: '研究生',
      学位: '硕士',
      职称: '讲师',
      所学专业: '计算机科学与技术',
      职业技能等级证书: 'Web前端开发（中级）',
      所属专业: '软件技术',
    });
    const blank = Object.fromEntries(sheet.header.map((h, i) => [h, sheet.rows[1][i]]));
    expect(blank).toMatchObject({ 姓名: '教师2', 出生年月: '', 学历: '', 学位: '' });

    const dir = artefactDir('teacherDetails');
    const file = await keepPdfPages({ annotate }, dir, 'form', byName('申报表', '.pdf'));
    const lines = pdfPages(file).flatMap((p) => p.lines.map((l) => l.text.replace(/\s+/g, '')));
    const at = lines.indexOf('教师名单');
    expect(at).toBeGreaterThan(0);
    // The roster sits between 三、师资 and 四、实训室及设备; cells wrap over lines, so a piece of
    // each cell that fits on one line is looked for in the roster's text.
    const roster = lines.slice(at, lines.indexOf('四、实训室及设备')).join('');
    for (const text of [
      '出生年月',
      '教师1',
      '1985年3',
      '研究生',
      '硕士',
      '计算机科',
      'Web前端开发',
      '教师2',
    ]) {
      expect(roster).toContain(text);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { DataCentreExport } from '../../shared/contract/fees';
import type { Signup } from '../../shared/contract/exams';
import {
  SKILL_CERTIFICATES_HEADER,
  X_CERTIFICATES_HEADER,
} from '../../electron/core/modules/fees/dataCentre';
import { COURSES_HEADER } from '../../electron/core/modules/projects/dataCentre';
import { examSchoolPerTest } from '../harness/examSchoolPerTest';
import { batchInput, confirmedProject, createBatch } from '../harness/exams';
import { schoolProfile } from '../harness/seed';
import { loadWorkbook, sheetTable, uploadSheetHeader } from '../harness/sheets';
import { auditEntries, fails, ok, readRows } from '../harness/staff';

/*
 * Formats out: 发证机构编码 and 融通课程 recorded, and the data centre's
 * ODS sheets exported through the one sheet writer, read back here with ExcelJS.
 */

const ctx = examSchoolPerTest('2026-03-02T08:00:00Z', 3);

const certificateInput = (overrides: Record<string, unknown> = {}) => ({
  name: ctx.seeded.certificate.name,
  organization: ctx.seeded.certificate.organization,
  batch: ctx.seeded.certificate.batch,
  source: ctx.seeded.certificate.source,
  levels: ctx.seeded.certificate.levels.map((l) => ({ level: l.level })),
  requirements: [],
  ...overrides,
});

/** An upload-sheet layout of 示例评价组织: its name and its columns as [key, header]. */
const orgLayout = (name: string, columns: [key: string, header: string][]) => ({
  organization: '示例评价组织',
  name,
  columns: columns.map(([key, header]) => ({ key, header })),
});

/** Two students passed (one without a certificate number yet), one failed. */
async function results() {
  await confirmedProject(ctx.t.core, ctx.seeded);
  const batch = await createBatch(ctx.t.core, batchInput(ctx.seeded.certificate.id));
  await ok(ctx.t, 'exams.signups.create', {
    batchId: batch.id,
    studentIds: ctx.seeded.students.map((s) => s.id),
    confirm: true,
  });
  const list = await ok(ctx.t, 'exams.signups.list', { batchId: batch.id, pageSize: 100 });
  const ids = (list.items as Signup[]).map((s) => s.id);
  await ok(ctx.t, 'exams.signups.setStatus', { ids, status: 'paid' });
  await ok(ctx.t, 'exams.signups.setStatus', { ids, status: 'examined' });
  await ok(ctx.t, 'exams.signups.saveResult', {
    id: ids[0],
    status: 'passed',
    score: 88,
    certificateNo: 'WEB2020-0001',
    issuedOn: '2020-12-20',
  });
  await ok(ctx.t, 'exams.signups.saveResult', { id: ids[1], status: 'passed', score: 75 });
  await ok(ctx.t, 'exams.signups.saveResult', { id: ids[2], status: 'failed', score: 40 });
  return ids;
}

const rowsOf = async (result: DataCentreExport) => {
  expect(result.file).not.toBeNull();
  const wb = await loadWorkbook(Buffer.from(result.file!.contentBase64, 'base64'));
  return sheetTable(wb.worksheets[0]!);
};

describe('发证机构编码 and 融通课程', () => {
  it('the catalogue keeps a certificate’s 发证机构编码 and refuses one that is not a code', async () => {
    const saved = await ok(ctx.t, 'catalogue.update', {
      id: ctx.seeded.certificate.id,
      ...certificateInput({ organizationCode: ' 12100000400012345X ' }),
    });
    expect(saved.organizationCode).toBe('12100000400012345X');
    expect((await ok(ctx.t, 'catalogue.get', { id: saved.id })).organizationCode).toBe(
      '12100000400012345X',
    );
    const bad = await fails(ctx.t, 'catalogue.update', {
      id: saved.id,
      ...certificateInput({ organizationCode: '编码' }),
    });
    expect(bad.message).toContain('发证机构编码只能含字母、数字');
    expect(
      readRows(ctx.t, 'SELECT organization_code FROM certificates WHERE id = ?', saved.id),
    ).toEqual([{ organization_code: '12100000400012345X' }]);
  });

  it('发证机构编码 is the organization’s: set on one certificate, every certificate of it carries it', async () => {
    const { organization } = ctx.seeded.certificate;
    const sibling = await ok(ctx.t, 'catalogue.create', {
      ...certificateInput({ name: '同组织的另一证书', organizationCode: '' }),
    });
    const other = await ok(ctx.t, 'catalogue.create', {
      ...certificateInput({ name: '别的组织的证书', organization: '另一评价组织' }),
    });
    await ok(ctx.t, 'catalogue.update', {
      id: ctx.seeded.certificate.id,
      ...certificateInput({ organizationCode: '12100000400012345X' }),
    });
    const codes = () =>
      readRows<{ name: string; organization_code: string }>(
        ctx.t,
        'SELECT name, organization_code FROM certificates WHERE organization = ? OR id = ? ORDER BY id',
        organization,
        other.id,
      );
    const expected = (code: string) =>
      codes().map((r) => ({ name: r.name, organization_code: r.name === other.name ? '' : code }));
    expect(codes()).toEqual(expected('12100000400012345X'));
    // The sibling's change is in the audit log.
    expect(
      auditEntries(ctx.t, 'certificate')
        .filter((e) => e.entityId === String(sibling.id))
        .map((e) => [e.action, e.before?.organizationCode, e.after?.organizationCode]),
    ).toEqual([
      ['create', undefined, ''],
      ['update', '', '12100000400012345X'],
    ]);
    // A new certificate of the organization left blank takes the code.
    const third = await ok(ctx.t, 'catalogue.create', {
      ...certificateInput({ name: '第三个证书', organizationCode: '' }),
    });
    expect(third.organizationCode).toBe('12100000400012345X');
    // Changed on the sibling: changed for all of the organization, the other one untouched.
    await ok(ctx.t, 'catalogue.update', {
      id: sibling.id,
      ...certificateInput({ name: '同组织的另一证书', organizationCode: '12100000400099999Y' }),
    });
    expect(codes()).toEqual(expected('12100000400099999Y'));
  });

  it('a project lists its 融通课程 in order and refuses a repeated 课程号 naming both rows', async () => {
    const project = await confirmedProject(ctx.t.core, ctx.seeded, { confirm: false });
    const full = await ok(ctx.t, 'projects.get', { id: project.id });
    const rest = full;
    const data = {
      certificateId: rest.certificateId,
      year: rest.year,
      levels: rest.levels,
      majorIds: rest.majorIds,
      teacherIds: rest.teacherIds,
      roomIds: rest.roomIds,
      siteIds: rest.siteIds,
      plannedStudents: rest.plannedStudents,
      hardwareChecks: rest.hardwareChecks,
      plan: rest.plan,
      commitments: rest.commitments,
    };
    const courses = [
      { courseNo: 'RJ1002', courseName: '网页设计与制作' },
      { courseNo: 'RJ1001', courseName: 'JavaScript 程序设计' },
    ];
    const saved = await ok(ctx.t, 'projects.update', {
      id: project.id,
      data: { ...data, courses },
    });
    expect(saved.courses).toEqual(courses);
    const dup = await fails(ctx.t, 'projects.update', {
      id: project.id,
      data: { ...data, courses: [...courses, { courseNo: 'RJ1001', courseName: '重复' }] },
    });
    expect(dup.message).toContain('融通课程第 3 行的课程号“RJ1001”与第 2 行重复');
    expect((await ok(ctx.t, 'projects.get', { id: project.id })).courses).toEqual(courses);
  });
});

describe('考生信息上传表', () => {
  it('lists the candidates with 15-digit IDs first, and writes the issue’s columns with 等级 and its code', async () => {
    await confirmedProject(ctx.t.core, ctx.seeded);
    const old = await ok(ctx.t, 'students.save', {
      studentNo: '2020000099',
      name: '旧证学生',
      idType: 'resident',
      idNumber: '420106040301123',
      gender: 'male',
      majorId: null,
      className: '软件2001班',
      entryYear: 2020,
      phone: '13800001111',
      pilot: true,
    });
    const batch = await createBatch(ctx.t.core, batchInput(ctx.seeded.certificate.id));
    await ok(ctx.t, 'exams.signups.create', {
      batchId: batch.id,
      studentIds: [ctx.seeded.students[0]!.id, old.id],
      confirm: true,
    });
    expect(await ok(ctx.t, 'fees.uploadSheetFlags', { batchId: batch.id })).toEqual([
      {
        studentNo: '2020000099',
        name: '旧证学生',
        idNumber: '420106040301123',
        message: '15 位旧身份证号，请更换为 18 位',
      },
    ]);
    const file = await ok(ctx.t, 'fees.uploadSheet', { batchId: batch.id });
    const wb = await loadWorkbook(Buffer.from(file.contentBase64, 'base64'));
    const { header, rows } = sheetTable(wb.worksheets[0]!);
    expect(header).toEqual(uploadSheetHeader);
    expect(rows[1]).toEqual([
      '旧证学生',
      '男',
      '居民身份证',
      '420106040301123',
      '2020000099',
      '',
      '软件2001班',
      '2020',
      '13800001111',
      'Web前端开发',
      '初级',
      1,
      rows[0]![12],
    ]);
    expect((await fails(ctx.t, 'fees.uploadSheetFlags', { batchId: 999 })).code).toBe('NOT_FOUND');

    // An organization's own layout: fewer columns, its order, its headers; saved, audited, used.
    const layout = await ok(
      ctx.t,
      'fees.uploadLayouts.save',
      orgLayout('报名表（简）', [
        ['idNumber', '身份证号'],
        ['name', '考生姓名'],
        ['levelCode', '级别'],
        ['phone', ' 联系电话 '],
      ]),
    );
    expect(layout.columns.at(-1)).toEqual({ key: 'phone', header: '联系电话' });
    const custom = await ok(ctx.t, 'fees.uploadSheet', { batchId: batch.id, layoutId: layout.id });
    const book = sheetTable(
      (await loadWorkbook(Buffer.from(custom.contentBase64, 'base64'))).worksheets[0]!,
    );
    expect(book.header).toEqual(['身份证号', '考生姓名', '级别', '联系电话']);
    expect(book.rows[1]).toEqual(['420106040301123', '旧证学生', 1, '13800001111']);
    expect(await ok(ctx.t, 'fees.uploadLayouts.list', {})).toEqual([layout]);
    expect(
      readRows(ctx.t, "SELECT action FROM audit_log WHERE entity = 'upload_layout'").length,
    ).toBe(1);

    // Refusals say which column and why, and save nothing.
    const twice = await fails(
      ctx.t,
      'fees.uploadLayouts.save',
      orgLayout('重复', [
        ['name', '姓名'],
        ['name', '姓名2'],
        ['phone', '姓名'],
      ]),
    );
    expect(twice.message).toContain('第 2 列：“姓名”已在前面选过');
    expect(twice.message).toContain('第 3 列：表头“姓名”重复');
    const sameName = await fails(
      ctx.t,
      'fees.uploadLayouts.save',
      orgLayout('报名表（简）', [['name', '姓名']]),
    );
    expect(sameName.message).toContain('已有名为“报名表（简）”的列格式');
    expect(await ok(ctx.t, 'fees.uploadLayouts.list', {})).toHaveLength(1);
    await ok(ctx.t, 'fees.uploadLayouts.delete', { id: layout.id });
    expect(
      (await fails(ctx.t, 'fees.uploadSheet', { batchId: batch.id, layoutId: layout.id })).code,
    ).toBe('NOT_FOUND');
  });
});

describe('data-centre sheets', () => {
  it('学生技能证书数据 (ODS_XSJNZSSJ): lists missing data first, then exact headers and formats', async () => {
    await results();
    const first = await ok(ctx.t, 'fees.skillCertificatesSheet', {});
    expect(first.file).toBeNull();
    expect(first.problems).toEqual([
      {
        row: 1,
        record: '2020000001 学生1（Web前端开发初级）',
        message: '缺少发证机构编码（在证书目录“Web前端开发”中填写）',
      },
      {
        row: 2,
        record: '2020000002 学生2（Web前端开发初级）',
        message:
          '缺少证书号（在考核报名中登记成绩与证书编号）、发证机构编码（在证书目录“Web前端开发”中填写）',
      },
    ]);
    await ok(ctx.t, 'catalogue.update', {
      id: ctx.seeded.certificate.id,
      ...certificateInput({ organizationCode: '12100000400012345X' }),
    });
    const partial = await ok(ctx.t, 'fees.skillCertificatesSheet', {});
    expect(partial.file).toBeNull();
    expect(partial.problems.map((p) => p.row)).toEqual([2]);

    const exported = await ok(ctx.t, 'fees.skillCertificatesSheet', { skipIncomplete: true });
    expect(exported.exported).toBe(1);
    const { header, rows } = await rowsOf(exported);
    expect(header).toEqual(SKILL_CERTIFICATES_HEADER);
    expect(rows).toHaveLength(1);
    const [key, ...rest] = rows[0]!;
    expect(key).toMatch(/^[0-9A-Z]{32}$/);
    expect(rest).toEqual([
      schoolProfile.code,
      '2020000001',
      '学生1',
      '12100000400012345X',
      '1',
      'WEB2020-0001',
      'Web前端开发',
      '20201220',
      '1',
      '0',
      // 08:00 UTC is 16:00 in China.
      '20260302 160000',
    ]);

    // Later, same record: the same key, a new collection time.
    ctx.now = new Date('2026-03-03T17:30:05Z');
    const again = await rowsOf(
      await ok(ctx.t, 'fees.skillCertificatesSheet', { skipIncomplete: true }),
    );
    expect(again.rows[0]![0]).toBe(key);
    expect(again.rows[0]![11]).toBe('20260304 013005');
  });

  it('1+X证书数据 (ODS_GZXZSSJ): exact headers, a stable key of its own', async () => {
    const ids = await results();
    await ok(ctx.t, 'exams.signups.saveResult', {
      id: ids[1],
      status: 'passed',
      score: 75,
      certificateNo: 'WEB2020-0002',
      issuedOn: '2020-12-20',
    });
    await ok(ctx.t, 'catalogue.update', {
      id: ctx.seeded.certificate.id,
      ...certificateInput({ organizationCode: '12100000400012345X' }),
    });
    const result = await ok(ctx.t, 'fees.xCertificatesSheet', {});
    expect(result.problems).toEqual([]);
    expect(result.exported).toBe(2);
    const { header, rows } = await rowsOf(result);
    expect(header).toEqual(X_CERTIFICATES_HEADER);
    // The two passes differ only in their certificate number and the student's major.
    const passRow = (certificateNo: string, majorCode: string | null) => [
      schoolProfile.code,
      certificateNo,
      majorCode ?? '',
      '12100000400012345X',
      ctx.seeded.certificate.organization,
      'Web前端开发',
      '1+X职业技能等级证书',
      '1',
      '实训楼 301',
      '20260302 160000',
    ];
    expect(rows.map((r) => r.slice(1))).toEqual([
      passRow('WEB2020-0001', ctx.seeded.students[0]!.majorCode),
      passRow('WEB2020-0002', ctx.seeded.students[1]!.majorCode),
    ]);
    const keys = rows.map((r) => r[0]);
    expect(new Set(keys).size).toBe(2);
    const skill = await rowsOf(await ok(ctx.t, 'fees.skillCertificatesSheet', {}));
    // Another table, another key for the same certificate; the same one every export.
    expect(skill.rows.map((r) => r[0])).not.toContain(keys[0]);
    const again = await rowsOf(await ok(ctx.t, 'fees.xCertificatesSheet', {}));
    expect(again.rows.map((r) => r[0])).toEqual(keys);
  });

  it('课证融通关联关系数据 (ODS_KZRTGLGXSJ) from the projects’ courses', async () => {
    const project = await confirmedProject(ctx.t.core, ctx.seeded);
    const full = await ok(ctx.t, 'projects.get', { id: project.id });
    await ok(ctx.t, 'projects.update', {
      id: project.id,
      data: {
        certificateId: full.certificateId,
        year: full.year,
        levels: full.levels,
        majorIds: full.majorIds,
        teacherIds: full.teacherIds,
        roomIds: full.roomIds,
        siteIds: full.siteIds,
        plannedStudents: full.plannedStudents,
        hardwareChecks: full.hardwareChecks,
        plan: full.plan,
        commitments: full.commitments,
        courses: [{ courseNo: 'RJ1001', courseName: 'JavaScript 程序设计' }],
      },
    });
    const result = await ok(ctx.t, 'projects.coursesSheet', {});
    const { header, rows } = await rowsOf(result);
    expect(header).toEqual(COURSES_HEADER);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toMatch(/^[0-9A-Z]{32}$/);
    expect(rows[0]!.slice(1, 4)).toEqual([schoolProfile.code, 'JavaScript 程序设计', 'RJ1001']);
    expect(rows[0]![5]).toBe('Web前端开发');
    const again = await rowsOf(await ok(ctx.t, 'projects.coursesSheet', {}));
    expect(again.rows[0]![0]).toBe(rows[0]![0]);
  });

  it('refuses without the 10-digit 学校代码, saying where to fill it in', async () => {
    await ok(ctx.t, 'school.save', { ...schoolProfile, code: '' });
    const refused = await fails(ctx.t, 'fees.skillCertificatesSheet', {});
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('10 位学校标识码');
    expect((await fails(ctx.t, 'projects.coursesSheet', {})).message).toContain('学校信息');
  });
});

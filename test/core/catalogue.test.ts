import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core';
import type { Certificate } from '../../shared/contract/catalogue';
import type { Envelope } from '../../shared/contract/errors';
import type { ProgressEvent } from '../../shared/contract/events';
import type { ImportPreview, ImportResult } from '../../shared/contract/imports';
import sample from '../../resources/catalogue/sample-certificates.json';
import { createTestCore, type TestCore } from '../harness/core';
import { upload, xlsxBytes, csvBytes } from '../harness/sheets';
import { auditEntries, readRows } from '../harness/staff';

let t: TestCore;
afterEach(() => t?.dispose());

function data<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}
const call = async <T = Certificate>(name: string, input: unknown) =>
  data<T>(await t.core.dispatch(name, input));

function auditRows(entity?: string) {
  const rows = readRows<{
    entity: string;
    entity_id: string;
    action: string;
    before_json: string | null;
    after_json: string | null;
  }>(
    t,
    'SELECT * FROM audit_log WHERE ? IS NULL OR entity = ? ORDER BY id',
    entity ?? null,
    entity ?? null,
  );
  return rows.map((r) => ({
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before_json && JSON.parse(r.before_json),
    after: r.after_json && JSON.parse(r.after_json),
  }));
}

const allLevels = () => (['junior', 'intermediate', 'senior'] as const).map((level) => ({ level }));

const cap = (level: string, amountFen: number, document: string, more: object = {}) => ({
  kind: 'cap',
  level,
  amountFen,
  document,
  ...more,
});

const newCertificate = {
  name: '数字媒体交互设计',
  organization: '凤凰新联合（北京）教育科技有限公司',
  batch: '3',
  source: '',
  levels: allLevels(),
  limits: [cap('junior', 38000, '教职所〔2020〕5号')],
  requirements: [{ text: '图形工作站 40 台' }, { text: '数位板 40 块' }],
};

describe('sample catalogue', () => {
  it('has the 16 certificates of batches 1 and 2 on a new database, all levels, no caps', async () => {
    t = createTestCore();
    const list = await call<Certificate[]>('catalogue.list', {});
    expect(list).toHaveLength(16);
    expect(list.map((c) => c.name)).toEqual(sample.certificates.map((c) => c.name));
    expect(list.filter((c) => c.batch === '第一批').map((c) => c.name)).toEqual([
      '建筑信息模型（BIM）',
      'Web前端开发',
      '物流管理',
      '老年照护',
      '汽车运用与维修',
      '智能新能源汽车',
    ]);
    expect(list.filter((c) => c.batch === '第二批')).toHaveLength(10);
    const web = list.find((c) => c.name === 'Web前端开发')!;
    expect(web).toMatchObject({
      organization: '工业和信息化部教育与考试中心',
      source: expect.stringContaining('非官方名录，请核对'),
      archived: false,
      requirements: [],
    });
    expect(web.levels).toEqual([
      { level: 'junior', platformCode: 1 },
      { level: 'intermediate', platformCode: 2 },
      { level: 'senior', platformCode: 3 },
    ]);
    expect(list.every((c) => c.limits.length === 0)).toBe(true);
  });

  it('is not seeded again after the user archives or deletes samples and reopens', async () => {
    t = createTestCore();
    const list = await call<Certificate[]>('catalogue.list', {});
    await call('catalogue.archive', { id: list[0].id });
    const db = new Database(path.join(t.dataDir, DATABASE_FILE));
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM certificates WHERE id = ?').run(list[1].id);
    db.close();

    t.restart(new Date('2026-03-03T08:00:00Z'));
    const active = await call<Certificate[]>('catalogue.list', {});
    const all = await call<Certificate[]>('catalogue.list', { includeArchived: true });
    expect(active).toHaveLength(14);
    expect(all).toHaveLength(15);
    expect(all.find((c) => c.id === list[0].id)?.archived).toBe(true);
    expect(all.some((c) => c.name === list[1].name)).toBe(false);
  });
});

describe('certificates', () => {
  it('creates, reads, updates, searches and archives', async () => {
    t = createTestCore();
    const created = await call('catalogue.create', newCertificate);
    expect(created).toMatchObject({
      name: '数字媒体交互设计',
      batch: '第三批',
      archived: false,
      createdAt: '2026-03-02T08:00:00.000Z',
      requirements: [
        { id: expect.any(Number), text: '图形工作站 40 台' },
        { id: expect.any(Number), text: '数位板 40 块' },
      ],
    });
    expect(created.levels[0]).toEqual({ level: 'junior', platformCode: 1 });
    expect(created.limits).toEqual([
      {
        id: expect.any(Number),
        kind: 'cap',
        level: 'junior',
        examForm: 'any',
        amountFen: 38000,
        document: '教职所〔2020〕5号',
        validFrom: null,
        validUntil: null,
      },
    ]);
    expect(await call('catalogue.get', { id: created.id })).toEqual(created);

    const updated = await call('catalogue.update', {
      ...newCertificate,
      id: created.id,
      name: '  数字媒体交互设计（ＵＩ）\u3000',
      levels: [{ level: 'junior' }],
      limits: undefined,
      requirements: created.requirements,
    });
    expect(updated.name).toBe('数字媒体交互设计（UI）');
    expect(updated.levels.map((l) => l.level)).toEqual(['junior']);
    // Limits left out of an update stay as they were.
    expect(updated.limits).toEqual(created.limits);

    const found = await call<Certificate[]>('catalogue.list', { search: '凤凰' });
    expect(found.map((c) => c.id)).toEqual([created.id]);
    expect(await call<Certificate[]>('catalogue.list', { search: '%' })).toEqual([]);

    const archived = await call('catalogue.archive', { id: created.id });
    expect(archived.archived).toBe(true);
    expect((await call<Certificate[]>('catalogue.list', {})).some((c) => c.id === created.id)).toBe(
      false,
    );
    expect(
      (await call<Certificate[]>('catalogue.list', { includeArchived: true })).some(
        (c) => c.id === created.id,
      ),
    ).toBe(true);
    expect((await call('catalogue.unarchive', { id: created.id })).archived).toBe(false);
    // Each change of the certificate itself is one entry with the whole certificate in words.
    const entries = auditRows('certificate');
    expect(entries.map((e) => [e.entityId, e.action])).toEqual(
      ['create', 'update', 'update', 'update'].map((action) => [String(created.id), action]),
    );
    expect(entries[0]).toMatchObject({
      before: null,
      after: {
        name: '数字媒体交互设计',
        organization: newCertificate.organization,
        archived: false,
        levels: ['初级', '中级', '高级'],
        requirements: ['图形工作站 40 台', '数位板 40 块'],
      },
    });
    expect(entries[1].before).toEqual(entries[0].after);
    expect(entries[1].after).toEqual({
      ...entries[0].after,
      name: '数字媒体交互设计（UI）',
      levels: ['初级'],
    });
    expect(entries[2].after).toEqual({ ...entries[1].after, archived: true });
    expect(entries[3]).toMatchObject({ before: entries[2].after, after: entries[1].after });
  });

  it('keeps names unique among certificates in use (case-insensitive), not among archived ones', async () => {
    t = createTestCore();
    const result = await t.core.dispatch('catalogue.create', {
      ...newCertificate,
      name: 'web前端开发',
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: expect.stringContaining('已有同名证书“Web前端开发”（未归档）'),
        details: { fields: [{ path: 'name', message: '已有同名证书“Web前端开发”（未归档）' }] },
      },
    });
    const list = await call<Certificate[]>('catalogue.list', {});
    const web = list.find((c) => c.name === 'Web前端开发')!;
    await call('catalogue.archive', { id: web.id });
    const again = await call('catalogue.create', { ...newCertificate, name: 'Web前端开发' });
    expect(again.id).not.toBe(web.id);
    const unarchive = await t.core.dispatch('catalogue.unarchive', { id: web.id });
    expect(unarchive).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('不能恢复“Web前端开发”') },
    });
  });

  it('answers NOT_FOUND for an unknown id and VALIDATION for bad input', async () => {
    t = createTestCore();
    expect(await t.core.dispatch('catalogue.get', { id: 9999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const bad = await t.core.dispatch('catalogue.create', {
      ...newCertificate,
      name: '   ',
      levels: [],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (bad.ok) return;
    expect(bad.error.details?.fields).toEqual([
      { path: 'name', message: '请填写证书名称' },
      { path: 'levels', message: '请至少选择一个等级（初级、中级、高级）' },
    ]);
  });
});

describe('cost caps and approved fees', () => {
  it.each([
    [
      'a cap without its document number',
      cap('junior', 50000, ' '),
      'limits.0.document',
      '请填写文件文号',
    ],
    ['a fraction of a fen', cap('junior', 100.5, 'x'), 'limits.0.amountFen', '金额最多精确到分'],
    ['zero', cap('junior', 0, 'x'), 'limits.0.amountFen', '金额应大于 0 元'],
    [
      'an end before the start',
      cap('junior', 50000, 'x', { validFrom: '2021-01-01', validUntil: '2020-12-31' }),
      'limits.0.validUntil',
      '“有效期至”不能早于“生效日期”',
    ],
    [
      'an approved fee for one exam form',
      { ...cap('junior', 50000, 'x', { examForm: 'computer' }), kind: 'approved_fee' },
      'limits.0.examForm',
      '省级核定收费标准不分考核形式：同一证书等级在省内只有一个收费标准',
    ],
  ])('refuses %s and changes nothing', async (_label, limit, pathName, message) => {
    t = createTestCore();
    const [first] = await call<Certificate[]>('catalogue.list', {});
    const result = await t.core.dispatch('catalogue.setLimits', { id: first.id, limits: [limit] });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    expect(result.error.details?.fields).toEqual([{ path: pathName, message }]);
    expect(await call('catalogue.get', { id: first.id })).toEqual(first);
    expect(auditRows('certificate_fee_limit')).toEqual([]);
  });

  it('refuses a cap for a level the certificate does not offer', async () => {
    t = createTestCore();
    const created = await call('catalogue.create', {
      ...newCertificate,
      levels: [{ level: 'junior' }],
      limits: [],
    });
    const result = await t.core.dispatch('catalogue.setLimits', {
      id: created.id,
      limits: [cap('senior', 50000, '教职所〔2019〕314号')],
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('没有开设高级') },
    });
  });

  it('refuses two caps of one level and form whose periods overlap, allows them end to end', async () => {
    t = createTestCore();
    const [first] = await call<Certificate[]>('catalogue.list', {});
    const old = cap('junior', 50000, '教职所〔2019〕314号', {
      examForm: 'computer',
      validFrom: '2019-01-01',
      validUntil: '2021-01-01',
    });
    const next = cap('junior', 45000, '教职成厅函〔2020〕11号', {
      examForm: 'computer',
      validFrom: '2021-01-01',
    });
    const result = await t.core.dispatch('catalogue.setLimits', {
      id: first.id,
      limits: [old, next],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (result.ok) return;
    expect(result.error.details?.fields).toEqual([
      {
        path: 'limits.1.validFrom',
        message: expect.stringContaining(
          '初级机考考核成本上限的有效期（2021年1月1日起有效）与另一条（教职所〔2019〕314号，2019年1月1日至2021年1月1日有效）重叠',
        ),
      },
    ]);
    // End to end, and a 未区分 cap over the same days, are fine: the form decides.
    const saved = await call('catalogue.setLimits', {
      id: first.id,
      limits: [
        { ...old, validUntil: '2020-12-31' },
        next,
        cap('junior', 60000, '教职所〔2019〕314号'),
      ],
    });
    expect(saved.limits.map((l) => [l.examForm, l.amountFen, l.validFrom])).toEqual([
      ['any', 60000, null],
      ['computer', 50000, '2019-01-01'],
      ['computer', 45000, '2021-01-01'],
    ]);
  });

  it('writes every change to the audit log with before and after, keeping ids', async () => {
    t = createTestCore();
    const [first] = await call<Certificate[]>('catalogue.list', {});
    const doc = '教职所〔2019〕314号';
    const set = await call('catalogue.setLimits', {
      id: first.id,
      limits: [cap('junior', 50000, doc), cap('intermediate', 60000, doc)],
    });
    const [junior, intermediate] = set.limits;
    expect([junior.level, intermediate.level]).toEqual(['junior', 'intermediate']);
    const changed = await call('catalogue.setLimits', {
      id: first.id,
      limits: [{ ...junior, amountFen: 45000 }, intermediate],
    });
    expect(changed.limits.map((l) => l.id)).toEqual([junior.id, intermediate.id]);
    await call('catalogue.setLimits', { id: first.id, limits: [{ ...junior, amountFen: 45000 }] });
    // Dropping a level that has a cap removes the cap: also recorded.
    const current = await call('catalogue.get', { id: first.id });
    await call('catalogue.update', {
      id: first.id,
      name: current.name,
      organization: current.organization,
      batch: current.batch,
      source: current.source,
      levels: current.levels.filter((l) => l.level !== 'junior').map(({ level }) => ({ level })),
      requirements: [{ text: '实训室一间' }],
    });
    expect((await call('catalogue.get', { id: first.id })).limits).toEqual([]);

    const entries = auditRows('certificate_fee_limit');
    expect(entries.map((e) => [e.entityId, e.action])).toEqual([
      [String(junior.id), 'create'],
      [String(intermediate.id), 'create'],
      [String(junior.id), 'update'],
      [String(intermediate.id), 'delete'],
      [String(junior.id), 'delete'],
    ]);
    expect(entries[2].before).toMatchObject({
      amountFen: 50000,
      document: doc,
      levelLabel: '初级',
    });
    expect(entries[2].after).toMatchObject({ amountFen: 45000, document: doc });
    expect(entries[3].after).toBeNull();
    expect(entries[4].before).toMatchObject({ amountFen: 45000, certificateName: first.name });
    // Requirements are not money: no audit entries for them.
    expect(auditRows().every((e) => e.entity !== 'certificate_requirement')).toBe(true);
  });
});

describe('hardware requirements', () => {
  it('keeps ids of kept items, reorders, inserts and removes', async () => {
    t = createTestCore();
    const created = await call('catalogue.create', newCertificate);
    const [a, b] = created.requirements;
    const next = await call('catalogue.setRequirements', {
      id: created.id,
      items: [{ text: '投影仪 1 台' }, { id: b.id, text: '数位板 45 块' }],
    });
    expect(next.requirements).toEqual([
      { id: expect.any(Number), text: '投影仪 1 台' },
      { id: b.id, text: '数位板 45 块' },
    ]);
    expect(next.requirements[0].id).not.toBe(a.id);

    const other = await call('catalogue.create', { ...newCertificate, name: '另一个证书' });
    const stolen = await t.core.dispatch('catalogue.setRequirements', {
      id: created.id,
      items: [{ id: other.requirements[0].id, text: '不属于它' }],
    });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await call('catalogue.get', { id: created.id })).requirements).toEqual(
      next.requirements,
    );
  });
});

describe('import', () => {
  const header = ['证书名称', '培训评价组织', '批次', '等级'];
  const fileWith = (rows: unknown[][]) =>
    xlsxBytes({
      rows: [['1+X 证书目录（第三批节选）'], header, ...(rows as never[][])],
      decorate: (sheet) => sheet.mergeCells('A1:D1'),
    });

  it('previews per-row errors with the row number and column, and refuses to commit them', async () => {
    t = createTestCore();
    const bytes = await fileWith([
      ['数字媒体交互设计', '凤凰新联合（北京）教育科技有限公司', '第三批', '初级、中级、高级'],
      ['界面设计', '', '第三批', '初级'],
      ['网络安全评估', '中科软科技股份有限公司', '3', '特级'],
      ['物流管理', '北京中物联物流采购培训中心', '第一批', '1/2/3'],
      ['数字媒体交互设计', '别的组织', '第三批', '初级'],
    ]);
    const file = upload('第三批.xlsx', bytes);
    const preview = await call<ImportPreview>('catalogue.importPreview', { file });
    expect(preview.headerRowNumber).toBe(2);
    // Rows 3 and 7 name the same certificate differently: both are held back until one goes.
    const clash =
      '第 3、7 行的证书名称都是“数字媒体交互设计”，但其他内容不同：同一证书名称只能有一行，请核对后只保留正确的一行';
    expect(preview.summary).toEqual({
      total: 5,
      valid: 1,
      invalid: 4,
      toCreate: 0,
      toUpdate: 0,
      unchanged: 1,
    });
    expect(preview.rows.map((r) => r.action)).toEqual([null, null, null, 'unchanged', null]);
    expect(preview.rows.flatMap((r) => r.errors)).toEqual([
      expect.objectContaining({ rowNumber: 3, column: '证书名称', reason: clash }),
      {
        rowNumber: 4,
        column: '培训评价组织',
        field: 'organization',
        reason: '请填写培训评价组织',
        message: '第 4 行“培训评价组织”列：请填写培训评价组织',
        group: '请填写培训评价组织',
      },
      expect.objectContaining({
        rowNumber: 5,
        column: '等级',
        message:
          '第 5 行“等级”列：无法识别的等级“特级”：应为 初级、中级、高级（或 1、2、3），多个用顿号分隔',
      }),
      expect.objectContaining({
        rowNumber: 7,
        column: '证书名称',
        message: `第 7 行“证书名称”列：${clash}`,
      }),
    ]);

    const before = await call<Certificate[]>('catalogue.list', {});
    const commit = await t.core.dispatch('catalogue.importCommit', { file });
    expect(commit).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/^未导入任何数据：4 行有错误/) },
    });
    expect(await call<Certificate[]>('catalogue.list', {})).toEqual(before);
    expect(auditEntries(t, 'certificate_import')).toEqual([]);

    // 仅导入无误的行: the one valid row goes in; the log says which file and how many were left out.
    expect(await call<ImportResult>('catalogue.importCommit', { file, skipInvalid: true })).toEqual(
      { total: 1, created: 0, updated: 0, unchanged: 1, leftOut: 4 },
    );
    expect(auditEntries(t, 'certificate_import').map((e) => e.after)).toEqual([
      { fileName: '第三批.xlsx', total: 1, created: 0, updated: 0, unchanged: 1, leftOut: 4 },
    ]);
  });

  it('commits a clean file all at once, and re-importing updates rather than duplicates', async () => {
    t = createTestCore();
    const bytes = await fileWith([
      ['数字媒体交互设计', '凤凰新联合（北京）教育科技有限公司', '第三批', '初级、中级、高级'],
      ['网络安全评估', '中科软科技股份有限公司', '3', '中级/高级'],
      ['物流管理', '北京中物联物流采购培训中心', '第一批', '初级、中级'],
    ]);
    const logistics = (await call<Certificate[]>('catalogue.list', {})).find(
      (c) => c.name === '物流管理',
    )!;
    const doc = '教职所〔2019〕314号';
    await call('catalogue.setLimits', {
      id: logistics.id,
      limits: [cap('junior', 30000, doc), cap('senior', 90000, doc)],
    });

    const file = upload('第三批.xlsx', bytes);
    const events: ProgressEvent[] = [];
    const unsubscribe = t.core.events.on((e) => {
      if (e.type === 'progress') events.push(e);
    });
    expect(
      await call<ImportResult>('catalogue.importCommit', { file, taskId: 'page-task-1' }),
    ).toEqual({
      total: 3,
      created: 2,
      updated: 1,
      unchanged: 0,
    });
    unsubscribe();
    expect(events.every((e) => e.taskId === 'page-task-1')).toBe(true);
    expect(events.map((e) => e.label)).toEqual(
      expect.arrayContaining(['证书目录导入：正在读取文件', '证书目录导入：正在写入']),
    );
    expect(events.at(-1)).toMatchObject({ label: '证书目录导入：正在写入', done: 3, total: 3 });
    const list = await call<Certificate[]>('catalogue.list', {});
    expect(list).toHaveLength(18);
    const security = list.find((c) => c.name === '网络安全评估')!;
    expect(security).toMatchObject({
      batch: '第三批',
      source: '由文件“第三批.xlsx”导入',
      levels: [{ level: 'intermediate' }, { level: 'senior' }],
      limits: [],
    });
    const updatedLogistics = list.find((c) => c.id === logistics.id)!;
    // The cap entered by the user stays with the level the file keeps; 高级 was dropped.
    expect(updatedLogistics.levels).toEqual([
      { level: 'junior', platformCode: 1 },
      { level: 'intermediate', platformCode: 2 },
    ]);
    expect(updatedLogistics.limits.map((l) => [l.level, l.amountFen])).toEqual([['junior', 30000]]);

    const again = await call<ImportPreview>('catalogue.importPreview', { file });
    expect(again.summary).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3, invalid: 0 });
    expect(await call<ImportResult>('catalogue.importCommit', { file })).toEqual({
      total: 3,
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(await call<Certificate[]>('catalogue.list', {})).toEqual(list);
  });

  it('reads a GBK CSV with a manual column mapping', async () => {
    t = createTestCore();
    const bytes = csvBytes(
      [
        ['名称', '评价组织', '级别'],
        ['智能制造设备安装与调试', '"北京" 某公司, 有限', '初级，中级'],
      ],
      'gbk',
    );
    const file = upload('目录.csv', bytes);
    const first = await call<ImportPreview>('catalogue.importPreview', { file });
    expect(first.missingFields.map((f) => f.label)).toEqual(['证书名称']);
    const mapped = await call<ImportPreview>('catalogue.importPreview', {
      file,
      mapping: { name: 0 },
    });
    expect(mapped.summary).toMatchObject({ valid: 1, toCreate: 1 });
    expect(
      await call<ImportResult>('catalogue.importCommit', { file, mapping: { name: 0 } }),
    ).toEqual({ total: 1, created: 1, updated: 0, unchanged: 0 });
    const created = (await call<Certificate[]>('catalogue.list', { search: '智能制造' }))[0];
    expect(created.organization).toBe('"北京" 某公司, 有限');
    expect(created.levels.map((l) => l.level)).toEqual(['junior', 'intermediate']);
  });

  it('refuses a broken file with a Chinese message', async () => {
    t = createTestCore();
    const bytes = await fileWith([['a', 'b', 'c', '初级']]);
    const result = await t.core.dispatch('catalogue.importPreview', {
      file: upload('坏.xlsx', bytes.subarray(0, bytes.length / 2)),
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_FILE',
        message: expect.stringContaining(
          '文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或被截断',
        ),
      },
    });
  });
});

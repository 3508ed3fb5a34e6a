import { existsSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../harness/core';
import { makePdf } from '../harness/files';
import { fails, ok, readRows } from '../harness/staff';

let t: TestCore;
afterEach(() => t?.dispose());

const offCampus = {
  name: '东湖软件园实训基地',
  campus: 'off',
  partner: '武汉某某软件有限公司',
  capacity: 60,
  agreementStart: '2020-09-01',
  agreementEnd: '2023-08-31',
};

describe('training sites', () => {
  it('creates on- and off-campus sites, updates one, deletes one, with audit', async () => {
    t = createTestCore();
    const off = await ok(t, 'sites.save', offCampus);
    expect(off).toMatchObject(offCampus);
    const on = await ok(t, 'sites.save', { name: '校内实训中心', campus: 'on', capacity: 200 });
    expect(on).toMatchObject({ partner: '', agreementStart: null, agreementEnd: null });
    // On-campus sites first, then by name.
    expect((await ok(t, 'sites.list', {})).map((s) => s.name)).toEqual([
      '校内实训中心',
      '东湖软件园实训基地',
    ]);

    const updated = await ok(t, 'sites.save', { ...offCampus, id: off.id, capacity: 80 });
    expect(updated.capacity).toBe(80);
    expect(await ok(t, 'sites.usage', { id: on.id })).toEqual({ refs: [], summary: '' });
    await ok(t, 'sites.delete', { id: on.id });
    expect(await ok(t, 'sites.list', {})).toEqual([updated]);
    const audit = readRows<{ action: string }>(
      t,
      "SELECT action FROM audit_log WHERE entity = 'training_site' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'update', 'delete']);
  });

  it('needs a partner enterprise off campus and an ordered, whole agreement period', async () => {
    t = createTestCore();
    const noPartner = await fails(t, 'sites.save', { ...offCampus, partner: '  ' });
    expect(noPartner.details?.fields).toEqual([
      { path: 'partner', message: '校外场所须填写合作企业' },
    ]);
    const backwards = await fails(t, 'sites.save', { ...offCampus, agreementEnd: '2020-08-31' });
    expect(backwards.details?.fields).toEqual([
      { path: 'agreementEnd', message: '协议结束日期不能早于开始日期' },
    ]);
    const half = await fails(t, 'sites.save', { ...offCampus, agreementEnd: null });
    expect(half.details?.fields).toEqual([
      { path: 'agreementEnd', message: '已填写协议开始日期，请同时填写协议结束日期' },
    ]);
    const badDate = await fails(t, 'sites.save', { ...offCampus, agreementStart: '2021-02-30' });
    expect(badDate.details?.fields?.[0]).toEqual({
      path: 'agreementStart',
      message: '协议开始日期应为有效日期，格式如 2020-09-01',
    });
    const badCapacity = await fails(t, 'sites.save', { ...offCampus, capacity: 0, campus: 'x' });
    expect(badCapacity.details?.fields).toEqual([
      { path: 'campus', message: '请选择校内或校外' },
      { path: 'capacity', message: '可容纳人数应为 1–100000 人之间的整数' },
    ]);
    // One day is a valid period.
    await ok(t, 'sites.save', { ...offCampus, agreementEnd: '2020-09-01' });
    expect(await ok(t, 'sites.list', {})).toHaveLength(1);
  });

  it('keeps site names unique', async () => {
    t = createTestCore();
    await ok(t, 'sites.save', offCampus);
    const error = await fails(t, 'sites.save', { ...offCampus, campus: 'on' });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message: '已有名为“东湖软件园实训基地”的实习实训场所，请换一个名称，未保存。',
      details: { fields: [{ path: 'name' }] },
    });
  });
});

describe('training sites and their attachments', () => {
  it('asks before deleting a site with a cooperation agreement, then removes link and file', async () => {
    t = createTestCore();
    const site = await ok(t, 'sites.save', offCampus);
    const pdf = makePdf('cooperation agreement');
    const link = await ok(t, 'attachments.upload', {
      ownerType: 'site',
      ownerId: site.id,
      kind: 'cooperation_agreement',
      file: { fileName: '合作协议.pdf', contentBase64: pdf.toString('base64') },
    });
    const hex = createHash('sha256').update(pdf).digest('hex');
    const blob = path.join(t.dataDir, 'attachments', hex.slice(0, 2), hex);
    expect(existsSync(blob)).toBe(true);

    const usage = await ok(t, 'sites.usage', { id: site.id });
    expect(usage.summary).toBe('关联了 1 个附件（合作协议.pdf）。删除场所时这些附件一并删除。');
    const refused = await fails(t, 'sites.delete', { id: site.id });
    expect(refused.code).toBe('IN_USE');
    expect(refused.message).toBe(
      '实习实训场所“东湖软件园实训基地”关联了 1 个附件（合作协议.pdf）。删除场所时这些附件一并删除。确认后才能删除，未删除任何内容。',
    );
    expect(existsSync(blob)).toBe(true);
    expect(await ok(t, 'sites.list', {})).toHaveLength(1);

    await ok(t, 'sites.delete', { id: site.id, force: true });
    expect(await ok(t, 'sites.list', {})).toEqual([]);
    expect(readRows(t, 'SELECT * FROM attachment_links')).toEqual([]);
    expect(existsSync(blob)).toBe(false);
    const audit = readRows<{ entity: string; entity_id: string }>(
      t,
      "SELECT entity, entity_id FROM audit_log WHERE action = 'delete' ORDER BY id",
    );
    expect(audit).toEqual([
      { entity: 'attachment_link', entity_id: String(link.id) },
      { entity: 'training_site', entity_id: String(site.id) },
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../harness/core';
import { makePng } from '../harness/files';
import { auditEntries, fails, ok, readRows } from '../harness/staff';

let t: TestCore;
afterEach(() => t?.dispose());

const room = {
  name: '软件开发实训室',
  areaM2: 120.5,
  workstations: 50,
  equipment: [
    { name: '计算机', model: 'ThinkCentre M920', quantity: 50, unitValue: 5999.9 },
    { name: '交换机', model: 'S5735', quantity: 2, unitValue: '¥12,800.50' },
  ],
};

describe('training rooms', () => {
  it('saves a room with its equipment in fen and shows the totals', async () => {
    t = createTestCore();
    const saved = await ok(t, 'rooms.save', room);
    expect(saved).toMatchObject({
      name: '软件开发实训室',
      areaM2: 120.5,
      workstations: 50,
      equipmentQuantity: 52,
      totalValueFen: 50 * 599990 + 2 * 1280050,
    });
    expect(saved.equipment.map((e) => [e.name, e.unitValueFen, e.totalValueFen])).toEqual([
      ['计算机', 599990, 29999500],
      ['交换机', 1280050, 2560100],
    ]);
    const stored = readRows<{ unit_value_fen: number; type: string }>(
      t,
      'SELECT unit_value_fen, typeof(unit_value_fen) AS type FROM room_equipment ORDER BY position',
    );
    expect(stored).toEqual([
      { unit_value_fen: 599990, type: 'integer' },
      { unit_value_fen: 1280050, type: 'integer' },
    ]);
    expect(await ok(t, 'rooms.list', {})).toEqual([saved]);
  });

  it('edits the equipment list: keeps ids of kept lines, adds and removes lines', async () => {
    t = createTestCore();
    const saved = await ok(t, 'rooms.save', room);
    const [pc, sw] = saved.equipment;
    const edited = await ok(t, 'rooms.save', {
      id: saved.id,
      name: '软件开发实训室',
      areaM2: 120.5,
      workstations: 60,
      equipment: [
        { id: sw.id, name: '交换机', model: 'S5735', quantity: 3, unitValue: 12800.5 },
        { name: '投影仪', quantity: 1, unitValue: 4500 },
      ],
    });
    expect(edited.equipment.map((e) => [e.name, e.quantity])).toEqual([
      ['交换机', 3],
      ['投影仪', 1],
    ]);
    expect(edited.equipment[0].id).toBe(sw.id);
    expect(edited.totalValueFen).toBe(3 * 1280050 + 450000);
    expect(readRows(t, 'SELECT id FROM room_equipment WHERE id = ?', pc.id)).toEqual([]);
    const audit = readRows<{ action: string; after_json: string }>(
      t,
      "SELECT action, after_json FROM audit_log WHERE entity = 'training_room' ORDER BY id",
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1].after_json).totalValueFen).toBe(edited.totalValueFen);
  });

  it('saves room and equipment in one transaction: a bad line leaves everything as it was', async () => {
    t = createTestCore();
    const saved = await ok(t, 'rooms.save', room);
    const other = await ok(t, 'rooms.save', {
      name: '网络实训室',
      areaM2: 80,
      workstations: 40,
      equipment: [{ name: '路由器', quantity: 4, unitValue: 3000 }],
    });
    // The first lines are written before the third, which belongs to another room, is refused.
    const error = await fails(t, 'rooms.save', {
      id: saved.id,
      name: '改名后的实训室',
      areaM2: 99,
      workstations: 1,
      equipment: [
        { name: '新设备', quantity: 1, unitValue: 1 },
        { id: saved.equipment[0].id, name: '计算机', quantity: 1, unitValue: 1 },
        { id: other.equipment[0].id, name: '路由器', quantity: 1, unitValue: 1 },
      ],
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'equipment.2.name' }] },
    });
    expect(error.message).toContain('设备清单第 3 行');
    expect(await ok(t, 'rooms.list', {})).toEqual([other, saved]);
    expect(readRows(t, 'SELECT * FROM room_equipment')).toHaveLength(3);
  });

  it('validates area, workstations and each equipment line at its path', async () => {
    t = createTestCore();
    const error = await fails(t, 'rooms.save', {
      name: ' ',
      areaM2: 12.345,
      workstations: 1.5,
      equipment: [
        { name: '计算机', quantity: 0, unitValue: 1 },
        { name: '', quantity: 1, unitValue: '12.345' },
        { name: '台', quantity: 1 },
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual([
      { path: 'name', message: '请填写实训室名称' },
      {
        path: 'areaM2',
        message: '实训室面积应为大于 0 的数字（平方米，最多两位小数），例如 120 或 85.5',
      },
      { path: 'workstations', message: '工位数应为 0–100000 个之间的整数' },
      { path: 'equipment.0.quantity', message: '设备数量应为 1–100000 台（套）之间的整数' },
      { path: 'equipment.1.name', message: '请填写设备名称' },
      {
        path: 'equipment.1.unitValue',
        message: '设备单价应以元为单位，最多两位小数，例如 12800 或 12800.50',
      },
      { path: 'equipment.2.unitValue', message: '请填写设备单价' },
    ]);
    expect(await ok(t, 'rooms.list', {})).toEqual([]);
    expect((await fails(t, 'rooms.save', { ...room, areaM2: 0 })).details?.fields?.[0].path).toBe(
      'areaM2',
    );
  });

  it('keeps room names unique and deletes a room with its equipment', async () => {
    t = createTestCore();
    const saved = await ok(t, 'rooms.save', room);
    const duplicate = await fails(t, 'rooms.save', { ...room, equipment: [] });
    expect(duplicate).toMatchObject({
      code: 'CONFLICT',
      message: '已有名为“软件开发实训室”的实训室，请换一个名称，未保存。',
      details: { fields: [{ path: 'name' }] },
    });
    expect(await ok(t, 'rooms.usage', { id: saved.id })).toEqual({ refs: [], summary: '' });
    expect(await ok(t, 'rooms.delete', { id: saved.id })).toEqual({ id: saved.id });
    expect(await ok(t, 'rooms.list', {})).toEqual([]);
    const audit = auditEntries(t, 'training_room');
    expect(audit.map((a) => [Number(a.entityId), a.action])).toEqual([
      [saved.id, 'create'],
      [saved.id, 'delete'],
    ]);
    expect(audit[1]).toMatchObject({ before: { name: room.name }, after: null });
    expect(readRows(t, 'SELECT * FROM room_equipment')).toEqual([]);
    expect((await fails(t, 'rooms.usage', { id: saved.id })).code).toBe('NOT_FOUND');
  });
});

describe('training rooms and their attachments', () => {
  it('keeps a photo another owner also uses when the room goes with its link', async () => {
    t = createTestCore();
    const saved = await ok(t, 'rooms.save', room);
    const other = await ok(t, 'rooms.save', { ...room, name: '网络实训室', equipment: [] });
    const png = makePng();
    for (const owner of [saved, other]) {
      await ok(t, 'attachments.upload', {
        ownerType: 'room',
        ownerId: owner.id,
        kind: 'room_photo',
        file: { fileName: '实训室照片.png', contentBase64: png.toString('base64') },
      });
    }
    expect((await ok(t, 'rooms.usage', { id: saved.id })).refs).toEqual([
      {
        kind: 'attachment',
        label: '个附件',
        count: 1,
        examples: ['实训室照片.png'],
        onDelete: 'unlink',
        consequence: '删除实训室时这些附件一并删除',
      },
    ]);
    expect((await fails(t, 'rooms.delete', { id: saved.id })).code).toBe('IN_USE');
    await ok(t, 'rooms.delete', { id: saved.id, force: true });
    expect(readRows(t, 'SELECT owner_id FROM attachment_links')).toEqual([{ owner_id: other.id }]);
    expect(readRows(t, 'SELECT id FROM attachments')).toHaveLength(1);
    expect(readRows(t, 'SELECT * FROM room_equipment')).toEqual([]);
  });
});

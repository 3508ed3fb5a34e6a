import type { Equipment, RoomSaveData, TrainingRoom } from '../../../../shared/contract/rooms';
import { equipmentTotalFen, lineValueFen } from '../../../../shared/domain/facilities';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { CoreError } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { deleteUnusedBlobFiles } from '../attachments/storedContent';
import { releaseRoom, roomUsage } from './usage';

interface RoomRow {
  id: number;
  name: string;
  area_m2: number;
  workstations: number;
  created_at: string;
  updated_at: string;
}

interface EquipmentRow {
  id: number;
  room_id: number;
  name: string;
  model: string;
  quantity: number;
  unit_value_fen: number;
}

function equipmentFromRow(row: EquipmentRow): Equipment {
  return {
    id: row.id,
    name: row.name,
    model: row.model,
    quantity: row.quantity,
    unitValueFen: row.unit_value_fen,
    totalValueFen: lineValueFen({ quantity: row.quantity, unitValueFen: row.unit_value_fen }),
  };
}

function roomFromRows(row: RoomRow, equipment: Equipment[]): TrainingRoom {
  return {
    id: row.id,
    name: row.name,
    areaM2: row.area_m2,
    workstations: row.workstations,
    equipment,
    equipmentCount: equipment.length,
    equipmentQuantity: equipment.reduce((sum, e) => sum + e.quantity, 0),
    totalValueFen: equipmentTotalFen(equipment),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function roomsHandlers(
  ctx: CoreContext,
): HandlersFor<'rooms.list' | 'rooms.save' | 'rooms.usage' | 'rooms.delete'> {
  const { db } = ctx;
  const listRooms = db.prepare<[], RoomRow>('SELECT * FROM training_rooms ORDER BY name');
  const listEquipment = db.prepare<[], EquipmentRow>(
    'SELECT * FROM room_equipment ORDER BY room_id, position, id',
  );
  const getRoom = db.prepare<[number], RoomRow>('SELECT * FROM training_rooms WHERE id = ?');
  const roomEquipment = db.prepare<[number], EquipmentRow>(
    'SELECT * FROM room_equipment WHERE room_id = ? ORDER BY position, id',
  );
  const byName = db.prepare<[string, number], { id: number }>(
    'SELECT id FROM training_rooms WHERE name = ? AND id <> ?',
  );
  const insertRoom = db.prepare(
    `INSERT INTO training_rooms (name, area_m2, workstations, created_at, updated_at)
     VALUES (@name, @areaM2, @workstations, @at, @at)`,
  );
  const updateRoom = db.prepare(
    `UPDATE training_rooms SET name = @name, area_m2 = @areaM2, workstations = @workstations,
       updated_at = @at WHERE id = @id`,
  );
  const insertLine = db.prepare(
    `INSERT INTO room_equipment (room_id, position, name, model, quantity, unit_value_fen)
     VALUES (@roomId, @position, @name, @model, @quantity, @unitValueFen)`,
  );
  const updateLine = db.prepare(
    `UPDATE room_equipment SET position = @position, name = @name, model = @model,
       quantity = @quantity, unit_value_fen = @unitValueFen WHERE id = @id AND room_id = @roomId`,
  );
  const deleteLine = db.prepare<[number]>('DELETE FROM room_equipment WHERE id = ?');
  const deleteRoom = db.prepare<[number]>('DELETE FROM training_rooms WHERE id = ?');

  const load = (id: number): TrainingRoom | undefined => {
    const row = getRoom.get(id);
    return row ? roomFromRows(row, roomEquipment.all(id).map(equipmentFromRow)) : undefined;
  };

  const mustGet = (id: number): TrainingRoom => {
    const room = load(id);
    if (!room) {
      throw new CoreError('NOT_FOUND', `实训室不存在（编号 ${id}），可能已被删除，请刷新列表。`);
    }
    return room;
  };

  const rows = auditedRows(ctx, 'training_room', mustGet);

  /** Writes the room and its whole equipment list; returns its id. */
  const write = (
    { id, equipment, ...room }: RoomSaveData,
    before: TrainingRoom | null,
    at: string,
  ): number => {
    if (byName.get(room.name, id ?? 0)) {
      const message = `已有名为“${room.name}”的实训室，请换一个名称，未保存。`;
      throw new CoreError('CONFLICT', message, { fields: [{ path: 'name', message }] });
    }
    let roomId: number;
    if (before) {
      updateRoom.run({ ...room, id: before.id, at });
      roomId = before.id;
    } else {
      roomId = Number(insertRoom.run({ ...room, at }).lastInsertRowid);
    }

    const kept = new Set<number>();
    const existing = new Set(before?.equipment.map((e) => e.id) ?? []);
    equipment.forEach((line, position) => {
      const values = {
        roomId,
        position,
        name: line.name,
        model: line.model,
        quantity: line.quantity,
        unitValueFen: line.unitValueFen,
      };
      if (line.id === undefined) {
        insertLine.run(values);
        return;
      }
      if (!existing.has(line.id) || kept.has(line.id)) {
        const message = `设备清单第 ${position + 1} 行不是该实训室已登记的设备（可能已被删除），请刷新后重试`;
        throw new CoreError('VALIDATION', `输入有误，未保存。${message}`, {
          fields: [{ path: `equipment.${position}.name`, message }],
        });
      }
      updateLine.run({ ...values, id: line.id });
      kept.add(line.id);
    });
    for (const oldId of existing) if (!kept.has(oldId)) deleteLine.run(oldId);

    return roomId;
  };

  /** The room and its whole equipment list in one transaction: all of it is saved or none. */
  const save = (input: RoomSaveData): TrainingRoom =>
    rows.save(input.id, (before, { at }) => write(input, before, at));

  const remove = (id: number, force: boolean) =>
    rows.remove(id, (before, stamp) => {
      guardDelete(`实训室“${before.name}”`, roomUsage(db, id), force);
      const releasedBlobs = releaseRoom(db, id, stamp);
      deleteRoom.run(id);
      return { id, releasedBlobs };
    });

  return {
    'rooms.list': () => {
      const byRoom = new Map<number, Equipment[]>();
      for (const row of listEquipment.all()) {
        const lines = byRoom.get(row.room_id) ?? [];
        lines.push(equipmentFromRow(row));
        byRoom.set(row.room_id, lines);
      }
      return listRooms.all().map((row) => roomFromRows(row, byRoom.get(row.id) ?? []));
    },
    'rooms.save': (input) => save(input),
    'rooms.usage': ({ id }) => {
      mustGet(id);
      return roomUsage(db, id);
    },
    'rooms.delete': ({ id, force }) => {
      const { releasedBlobs } = remove(id, force);
      // Files of attachments that went with it, once the delete has committed.
      deleteUnusedBlobFiles(db, releasedBlobs);
      return { id };
    },
  };
}

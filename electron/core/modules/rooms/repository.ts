import type { Equipment, TrainingRoom } from '../../../../shared/contract/rooms';
import { equipmentTotalFen, lineValueFen } from '../../../../shared/domain/facilities';
import type { Db } from '../../db/open';
import { camelRow, type SnakeRow } from '../../db/rows';

/** A room's own columns; its equipment comes from room_equipment. */
type RoomRow = SnakeRow<
  Pick<TrainingRoom, 'id' | 'name' | 'areaM2' | 'workstations' | 'createdAt' | 'updatedAt'>
>;

const selectRooms =
  'SELECT id, name, area_m2, workstations, created_at, updated_at FROM training_rooms';

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
  // The times stay last, where the audit log has always recorded them.
  const { createdAt, updatedAt, ...room } = camelRow(row);
  return {
    ...room,
    equipment,
    equipmentCount: equipment.length,
    equipmentQuantity: equipment.reduce((sum, e) => sum + e.quantity, 0),
    totalValueFen: equipmentTotalFen(equipment),
    createdAt,
    updatedAt,
  };
}

/** The columns of an equipment line. */
export interface EquipmentValues {
  roomId: number;
  position: number;
  name: string;
  model: string;
  quantity: number;
  unitValueFen: number;
}

/** The rooms and equipment tables' statements, prepared once per core. */
export function roomsRepository(db: Db) {
  const listRooms = db.prepare<[], RoomRow>(`${selectRooms} ORDER BY name`);
  const listEquipment = db.prepare<[], EquipmentRow>(
    'SELECT * FROM room_equipment ORDER BY room_id, position, id',
  );
  const getRoom = db.prepare<[number], RoomRow>(`${selectRooms} WHERE id = ?`);
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
  type RoomValues = { name: string; areaM2: number; workstations: number; at: string };
  return {
    /** Every room with its equipment, by name. */
    list: (): TrainingRoom[] => {
      const byRoom = new Map<number, Equipment[]>();
      for (const row of listEquipment.all()) {
        const lines = byRoom.get(row.room_id) ?? [];
        lines.push(equipmentFromRow(row));
        byRoom.set(row.room_id, lines);
      }
      return listRooms.all().map((row) => roomFromRows(row, byRoom.get(row.id) ?? []));
    },
    get: (id: number): TrainingRoom | null => {
      const row = getRoom.get(id);
      return row ? roomFromRows(row, roomEquipment.all(id).map(equipmentFromRow)) : null;
    },
    /** Whether another room (`selfId` excluded) has this name. */
    nameTaken: (name: string, selfId: number): boolean => byName.get(name, selfId) !== undefined,
    insert: (values: RoomValues): number => Number(insertRoom.run(values).lastInsertRowid),
    update: (id: number, values: RoomValues): void => {
      updateRoom.run({ ...values, id });
    },
    remove: (id: number): void => {
      deleteRoom.run(id);
    },
    insertLine: (values: EquipmentValues): void => {
      insertLine.run(values);
    },
    updateLine: (id: number, values: EquipmentValues): void => {
      updateLine.run({ ...values, id });
    },
    removeLine: (id: number): void => {
      deleteLine.run(id);
    },
  };
}

/** Names of the attachments linked to a room or site, oldest first. */
export function placeAttachmentNames(
  db: Db,
  ownerType: 'room' | 'site',
  ownerId: number,
): string[] {
  return db
    .prepare<[string, number], { display_name: string }>(
      'SELECT display_name FROM attachment_links WHERE owner_type = ? AND owner_id = ? ORDER BY id',
    )
    .all(ownerType, ownerId)
    .map((r) => r.display_name);
}

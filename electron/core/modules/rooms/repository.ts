import type { Equipment, TrainingRoom } from '../../../../shared/contract/rooms';
import { equipmentTotalFen, lineValueFen } from '../../../../shared/domain/facilities';
import type { Db } from '../../db/open';
import { recordWriter } from '../../db/recordWriter';
import { camelRow, type SnakeRow } from '../../db/rows';

/** A room's own columns; its equipment comes from room_equipment. */
type RoomRow = SnakeRow<
  Pick<TrainingRoom, 'id' | 'name' | 'areaM2' | 'workstations' | 'createdAt' | 'updatedAt'>
>;

/** A room's own columns: its equipment lines are written one by one. */
const roomRecords = recordWriter<{ name: string; areaM2: number; workstations: number }>(
  'training_rooms',
  { name: 'name', area_m2: 'areaM2', workstations: 'workstations' },
);

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
  const insertLine = db.prepare(
    `INSERT INTO room_equipment (room_id, position, name, model, quantity, unit_value_fen)
     VALUES (@roomId, @position, @name, @model, @quantity, @unitValueFen)`,
  );
  const updateLine = db.prepare(
    `UPDATE room_equipment SET position = @position, name = @name, model = @model,
       quantity = @quantity, unit_value_fen = @unitValueFen WHERE id = @id AND room_id = @roomId`,
  );
  const deleteLine = db.prepare<[number]>('DELETE FROM room_equipment WHERE id = ?');
  return {
    ...roomRecords(db),
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

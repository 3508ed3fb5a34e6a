import type { RoomSaveData, TrainingRoom } from '../../../../shared/contract/rooms';
import type { CoreContext } from '../../context';
import { auditedRows } from '../../db/audit';
import { CoreError, mustExist } from '../../errors';
import type { HandlersFor } from '../../handlers';
import { guardDelete } from '../../usage';
import { deleteUnusedBlobFiles } from '../attachments/storedContent';
import { roomsRepository } from './repository';
import { releaseRoom, roomUsage } from './usage';

export function roomsHandlers(
  ctx: CoreContext,
): HandlersFor<'rooms.list' | 'rooms.save' | 'rooms.usage' | 'rooms.delete'> {
  const { db } = ctx;
  const repo = roomsRepository(db);

  const mustGet = (id: number): TrainingRoom => mustExist(repo.get(id), '实训室', id);

  const rows = auditedRows(ctx, 'training_room', mustGet);

  /** Writes the room and its whole equipment list; returns its id. */
  const write = (
    { id, equipment, ...room }: RoomSaveData,
    before: TrainingRoom | null,
    at: string,
  ): number => {
    if (repo.nameTaken(room.name, id ?? 0)) {
      const message = `已有名为“${room.name}”的实训室，请换一个名称，未保存。`;
      throw new CoreError('CONFLICT', message, { fields: [{ path: 'name', message }] });
    }
    let roomId: number;
    if (before) {
      repo.update(before.id, { ...room, at });
      roomId = before.id;
    } else {
      roomId = repo.insert({ ...room, at });
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
        repo.insertLine(values);
        return;
      }
      if (!existing.has(line.id) || kept.has(line.id)) {
        const message = `设备清单第 ${position + 1} 行不是该实训室已登记的设备（可能已被删除），请刷新后重试`;
        throw new CoreError('VALIDATION', `输入有误，未保存。${message}`, {
          fields: [{ path: `equipment.${position}.name`, message }],
        });
      }
      repo.updateLine(line.id, values);
      kept.add(line.id);
    });
    for (const oldId of existing) if (!kept.has(oldId)) repo.removeLine(oldId);

    return roomId;
  };

  /** The room and its whole equipment list in one transaction: all of it is saved or none. */
  const save = (input: RoomSaveData): TrainingRoom =>
    rows.save(input.id, (before, { at }) => write(input, before, at));

  const remove = (id: number, force: boolean) =>
    rows.remove(id, (before, stamp) => {
      guardDelete(`实训室“${before.name}”`, roomUsage(db, id), force);
      const releasedBlobs = releaseRoom(db, id, stamp);
      repo.remove(id);
      return { id, releasedBlobs };
    });

  return {
    'rooms.list': () => repo.list(),
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

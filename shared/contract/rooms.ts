import * as z from 'zod';
import { hasAtMostTwoDecimals } from '../domain/facilities';
import {
  byIdSchema,
  deleteSchema,
  idField,
  intField,
  optionalText,
  requiredText,
  yuanToFenField,
  type DeleteResult,
} from './fields';
import type { Usage } from './usage';
import type { TopicsOf } from './topics';

const areaMessage = '实训室面积应为大于 0 的数字（平方米，最多两位小数），例如 120 或 85.5';

/** The fields of one equipment line; `unitValue` is typed in yuan and parsed into fen. */
export const equipmentFields = {
  /** Present when the line already exists, so edits keep its identity. */
  id: idField('设备编号').optional(),
  name: requiredText('设备名称', 100),
  model: optionalText('规格型号', 100),
  quantity: intField('设备数量', 1, 100000, '台（套）'),
  unitValue: yuanToFenField('设备单价'),
};

export const equipmentInputSchema = z
  .strictObject(equipmentFields)
  .transform(({ unitValue, ...line }) => ({ ...line, unitValueFen: unitValue }));

export const roomFields = {
  name: requiredText('实训室名称', 100),
  areaM2: z
    .number({ error: (issue) => (issue.input == null ? '请填写实训室面积' : areaMessage) })
    .positive({ error: areaMessage })
    .max(100000, { error: '实训室面积不能超过 100000 平方米' })
    .refine(hasAtMostTwoDecimals, { error: areaMessage }),
  workstations: intField('工位数', 0, 100000, '个'),
  equipment: z
    .array(equipmentInputSchema, { error: '设备清单格式不正确' })
    .max(500, { error: '一个实训室最多登记 500 行设备' })
    .default([]),
};

export const roomInputSchema = z.object(roomFields);
/** Create (no id) or update (with id); the equipment list replaces the saved one. */
export const roomSaveSchema = z.object({ id: idField('实训室编号').optional(), ...roomFields });

export type RoomSaveInput = z.input<typeof roomSaveSchema>;
export type RoomSaveData = z.output<typeof roomSaveSchema>;

export interface Equipment {
  id: number;
  name: string;
  model: string;
  quantity: number;
  unitValueFen: number;
  /** quantity × unit value. */
  totalValueFen: number;
}

export interface TrainingRoom {
  id: number;
  name: string;
  /** m², at most two decimals. */
  areaM2: number;
  workstations: number;
  equipment: Equipment[];
  /** Lines in the equipment list. */
  equipmentCount: number;
  /** Sum of the equipment quantities. */
  equipmentQuantity: number;
  totalValueFen: number;
  createdAt: string;
  updatedAt: string;
}

export const roomsContract = {
  'rooms.list': { input: z.object({}).strict(), output: {} as TrainingRoom[] },
  'rooms.save': { input: roomSaveSchema.strict(), output: {} as TrainingRoom },
  'rooms.usage': { input: byIdSchema.strict(), output: {} as Usage },
  'rooms.delete': { input: deleteSchema.strict(), output: {} as DeleteResult },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const roomsTopics = {
  'rooms.list': { reads: ['rooms', 'attachments'] },
  'rooms.save': { writes: ['rooms'] },
  'rooms.usage': { reads: ['rooms', 'projects', 'batches', 'attachments'] },
  'rooms.delete': { writes: ['rooms', 'projects', 'batches', 'attachments'] },
} as const satisfies TopicsOf<typeof roomsContract>;

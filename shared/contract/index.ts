import type { z } from 'zod';
import './zodLocale';
import { attachmentsContract } from './attachments';
import { backupContract } from './backup';
import { catalogueContract } from './catalogue';
import { dashboardContract } from './dashboard';
import { examsContract } from './exams';
import { feesContract } from './fees';
import { majorsContract } from './majors';
import { roomsContract } from './rooms';
import { packageContract } from './package';
import { projectsContract } from './projects';
import { schoolContract } from './school';
import { sitesContract } from './sites';
import { studentsContract } from './students';
import { systemContract } from './system';
import { teachersContract } from './teachers';
import { uploadsContract } from './uploads';
import { weeklyContract } from './weekly';

/**
 * Every handler the core offers: name → zod input schema and output type. Hosts validate each
 * input against `input` before the core sees it; the renderer's client is typed from this map.
 * `output` is a type carrier only (its runtime value is never read).
 */
export const contract = {
  ...systemContract,
  ...schoolContract,
  ...attachmentsContract,
  ...catalogueContract,
  ...backupContract,
  ...majorsContract,
  ...teachersContract,
  ...roomsContract,
  ...sitesContract,
  ...projectsContract,
  ...studentsContract,
  ...packageContract,
  ...dashboardContract,
  ...examsContract,
  ...feesContract,
  ...weeklyContract,
  ...uploadsContract,
} as const;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
export type HandlerInput<N extends HandlerName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends HandlerName> = z.output<Contract[N]['input']>;
export type HandlerOutput<N extends HandlerName> = Contract[N]['output'];

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './events';
export * from './bridge';

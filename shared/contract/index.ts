import type { z } from 'zod';
import './zodLocale';
import { agreementsContract, agreementsTopics } from './agreements';
import { arrangementsContract, arrangementsTopics } from './arrangements';
import { attachmentsContract, attachmentsTopics } from './attachments';
import { backupContract, backupTopics } from './backup';
import { catalogueContract, catalogueTopics } from './catalogue';
import { dashboardContract, dashboardTopics } from './dashboard';
import { examsContract, examsTopics } from './exams';
import { examSitesContract, examSitesTopics } from './examSites';
import { feesContract, feesTopics } from './fees';
import { fundsContract, fundsTopics } from './funds';
import { majorsContract, majorsTopics } from './majors';
import { roomsContract, roomsTopics } from './rooms';
import { packageContract, packageTopics } from './package';
import { photosContract, photosTopics } from './photos';
import { projectsContract, projectsTopics } from './projects';
import { schoolContract, schoolTopics } from './school';
import { sitesContract, sitesTopics } from './sites';
import { studentsContract, studentsTopics } from './students';
import { systemContract, systemTopics } from './system';
import { teachersContract, teachersTopics } from './teachers';
import type { HandlerTopics } from './topics';
import { uploadsContract, uploadsTopics } from './uploads';
import { importsContract, importsTopics } from './imports';
import { weeklyContract, weeklyTopics } from './weekly';

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
  ...arrangementsContract,
  ...agreementsContract,
  ...examSitesContract,
  ...feesContract,
  ...fundsContract,
  ...weeklyContract,
  ...uploadsContract,
  ...importsContract,
  ...photosContract,
} as const;

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
export type HandlerInput<N extends HandlerName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends HandlerName> = z.output<Contract[N]['input']>;
export type HandlerOutput<N extends HandlerName> = Contract[N]['output'];

/** What each handler reads and writes; a handler missing here does not compile. */
export const handlerTopics: { readonly [N in HandlerName]: HandlerTopics } = {
  ...agreementsTopics,
  ...arrangementsTopics,
  ...attachmentsTopics,
  ...backupTopics,
  ...catalogueTopics,
  ...dashboardTopics,
  ...examsTopics,
  ...examSitesTopics,
  ...feesTopics,
  ...fundsTopics,
  ...majorsTopics,
  ...roomsTopics,
  ...packageTopics,
  ...photosTopics,
  ...projectsTopics,
  ...schoolTopics,
  ...sitesTopics,
  ...studentsTopics,
  ...systemTopics,
  ...teachersTopics,
  ...uploadsTopics,
  ...importsTopics,
  ...weeklyTopics,
};

export function isHandlerName(name: unknown): name is HandlerName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './errors';
export * from './events';
export * from './bridge';
export * from './topics';

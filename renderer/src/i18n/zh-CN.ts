import {
  app,
  bulk,
  chart,
  common,
  dataCentre,
  deleteConfirm,
  errorBoundary,
  errorHints,
  nav,
  print,
  verdict,
} from './zh-CN/common';
import { webHost, webSession } from './zh-CN/webHost';
import { importer, uploads } from './zh-CN/importer';
import { dashboard } from './zh-CN/dashboard';
import { attachments } from './zh-CN/attachments';
import { catalogue } from './zh-CN/catalogue';
import { majors } from './zh-CN/majors';
import { teachers } from './zh-CN/teachers';
import { facilities, rooms } from './zh-CN/rooms';
import { sites } from './zh-CN/sites';
import { projects } from './zh-CN/projects';
import { selfCheck } from './zh-CN/selfCheck';
import { packageText } from './zh-CN/package';
import { school } from './zh-CN/school';
import { backup, recovery } from './zh-CN/backup';
import { batchPackage, exams } from './zh-CN/exams';
import { agreements } from './zh-CN/agreements';
import { examSites } from './zh-CN/examSites';
import { arrangements } from './zh-CN/arrangements';
import { students } from './zh-CN/students';
import { fees } from './zh-CN/fees';
import { funds } from './zh-CN/funds';
import { weekly } from './zh-CN/weekly';
import { photos } from './zh-CN/photos';

/** Every user-facing string of the renderer, one file per feature under zh-CN/. */
export const zhCN = {
  app,
  nav,
  print,
  common,
  dataCentre,
  verdict,
  chart,
  dashboard,
  webSession,
  errorHints,
  webHost,
  errorBoundary,
  attachments,
  importer,
  catalogue,
  majors,
  teachers,
  facilities,
  rooms,
  sites,
  bulk,
  deleteConfirm,
  projects,
  selfCheck,
  package: packageText,
  school,
  backup,
  recovery,
  exams,
  batchPackage,
  agreements,
  examSites,
  arrangements,
  students,
  fees,
  funds,
  weekly,
  uploads,
  photos,
} as const;

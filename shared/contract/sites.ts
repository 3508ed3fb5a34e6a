import * as z from 'zod';
import {
  campusKinds,
  siteCrossFieldIssues,
  type CampusKind,
  type SiteCrossFields,
} from '../domain/facilities';
import {
  byIdSchema,
  deleteSchema,
  idField,
  intField,
  optionalDate,
  optionalText,
  requiredText,
  type DeleteResult,
} from './fields';
import type { Usage } from './usage';
import type { TopicsOf } from './topics';

export const siteFields = {
  name: requiredText('场所名称', 100),
  campus: z.enum(campusKinds, { error: '请选择校内或校外' }),
  partner: optionalText('合作企业', 100),
  capacity: intField('可容纳人数', 1, 100000, '人'),
  agreementStart: optionalDate('协议开始日期'),
  agreementEnd: optionalDate('协议结束日期'),
};

/** Rules across fields (shared/domain/facilities.ts), reported at their fields' paths. */
function checkSite(site: SiteCrossFields, ctx: z.RefinementCtx): void {
  for (const issue of siteCrossFieldIssues(site)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  }
}

/** Create (no id) or update (with id). */
export const siteSaveSchema = z
  .object({ id: idField('场所编号').optional(), ...siteFields })
  .superRefine(checkSite);

export type SiteSaveInput = z.input<typeof siteSaveSchema>;
export type SiteSaveData = z.output<typeof siteSaveSchema>;

export interface TrainingSite {
  id: number;
  name: string;
  campus: CampusKind;
  partner: string;
  capacity: number;
  /** ISO dates (2020-09-01), null when no agreement period is recorded. */
  agreementStart: string | null;
  agreementEnd: string | null;
  createdAt: string;
  updatedAt: string;
}

export const sitesContract = {
  'sites.list': { input: z.object({}).strict(), output: {} as TrainingSite[] },
  'sites.save': { input: siteSaveSchema.strict(), output: {} as TrainingSite },
  'sites.usage': { input: byIdSchema.strict(), output: {} as Usage },
  'sites.delete': { input: deleteSchema.strict(), output: {} as DeleteResult },
} as const;

/** What each handler reads and writes (see topics.ts). */
export const sitesTopics = {
  'sites.list': { reads: ['sites', 'attachments'] },
  'sites.save': { writes: ['sites'] },
  'sites.usage': { reads: ['sites', 'projects', 'batches', 'attachments'] },
  'sites.delete': { writes: ['sites', 'projects', 'batches', 'attachments'] },
} as const satisfies TopicsOf<typeof sitesContract>;

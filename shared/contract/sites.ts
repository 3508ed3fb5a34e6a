import { z } from 'zod';
import { campusKinds, type CampusKind } from '../domain/facilities';
import {
  byIdSchema,
  deleteSchema,
  idField,
  intField,
  optionalDate,
  optionalText,
  requiredText,
  type DeleteResult,
} from './staffFields';
import type { Usage } from './usage';

export const siteFields = {
  name: requiredText('场所名称', 100),
  campus: z.enum(campusKinds, { error: '请选择校内或校外' }),
  partner: optionalText('合作企业', 100),
  capacity: intField('可容纳人数', 1, 100000, '人'),
  agreementStart: optionalDate('协议开始日期'),
  agreementEnd: optionalDate('协议结束日期'),
};

type SiteShape = {
  campus: CampusKind;
  partner: string;
  agreementStart: string | null;
  agreementEnd: string | null;
};

/** Rules across fields: a partner for off-campus sites, a whole and ordered agreement period. */
function checkSite(site: SiteShape, ctx: z.RefinementCtx): void {
  if (site.campus === 'off' && site.partner === '') {
    ctx.addIssue({ code: 'custom', path: ['partner'], message: '校外场所须填写合作企业' });
  }
  if (site.agreementStart && !site.agreementEnd) {
    ctx.addIssue({
      code: 'custom',
      path: ['agreementEnd'],
      message: '已填写协议开始日期，请同时填写协议结束日期',
    });
  }
  if (!site.agreementStart && site.agreementEnd) {
    ctx.addIssue({
      code: 'custom',
      path: ['agreementStart'],
      message: '已填写协议结束日期，请同时填写协议开始日期',
    });
  }
  if (site.agreementStart && site.agreementEnd && site.agreementEnd < site.agreementStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['agreementEnd'],
      message: '协议结束日期不能早于开始日期',
    });
  }
}

export const siteInputSchema = z.object(siteFields).superRefine(checkSite);
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

import * as z from 'zod';
import {
  batchSchema,
  certificateNameSchema,
  organizationSchema,
  sourceSchema,
} from '../../../../shared/contract/catalogue';
import type { ImportResult } from '../../../../shared/contract/imports';
import { parseLevels, type CertificateLevel } from '../../../../shared/domain/certificate';
import { auditImport } from '../../db/audit';
import type { CoreContext } from '../../context';
import type { ImportFieldSpec } from '../../io/header';
import type { ImportDefinition, ValidRow } from '../../io/importDefinition';
import type { CatalogueRepository, LevelInput } from './repository';

type Field = 'name' | 'organization' | 'batch' | 'levels' | 'source';

export const catalogueImportFields: readonly ImportFieldSpec<Field>[] = [
  {
    key: 'name',
    label: '证书名称',
    synonyms: [
      '证书',
      '证书名',
      '证书全称',
      '职业技能等级证书',
      '职业技能等级证书名称',
      '1+X证书名称',
      'X证书名称',
    ],
    required: true,
    rule: '职业技能等级证书的名称；已有同名证书会被更新，不会重复添加。',
    example: 'Web前端开发',
  },
  {
    key: 'organization',
    label: '培训评价组织',
    synonyms: ['评价组织', '培训评价组织名称', '培训评价机构', '发证机构', '颁证机构', '组织名称'],
    required: true,
    rule: '培训评价组织的全称。',
    example: '工业和信息化部教育与考试中心',
  },
  {
    key: 'batch',
    label: '批次',
    synonyms: ['公布批次', '所属批次', '证书批次'],
    rule: '证书公布的批次，如 第一批。',
    example: '第一批',
  },
  {
    key: 'levels',
    label: '等级',
    synonyms: ['级别', '证书等级', '开设等级', '包含等级', '等级（初级/中级/高级）'],
    required: true,
    rule: '初级、中级、高级中的一个或几个（也可填 1、2、3），多个用顿号分隔。',
    example: '初级、中级、高级',
  },
  {
    key: 'source',
    label: '来源',
    synonyms: ['来源说明', '数据来源', '备注'],
    rule: '数据来源或备注；不填时记为由哪个文件导入。',
    example: '教育部职业技术教育中心研究所公布名单',
  },
];

const levelsCellSchema = z.string().transform((text, ctx): CertificateLevel[] => {
  if (text.trim() === '') {
    ctx.addIssue({
      code: 'custom',
      message: '请填写等级：初级、中级、高级中的一个或几个，多个用顿号分隔',
    });
    return z.NEVER;
  }
  const parsed = parseLevels(text);
  if (!parsed.ok) {
    ctx.addIssue({
      code: 'custom',
      message: `无法识别的等级“${parsed.unknown.join('、')}”：应为 初级、中级、高级（或 1、2、3），多个用顿号分隔`,
    });
    return z.NEVER;
  }
  return parsed.levels;
});

export const catalogueImportRowSchema = z.object({
  name: certificateNameSchema,
  organization: organizationSchema,
  batch: batchSchema,
  levels: levelsCellSchema,
  source: sourceSchema,
});
type ImportedCertificate = z.output<typeof catalogueImportRowSchema>;

const keyOf = (name: string) => name.toLowerCase();

/**
 * 证书目录 import: matched by name among certificates in use, so importing the same file again
 * updates them instead of adding copies. Caps are never imported (each needs its document
 * number, entered by the user); caps already entered stay with the levels the file keeps.
 */
export function catalogueImportDefinition(
  ctx: CoreContext,
  repo: CatalogueRepository,
  fileName: string,
): ImportDefinition<Field, ImportedCertificate> {
  /** What a row writes to the saved certificate `id` (empty cells keep what is saved). */
  const planUpdate = (id: number, value: ImportedCertificate) => {
    const current = repo.get(id);
    const fields = {
      name: current.name,
      organization: value.organization,
      batch: value.batch || current.batch,
      source: value.source || current.source,
    };
    const levels = value.levels.map((level): LevelInput => ({ level }));
    const changed =
      fields.organization !== current.organization ||
      fields.batch !== current.batch ||
      fields.source !== current.source ||
      levels.map((l) => l.level).join() !== current.levels.map((l) => l.level).join();
    return { current, fields, levels, changed };
  };
  return {
    title: '证书目录导入',
    fields: catalogueImportFields,
    rowSchema: catalogueImportRowSchema,
    keyOf: (value) => keyOf(value.name),
    keyField: 'name',
    existingKeys: () => new Set(repo.activeNames().map(keyOf)),
    holds(value) {
      const existing = repo.activeByName(value.name);
      return existing !== undefined && !planUpdate(existing.id, value).changed;
    },
    apply(rows: readonly ValidRow<ImportedCertificate>[], progress, leftOut): ImportResult {
      const at = ctx.now();
      let created = 0;
      let updated = 0;
      let unchanged = 0;
      rows.forEach(({ value }, index) => {
        const existing = repo.activeByName(value.name);
        if (existing) {
          const { current, fields, levels, changed } = planUpdate(existing.id, value);
          if (changed) {
            repo.updateCertificate(current.id, fields, at);
            repo.writeLevels(current, levels, at);
            updated += 1;
          } else unchanged += 1;
        } else {
          const fields = {
            name: value.name,
            organization: value.organization,
            batch: value.batch,
            source: value.source || `由文件“${fileName}”导入`,
          };
          const id = repo.insertCertificate(fields, at);
          repo.writeLevels(
            { id, name: value.name },
            value.levels.map((level) => ({ level })),
            at,
          );
          created += 1;
        }
        progress(index + 1);
      });
      const summary = { fileName, total: rows.length, created, updated, unchanged, leftOut };
      auditImport(ctx, 'certificate_import', fileName, summary, at);
      return { total: rows.length, created, updated, unchanged };
    },
  };
}

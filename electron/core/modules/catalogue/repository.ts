import type {
  Certificate,
  CertificateData,
  CertificateLevelEntry,
  FeeLimitInput,
} from '../../../../shared/contract/catalogue';
import type { AuditAction } from '../../../../shared/domain/audit';
import type { FeeLimit } from '../../../../shared/domain/costCaps';
import {
  certificateLevelCodes,
  certificateLevelLabels,
  certificateLevels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import type { CoreContext } from '../../context';
import { auditLog, auditStamp } from '../../db/audit';
import { CoreError, validationError } from '../../errors';
import { assertLevelUnused } from '../exams/usage';
import { limitsByCertificate, limitsOf } from './limits';

interface CertificateRow {
  id: number;
  name: string;
  organization: string;
  organization_code: string;
  batch: string;
  source: string;
  archived: 0 | 1;
  created_at: string;
  updated_at: string;
}

interface LevelRow {
  certificate_id: number;
  level: CertificateLevel;
}

interface RequirementRow {
  id: number;
  certificate_id: number;
  position: number;
  text: string;
}

export type LevelInput = CertificateData['levels'][number];
export type LimitInput = FeeLimitInput;
export type CertificateFields = Pick<
  CertificateData,
  'name' | 'organization' | 'batch' | 'source'
> & {
  /** Left out (an import): a new certificate has none, an existing one keeps its own. */
  organizationCode?: string;
};

const levelOrder = (level: CertificateLevel) => certificateLevels.indexOf(level);

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** All reads and writes of the catalogue tables; callers wrap writes in one transaction. */
export function catalogueRepository(ctx: CoreContext) {
  const { db } = ctx;
  const statements = {
    byId: db.prepare<[number], CertificateRow>('SELECT * FROM certificates WHERE id = ?'),
    list: db.prepare<{ includeArchived: 0 | 1; search: string; pattern: string }, CertificateRow>(
      `SELECT * FROM certificates
       WHERE (archived = 0 OR @includeArchived = 1)
         AND (@search = '' OR name LIKE @pattern ESCAPE '\\' OR organization LIKE @pattern ESCAPE '\\'
              OR batch LIKE @pattern ESCAPE '\\')
       ORDER BY archived, id`,
    ),
    activeByName: db.prepare<[string], CertificateRow>(
      'SELECT * FROM certificates WHERE archived = 0 AND name = ? COLLATE NOCASE',
    ),
    activeNames: db.prepare<[], string>('SELECT name FROM certificates WHERE archived = 0').pluck(),
    levels: db.prepare<[number], LevelRow>(
      'SELECT * FROM certificate_levels WHERE certificate_id = ?',
    ),
    allLevels: db.prepare<[], LevelRow>('SELECT * FROM certificate_levels'),
    requirements: db.prepare<[number], RequirementRow>(
      'SELECT * FROM certificate_requirements WHERE certificate_id = ? ORDER BY position, id',
    ),
    allRequirements: db.prepare<[], RequirementRow>(
      'SELECT * FROM certificate_requirements ORDER BY certificate_id, position, id',
    ),
    insert: db.prepare(
      `INSERT INTO certificates (name, organization, organization_code, batch, source, archived,
         created_at, updated_at)
       VALUES (@name, @organization, coalesce(@organizationCode, ''), @batch, @source, 0, @at, @at)`,
    ),
    update: db.prepare(
      `UPDATE certificates SET name = @name, organization = @organization,
         organization_code = coalesce(@organizationCode, organization_code), batch = @batch,
         source = @source, updated_at = @at WHERE id = @id`,
    ),
    touch: db.prepare('UPDATE certificates SET updated_at = ? WHERE id = ?'),
    organizationCode: db.prepare<[string, number], { code: string }>(
      `SELECT organization_code AS code FROM certificates
       WHERE organization = ? AND id <> ? AND organization_code <> ''
       ORDER BY updated_at DESC, id DESC LIMIT 1`,
    ),
    otherCodes: db.prepare<[string, string], { id: number }>(
      'SELECT id FROM certificates WHERE organization = ? AND organization_code <> ?',
    ),
    setCode: db.prepare(
      'UPDATE certificates SET organization_code = ?, updated_at = ? WHERE id = ?',
    ),
    setArchived: db.prepare('UPDATE certificates SET archived = ?, updated_at = ? WHERE id = ?'),
    insertLevel: db.prepare(
      'INSERT INTO certificate_levels (certificate_id, level, updated_at) VALUES (?, ?, ?)',
    ),
    insertLimit: db.prepare(
      `INSERT INTO certificate_fee_limits (certificate_id, level, kind, exam_form, amount_fen,
         document, valid_from, valid_until, updated_at)
       VALUES (@certificateId, @level, @kind, @examForm, @amountFen, @document, @validFrom,
         @validUntil, @at)`,
    ),
    updateLimit: db.prepare(
      `UPDATE certificate_fee_limits SET level = @level, kind = @kind, exam_form = @examForm,
         amount_fen = @amountFen, document = @document, valid_from = @validFrom,
         valid_until = @validUntil, updated_at = @at WHERE id = @id`,
    ),
    deleteLimit: db.prepare('DELETE FROM certificate_fee_limits WHERE id = ?'),
    deleteLevel: db.prepare(
      'DELETE FROM certificate_levels WHERE certificate_id = ? AND level = ?',
    ),
    insertRequirement: db.prepare(
      'INSERT INTO certificate_requirements (certificate_id, position, text) VALUES (?, ?, ?)',
    ),
    updateRequirement: db.prepare(
      'UPDATE certificate_requirements SET position = ?, text = ? WHERE id = ?',
    ),
    deleteRequirement: db.prepare('DELETE FROM certificate_requirements WHERE id = ?'),
  };

  function assemble(
    row: CertificateRow,
    levels: readonly LevelRow[],
    requirements: readonly RequirementRow[],
    limits: readonly FeeLimit[],
  ): Certificate {
    return {
      id: row.id,
      name: row.name,
      organization: row.organization,
      organizationCode: row.organization_code,
      batch: row.batch,
      source: row.source,
      archived: row.archived === 1,
      levels: [...levels]
        .sort((a, b) => levelOrder(a.level) - levelOrder(b.level))
        .map((l): CertificateLevelEntry => ({
          level: l.level,
          platformCode: certificateLevelCodes[l.level],
        })),
      requirements: requirements.map((r) => ({ id: r.id, text: r.text })),
      limits: [...limits],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  function find(id: number): Certificate | undefined {
    const row = statements.byId.get(id);
    if (!row) return undefined;
    return assemble(
      row,
      statements.levels.all(id),
      statements.requirements.all(id),
      limitsOf(db, id),
    );
  }

  function get(id: number): Certificate {
    const found = find(id);
    if (!found) {
      throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的证书，它可能已被删除。请刷新列表。`);
    }
    return found;
  }

  function list(filter: { includeArchived: boolean; search: string }): Certificate[] {
    const rows = statements.list.all({
      includeArchived: filter.includeArchived ? 1 : 0,
      search: filter.search,
      pattern: `%${escapeLike(filter.search)}%`,
    });
    const levels = new Map<number, LevelRow[]>();
    for (const l of statements.allLevels.all()) {
      levels.set(l.certificate_id, [...(levels.get(l.certificate_id) ?? []), l]);
    }
    const requirements = new Map<number, RequirementRow[]>();
    for (const r of statements.allRequirements.all()) {
      requirements.set(r.certificate_id, [...(requirements.get(r.certificate_id) ?? []), r]);
    }
    const limits = limitsByCertificate(db);
    return rows.map((row) =>
      assemble(
        row,
        levels.get(row.id) ?? [],
        requirements.get(row.id) ?? [],
        limits.get(row.id) ?? [],
      ),
    );
  }

  /** Refuses a name already used by another certificate in use (archived ones don't count). */
  function assertNameFree(name: string, exceptId?: number): void {
    const clash = statements.activeByName.get(name);
    if (clash && clash.id !== exceptId) {
      const message = `已有同名证书“${clash.name}”（未归档）`;
      throw new CoreError(
        'CONFLICT',
        `${message}。证书名称在使用中的证书里不能重复，请换一个名称，或直接编辑已有的那一条。`,
        { fields: [{ path: 'name', message }], existingId: clash.id },
      );
    }
  }

  const limitAudit = (certificate: { id: number; name: string }, limit: Omit<FeeLimit, 'id'>) => ({
    certificateId: certificate.id,
    certificateName: certificate.name,
    kind: limit.kind,
    level: limit.level,
    levelLabel: certificateLevelLabels[limit.level],
    examForm: limit.examForm,
    amountFen: limit.amountFen,
    document: limit.document,
    validFrom: limit.validFrom,
    validUntil: limit.validUntil,
  });

  const recordLimit = auditLog(db, 'certificate_fee_limit');
  const recordCertificate = auditLog(db, 'certificate', certificateAuditView);
  function auditLimit(
    certificate: { id: number; name: string },
    id: number,
    action: AuditAction,
    before: Omit<FeeLimit, 'id'> | null,
    after: Omit<FeeLimit, 'id'> | null,
    at: string,
  ): void {
    recordLimit(
      auditStamp(ctx, at),
      id,
      action,
      before && limitAudit(certificate, before),
      after && limitAudit(certificate, after),
    );
  }

  /**
   * Makes the offered levels exactly `levels`. A level removed takes its caps and approved fees
   * with it, each removal audited.
   */
  function writeLevels(
    certificate: { id: number; name: string },
    levels: readonly { level: CertificateLevel }[],
    at: string,
  ): void {
    const before = new Set(statements.levels.all(certificate.id).map((l) => l.level));
    const wanted = new Set(levels.map((l) => l.level));
    for (const level of before) {
      if (wanted.has(level)) continue;
      assertLevelUnused(db, certificate, level);
      for (const limit of limitsOf(db, certificate.id).filter((l) => l.level === level)) {
        statements.deleteLimit.run(limit.id);
        auditLimit(certificate, limit.id, 'delete', limit, null, at);
      }
      statements.deleteLevel.run(certificate.id, level);
    }
    for (const { level } of levels) {
      if (!before.has(level)) statements.insertLevel.run(certificate.id, level, at);
    }
  }

  /**
   * Makes the caps and approved fees exactly `limits` (overlaps were refused by the contract).
   * Items sent with their id keep it; every change is written to the audit log.
   */
  function writeLimits(
    certificate: { id: number; name: string },
    limits: readonly LimitInput[],
    at: string,
  ): void {
    const offered = new Set(statements.levels.all(certificate.id).map((l) => l.level));
    const existing = new Map(limitsOf(db, certificate.id).map((l) => [l.id, l]));
    const issues = limits.flatMap((limit, index) => {
      const label = certificateLevelLabels[limit.level];
      if (!offered.has(limit.level)) {
        return [
          {
            path: `limits.${index}.level`,
            message: `“${certificate.name}”没有开设${label}，不能录入${label}的收费依据。请先勾选该等级`,
          },
        ];
      }
      if (limit.id !== undefined && !existing.has(limit.id)) {
        return [
          {
            path: `limits.${index}`,
            message: `第 ${index + 1} 条收费依据已不存在（可能已被删除），请重新打开后再保存`,
          },
        ];
      }
      return [];
    });
    if (issues.length > 0) throw validationError(issues);
    const kept = new Set(limits.map((l) => l.id).filter((id) => id !== undefined));
    for (const [id, old] of existing) {
      if (kept.has(id)) continue;
      statements.deleteLimit.run(id);
      auditLimit(certificate, id, 'delete', old, null, at);
    }
    for (const { id, ...limit } of limits) {
      if (id === undefined) {
        const newId = Number(
          statements.insertLimit.run({ ...limit, certificateId: certificate.id, at })
            .lastInsertRowid,
        );
        auditLimit(certificate, newId, 'create', null, limit, at);
        continue;
      }
      const old = existing.get(id)!;
      const same = (Object.keys(limit) as (keyof typeof limit)[]).every((k) => old[k] === limit[k]);
      if (same) continue;
      statements.updateLimit.run({ ...limit, id, at });
      auditLimit(certificate, id, 'update', old, limit, at);
    }
  }

  /**
   * Makes the checklist exactly `items`, in order. Items sent with their id keep it (so ticks
   * elsewhere stay attached); items without an id are new; items left out are removed.
   */
  function writeRequirements(
    certificateId: number,
    items: readonly { id?: number; text: string }[],
  ): void {
    const existing = new Map(statements.requirements.all(certificateId).map((r) => [r.id, r]));
    const kept = new Set<number>();
    items.forEach((item, index) => {
      if (item.id === undefined) return;
      if (!existing.has(item.id) || kept.has(item.id)) {
        throw new CoreError(
          'VALIDATION',
          `实训条件要求第 ${index + 1} 项不属于这个证书或重复出现，请刷新后重试。未做任何改动。`,
          { fields: [{ path: `requirements.${index}.id`, message: '条目编号无效' }] },
        );
      }
      kept.add(item.id);
    });
    for (const id of existing.keys()) if (!kept.has(id)) statements.deleteRequirement.run(id);
    items.forEach((item, index) => {
      const position = index + 1;
      if (item.id === undefined) {
        statements.insertRequirement.run(certificateId, position, item.text);
      } else {
        const old = existing.get(item.id)!;
        if (old.position !== position || old.text !== item.text) {
          statements.updateRequirement.run(position, item.text, item.id);
        }
      }
    });
  }

  /**
   * 发证机构编码 is the evaluation organization's, so every certificate of one organization
   * carries the same: a code given for one is set on the others (each change audited), and a
   * certificate saved without one takes its organization's.
   */
  function shareOrganizationCode(
    id: number,
    organization: string,
    given: string | undefined,
    at: string,
  ) {
    const code = given ?? statements.organizationCode.get(organization, id)?.code;
    if (code === undefined) return;
    for (const other of statements.otherCodes.all(organization, code)) {
      const before = other.id === id ? undefined : get(other.id);
      statements.setCode.run(code, at, other.id);
      if (before) recordCertificate(auditStamp(ctx, at), other.id, 'update', before, get(other.id));
    }
  }

  function insertCertificate(fields: CertificateFields, at: string): number {
    const id = Number(
      statements.insert.run({ ...fields, organizationCode: fields.organizationCode ?? null, at })
        .lastInsertRowid,
    );
    // A new certificate left blank takes its organization's code.
    shareOrganizationCode(id, fields.organization, fields.organizationCode || undefined, at);
    return id;
  }

  function updateCertificate(id: number, fields: CertificateFields, at: string): void {
    statements.update.run({
      ...fields,
      organizationCode: fields.organizationCode ?? null,
      id,
      at,
    });
    shareOrganizationCode(id, fields.organization, fields.organizationCode, at);
  }

  function setArchived(id: number, archived: boolean, at: string): void {
    statements.setArchived.run(archived ? 1 : 0, at, id);
  }

  return {
    find,
    get,
    list,
    assertNameFree,
    activeByName: (name: string) => statements.activeByName.get(name),
    activeNames: () => statements.activeNames.all(),
    insertCertificate,
    updateCertificate,
    touch: (id: number, at: string) => statements.touch.run(at, id),
    writeLevels,
    writeLimits,
    writeRequirements,
    setArchived,
  };
}

export type CatalogueRepository = ReturnType<typeof catalogueRepository>;

/** What the audit log keeps of a certificate: what the coordinator edits, in words. */
export function certificateAuditView(certificate: Certificate) {
  return {
    name: certificate.name,
    organization: certificate.organization,
    organizationCode: certificate.organizationCode,
    batch: certificate.batch,
    source: certificate.source,
    archived: certificate.archived,
    levels: certificate.levels.map((l) => certificateLevelLabels[l.level]),
    requirements: certificate.requirements.map((r) => r.text),
  };
}

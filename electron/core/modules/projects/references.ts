import type { FieldIssue } from '../../../../shared/contract/errors';
import type { ProjectData } from '../../../../shared/contract/projects';
import { certificateLevelLabels } from '../../../../shared/domain/certificate';
import type { Db } from '../../db/open';
import { CoreError, validationError } from '../../errors';
import { certificateFacts, offeredLevels } from '../catalogue/lookupRepository';
import {
  missingMembers,
  projectOfCertificateYear,
  requirementCertificateLookup,
  type ProjectMember,
} from './referenceRepository';

/**
 * Checks what the schema cannot: the certificate exists (and is in use for a new project), offers
 * the chosen levels, the members exist and the ticked requirements belong to the certificate.
 * Field-level messages, so the page marks the right field.
 */
export function checkReferences(db: Db, data: ProjectData, isNew: boolean): void {
  const certificate = certificateFacts(db, data.certificateId);
  if (!certificate) {
    throw validationError([{ path: 'certificateId', message: '所选证书不存在，请重新选择' }]);
  }
  const issues: FieldIssue[] = [];
  if (isNew && certificate.archived === 1) {
    issues.push({
      path: 'certificateId',
      message: `证书“${certificate.name}”已归档，请先在证书目录中恢复后再新建试点项目`,
    });
  }
  const offered = new Set(offeredLevels(db, data.certificateId));
  const notOffered = data.levels.filter((l) => !offered.has(l));
  if (notOffered.length > 0) {
    issues.push({
      path: 'levels',
      message: `证书“${certificate.name}”不设${notOffered.map((l) => certificateLevelLabels[l]).join('、')}等级`,
    });
  }
  const members: [keyof ProjectData, ProjectMember, string, readonly number[]][] = [
    ['majorIds', 'major', '专业', data.majorIds],
    ['teacherIds', 'teacher', '教师', data.teacherIds],
    ['roomIds', 'room', '实训室', data.roomIds],
    ['siteIds', 'site', '实习实训场所', data.siteIds],
  ];
  for (const [path, member, label, ids] of members) {
    const missing = missingMembers(db, member, ids);
    if (missing.length > 0) {
      issues.push({
        path,
        message: `${label}（编号 ${missing.join('、')}）不存在或已被删除，请刷新后重新选择`,
      });
    }
  }
  const certificateOf = requirementCertificateLookup(db);
  const foreign = data.hardwareChecks.filter((id) => certificateOf(id) !== data.certificateId);
  if (foreign.length > 0) {
    issues.push({
      path: 'hardwareChecks',
      message: `勾选的实训条件要求（编号 ${foreign.join('、')}）不属于该证书，请刷新后重新勾选`,
    });
  }
  if (issues.length > 0) throw validationError(issues);
}

export function ensureUniqueYear(db: Db, data: ProjectData, exceptId: number | null): void {
  const clash = projectOfCertificateYear(db, data.certificateId, data.year);
  if (clash && clash.id !== exceptId) {
    throw new CoreError(
      'CONFLICT',
      `“${clash.name}”${data.year} 年度的试点项目已存在，请打开该项目修改，或选择其他年度。`,
      { fields: [{ path: 'year', message: `${data.year} 年度已有该证书的试点项目` }] },
    );
  }
}

import type { FieldIssue } from '../../../../shared/contract/errors';
import {
  certificateLevelLabels,
  type CertificateLevel,
} from '../../../../shared/domain/certificate';
import type { FeeLimit } from '../../../../shared/domain/costCaps';
import type { Db } from '../../db/open';
import { validationError } from '../../errors';
import { limitsOf } from '../catalogue/limits';
import { certificateFacts, offeredLevels } from '../catalogue/lookupRepository';
import { offersLevel } from './batchRepository';

/** A certificate level as the catalogue has it: what batches and agreements check against. */
export interface LevelFacts {
  certificateId: number;
  certificateName: string;
  organization: string;
  archived: boolean;
  level: CertificateLevel;
  /** The certificate's caps and approved fees; which applies depends on the date and form. */
  limits: FeeLimit[];
}

/**
 * The certificate and its level, refusing (at the form's fields) a certificate that does not
 * exist or a level it does not offer.
 */
export function levelFacts(db: Db, certificateId: number, level: CertificateLevel): LevelFacts {
  const certificate = certificateFacts(db, certificateId);
  if (!certificate) {
    throw validationError([{ path: 'certificateId', message: '所选证书不存在，请重新选择' }]);
  }
  if (!offersLevel(db, certificateId, level)) {
    const offered = offeredLevels(db, certificateId).map((l) => certificateLevelLabels[l]);
    const issue: FieldIssue = {
      path: 'level',
      message: `证书“${certificate.name}”不设${certificateLevelLabels[level]}，可选：${offered.join('、') || '无'}`,
    };
    throw validationError([issue]);
  }
  return {
    certificateId,
    certificateName: certificate.name,
    organization: certificate.organization,
    archived: certificate.archived === 1,
    level,
    limits: limitsOf(db, certificateId),
  };
}
